/**
 * One sheet (or range) as CSV: RFC 4180 quoting by papaparse, UTF-8 without a byte-order mark,
 * CRLF line ends. `raw` writes computed values (numbers unformatted), `display` the text each cell
 * shows. Text a spreadsheet would run as a formula when the file is opened (`=`, `+`, `-`, `@`,
 * tab, carriage return first) is prefixed with `'`, so a `=HYPERLINK(…)` or `=cmd|…` in a cell
 * reaches the reader as text.
 */
import Papa from 'papaparse';
import { parseInput } from '../../core/values';
import type { GridCell, SheetGrid } from './sheet-grid';

/** How cell values are written. */
export type CsvValues = 'raw' | 'display';

const FORMULA_TRIGGER = /^[=+\-@\t\r]/;

/**
 * `text` made safe to open in a spreadsheet: prefixed with `'` when it starts with a formula
 * trigger, unless it came from a number and still reads as that number (a negative amount stays
 * `-1,200.00`, while a number format's literal `=cmd|…` text is neutralised).
 */
export function neutraliseFormulaTrigger(text: string, fromNumber: boolean): string {
	if (!FORMULA_TRIGGER.test(text)) return text;
	if (fromNumber && parseInput(text).kind === 'number') return text;
	return `'${text}`;
}

function rawText(cell: GridCell): string {
	const { value } = cell;
	if (value === null) return '';
	if (typeof value === 'object') return value.error;
	if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
	return String(value);
}

/** The CSV text of `grid`. */
export function exportCsv(grid: SheetGrid, values: CsvValues): string {
	const rows = grid.rows.map((row) =>
		row.map((cell) => {
			const text = values === 'raw' ? rawText(cell) : cell.display;
			return neutraliseFormulaTrigger(text, typeof cell.value === 'number');
		})
	);
	return Papa.unparse(rows, { newline: '\r\n', quotes: false, header: false });
}
