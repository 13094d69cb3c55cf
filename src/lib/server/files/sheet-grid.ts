/**
 * One captured sheet (or a range of it) as a dense grid of display cells, for the exporters that
 * lay cells out in rows (CSV, PDF). The grid spans the used part of the sheet (the top-left cell
 * to the last row and column holding anything) or exactly the range asked for.
 */
import { parseRange } from '../../core/addresses';
import { formatValue, type CellDisplayValue } from '../../core/number-format';
import { InvalidAddressError } from '../../core/errors';
import { invalidInput } from '../errors';
import type { CapturedSheet, CapturedWorkbook } from './workbook-capture';

/** One cell of a grid: its computed value and the text it shows. */
export interface GridCell {
	value: CellDisplayValue;
	display: string;
}

/** A rectangle of a sheet, row by row, with the column widths (pixels) it spans. */
export interface SheetGrid {
	sheetName: string;
	rows: GridCell[][];
	colWidths: number[];
}

/** Width of a column nobody resized, as the grid draws it. */
export const DEFAULT_COLUMN_PIXELS = 100;

const EMPTY: GridCell = { value: null, display: '' };

/**
 * The grid of `sheet` limited to `range` (A1 text such as `A1:F40`, or whole columns `A:F`
 * clamped to the used rows) when given. A malformed range is a 400.
 */
export function sheetGrid(
	captured: CapturedWorkbook,
	sheet: CapturedSheet,
	range: string | null
): SheetGrid {
	let top = 0;
	let left = 0;
	let bottom = -1;
	let right = -1;
	for (const cell of sheet.cells) {
		if (cell.input === null) continue;
		bottom = Math.max(bottom, cell.row);
		right = Math.max(right, cell.col);
	}
	if (range) {
		let bounds;
		try {
			bounds = parseRange(range);
		} catch (error) {
			if (error instanceof InvalidAddressError) {
				throw invalidInput('Give a range such as A1:F40.', 'range');
			}
			throw error;
		}
		top = bounds.top;
		left = bounds.left;
		bottom = bounds.kind === 'columns' ? bottom : bounds.bottom;
		right = bounds.kind === 'rows' ? right : bounds.right;
	}
	const height = Math.max(0, bottom - top + 1);
	const width = Math.max(0, right - left + 1);
	if (height * width > 1_000_000) {
		throw invalidInput('That range is larger than one export can hold.', 'range');
	}
	const rows: GridCell[][] = Array.from({ length: height }, () => new Array(width).fill(EMPTY));
	for (const cell of sheet.cells) {
		if (cell.row < top || cell.row > bottom || cell.col < left || cell.col > right) continue;
		const value: CellDisplayValue = cell.result.error
			? { error: cell.result.error.code }
			: cell.result.value;
		rows[cell.row - top][cell.col - left] = {
			value,
			display: formatValue(value, cell.format, { currency: captured.currency })
		};
	}
	const colWidths = Array.from(
		{ length: width },
		(_, index) => sheet.colWidths.get(left + index) ?? DEFAULT_COLUMN_PIXELS
	);
	return { sheetName: sheet.name, rows, colWidths };
}
