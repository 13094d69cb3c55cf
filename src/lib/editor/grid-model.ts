/**
 * The slice of a sheet the grid renders: for the visible window of rows and columns, each
 * cell's A1 address and view. Recomputed when the document, the values or the window change.
 */
import type * as Y from 'yjs';
import { columnLetters } from '$lib/core/addresses';
import type { SheetEntry } from '$lib/core/document-view';
import type { CurrencyCode } from '$lib/core/number-format';
import type { CellValueSource } from './value-source';
import { formatLookup, viewCell, type CellView } from './cell-display';
import type { IndexWindow } from './grid-geometry';

/** One rendered cell. */
export interface RenderedCell extends CellView {
	col: number;
	ref: string;
	/** Empty cells to the right that this cell's text spills over (absent when none). */
	spill?: number;
	/** True when text runs across this cell's right edge (its gridline is hidden). */
	joined?: boolean;
}

/** One rendered row. */
export interface RenderedRow {
	row: number;
	cells: RenderedCell[];
}

/** Views of the cells in the window (rows × columns); with column `offsets`, text spills as far as it needs. */
export function renderWindow(
	doc: Y.Doc,
	sheet: SheetEntry,
	rowIds: readonly string[],
	colIds: readonly string[],
	rows: IndexWindow,
	cols: IndexWindow,
	values: CellValueSource | null,
	currency: CurrencyCode,
	offsets?: readonly number[]
): RenderedRow[] {
	const letters: string[] = [];
	for (let c = cols.start; c < cols.end; c++) letters.push(columnLetters(c));
	const out: RenderedRow[] = [];
	const lookup = formatLookup(doc);
	for (let r = rows.start; r < rows.end; r++) {
		const rowId = rowIds[r];
		const cells: RenderedCell[] = [];
		for (let c = cols.start; c < cols.end; c++) {
			const colId = colIds[c];
			const result = values ? values.getValue(sheet.id, rowId, colId) : { value: null };
			const view = viewCell(sheet, rowId, colId, result, currency, lookup);
			cells.push({
				text: view.text,
				numeric: view.numeric,
				error: view.error,
				bold: view.bold,
				col: c,
				ref: letters[c - cols.start] + (r + 1)
			});
		}
		markSpills(cells, offsets);
		out.push({ row: r, cells });
	}
	return out;
}

/** Average width of a character of the grid's 13px font, to see how far text spills. */
const CHAR_WIDTH = 7.5;

/**
 * Text runs on over the empty cells to its right, as in Sheets, as far as it needs (estimated
 * from its length, given the column `offsets`) up to the next cell with content or the edge of
 * the window; numbers and errors never spill.
 */
function markSpills(cells: RenderedCell[], offsets?: readonly number[]): void {
	for (let i = 0; i < cells.length; i++) {
		const cell = cells[i];
		if (cell.text === '' || cell.numeric || cell.error !== undefined) continue;
		const needed = cell.text.length * CHAR_WIDTH + 8;
		let end = i + 1;
		while (
			end < cells.length &&
			cells[end].text === '' &&
			(!offsets || offsets[cells[end].col] - offsets[cell.col] < needed)
		) {
			end++;
		}
		if (end === i + 1) continue;
		cell.spill = end - i - 1;
		for (let k = i; k < end - 1; k++) cells[k].joined = true;
	}
}
