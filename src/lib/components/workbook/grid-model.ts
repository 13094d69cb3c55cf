/**
 * The slice of a sheet the grid renders: for the visible window of rows and columns, each
 * cell's A1 address and view. Recomputed when the document, the values or the window change.
 */
import type * as Y from 'yjs';
import { columnLetters } from '$lib/core/addresses';
import type { SheetEntry } from '$lib/core/document-view';
import type { CurrencyCode } from '$lib/core/number-format';
import type { CellValueSource } from '$lib/state/cell-values';
import { formatLookup, viewCell, type CellView } from './cell-display';
import type { IndexWindow } from './grid-geometry';

/** One rendered cell. */
export interface RenderedCell extends CellView {
	col: number;
	ref: string;
	/** Empty cells to the right that this cell's text spills over (absent when none). */
	spill?: number;
}

/** One rendered row. */
export interface RenderedRow {
	row: number;
	cells: RenderedCell[];
}

/** Views of the cells in the window (rows × columns). */
export function renderWindow(
	doc: Y.Doc,
	sheet: SheetEntry,
	rowIds: readonly string[],
	colIds: readonly string[],
	rows: IndexWindow,
	cols: IndexWindow,
	values: CellValueSource | null,
	currency: CurrencyCode
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
		markSpills(cells);
		out.push({ row: r, cells });
	}
	return out;
}

/**
 * Text runs on over the empty cells to its right, as in Sheets, up to the next cell with
 * content (or the edge of the window); numbers and errors never spill.
 */
function markSpills(cells: RenderedCell[]): void {
	for (let i = 0; i < cells.length; i++) {
		const cell = cells[i];
		if (cell.text === '' || cell.numeric || cell.error !== undefined) continue;
		let end = i + 1;
		while (end < cells.length && cells[end].text === '') end++;
		if (end > i + 1) cell.spill = end - i - 1;
	}
}
