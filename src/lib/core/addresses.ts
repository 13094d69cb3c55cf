/**
 * A1 addresses: column letters, cells, ranges, whole rows and whole columns, converted to and
 * from zero-based indices. Pure string arithmetic; no document access.
 */
import { InvalidAddressError } from './errors';

/** Excel's last row (1-based 1,048,576): the largest row an address may name. */
export const MAX_ROWS = 1_048_576;
/** Excel's last column (XFD): the largest column an address may name. */
export const MAX_COLS = 16_384;

/** A zero-based cell position. */
export interface CellPosition {
	row: number;
	col: number;
}

/**
 * A parsed range with zero-based inclusive bounds. `kind` says which bounds are meaningful:
 * `cells` (A1:B2, or a single cell), `columns` (A:C, rows span the whole sheet) or `rows` (3:5).
 */
export interface RangeBounds {
	kind: 'cells' | 'columns' | 'rows';
	top: number;
	left: number;
	bottom: number;
	right: number;
}

const CELL_PATTERN = /^\$?([A-Za-z]{1,3})\$?([0-9]{1,7})$/;
const COLUMN_PATTERN = /^\$?([A-Za-z]{1,3})$/;
const ROW_PATTERN = /^\$?([0-9]{1,7})$/;

/** Converts column letters (`A`, `az`, `XFD`) to a zero-based index, or -1 if out of range. */
export function columnIndexFromLetters(letters: string): number {
	let index = 0;
	for (const char of letters.toUpperCase()) {
		const code = char.charCodeAt(0);
		if (code < 65 || code > 90) return -1;
		index = index * 26 + (code - 64);
	}
	return index >= 1 && index <= MAX_COLS ? index - 1 : -1;
}

/** Converts a zero-based column index to letters (0 → `A`, 27 → `AB`). */
export function columnLetters(index: number): string {
	let letters = '';
	let n = index + 1;
	while (n > 0) {
		const rem = (n - 1) % 26;
		letters = String.fromCharCode(65 + rem) + letters;
		n = Math.floor((n - 1) / 26);
	}
	return letters;
}

/** Formats a zero-based position as `B3`. */
export function formatCellAddress(position: CellPosition): string {
	return `${columnLetters(position.col)}${position.row + 1}`;
}

/** Parses `B3` or `$B$3` to a zero-based position; returns null when it is not a valid address. */
export function tryParseCellAddress(text: string): CellPosition | null {
	const match = CELL_PATTERN.exec(text.trim());
	if (!match) return null;
	const col = columnIndexFromLetters(match[1]);
	const row = Number(match[2]) - 1;
	if (col < 0 || row < 0 || row >= MAX_ROWS) return null;
	return { row, col };
}

/** Parses a single cell address, throwing {@link InvalidAddressError} when it is not one. */
export function parseCellAddress(text: string): CellPosition {
	const position = tryParseCellAddress(text);
	if (!position) throw new InvalidAddressError(text);
	return position;
}

/** True when `text` would be read as a cell address (so it cannot be a defined name). */
export function looksLikeCellAddress(text: string): boolean {
	return tryParseCellAddress(text) !== null;
}

/**
 * Parses `B3`, `A1:C10`, `A:C` or `3:5` (with optional `$`) into zero-based bounds, normalising
 * reversed corners. Throws {@link InvalidAddressError} for anything else.
 */
export function parseRange(text: string): RangeBounds {
	const trimmed = text.trim();
	const parts = trimmed.split(':');
	if (parts.length === 1) {
		const cell = parseCellAddress(trimmed);
		return { kind: 'cells', top: cell.row, left: cell.col, bottom: cell.row, right: cell.col };
	}
	if (parts.length !== 2) throw new InvalidAddressError(text);
	const [first, second] = parts;
	const a = tryParseCellAddress(first);
	const b = tryParseCellAddress(second);
	if (a && b) return normalise('cells', a.row, a.col, b.row, b.col);
	const colA = COLUMN_PATTERN.exec(first);
	const colB = COLUMN_PATTERN.exec(second);
	if (colA && colB) {
		const left = columnIndexFromLetters(colA[1]);
		const right = columnIndexFromLetters(colB[1]);
		if (left < 0 || right < 0) throw new InvalidAddressError(text);
		return normalise('columns', 0, left, MAX_ROWS - 1, right);
	}
	const rowA = ROW_PATTERN.exec(first);
	const rowB = ROW_PATTERN.exec(second);
	if (rowA && rowB) {
		const top = Number(rowA[1]) - 1;
		const bottom = Number(rowB[1]) - 1;
		if (top < 0 || bottom < 0 || top >= MAX_ROWS || bottom >= MAX_ROWS) {
			throw new InvalidAddressError(text);
		}
		return normalise('rows', top, 0, bottom, MAX_COLS - 1);
	}
	throw new InvalidAddressError(text);
}

function normalise(
	kind: RangeBounds['kind'],
	r1: number,
	c1: number,
	r2: number,
	c2: number
): RangeBounds {
	return {
		kind,
		top: Math.min(r1, r2),
		bottom: Math.max(r1, r2),
		left: Math.min(c1, c2),
		right: Math.max(c1, c2)
	};
}

/** Formats bounds back to A1 text (`A1`, `A1:C3`, `A:C`, `3:5`). */
export function formatRange(bounds: RangeBounds): string {
	if (bounds.kind === 'columns') {
		return `${columnLetters(bounds.left)}:${columnLetters(bounds.right)}`;
	}
	if (bounds.kind === 'rows') return `${bounds.top + 1}:${bounds.bottom + 1}`;
	const start = formatCellAddress({ row: bounds.top, col: bounds.left });
	if (bounds.top === bounds.bottom && bounds.left === bounds.right) return start;
	return `${start}:${formatCellAddress({ row: bounds.bottom, col: bounds.right })}`;
}

/**
 * Parses a column given as letters (`C`) or a 1-based number (`3`) into a zero-based index.
 * Used by structural operations that accept either form.
 */
export function parseColumnSpec(spec: string | number): number {
	if (typeof spec === 'number') {
		if (!Number.isInteger(spec) || spec < 1 || spec > MAX_COLS) {
			throw new InvalidAddressError(String(spec), 'is not a column number');
		}
		return spec - 1;
	}
	const match = COLUMN_PATTERN.exec(spec.trim());
	const index = match ? columnIndexFromLetters(match[1]) : -1;
	if (index < 0) throw new InvalidAddressError(spec, 'is not a column');
	return index;
}

/** Splits `'My sheet'!A1:B2` or `Sheet1!A1` into its sheet name (unquoted) and local part. */
export function splitSheetQualifier(text: string): { sheet?: string; local: string } {
	const bang = text.lastIndexOf('!');
	if (bang < 0) return { local: text.trim() };
	let sheet = text.slice(0, bang).trim();
	if (sheet.startsWith("'") && sheet.endsWith("'") && sheet.length >= 2) {
		sheet = sheet.slice(1, -1).replace(/''/g, "'");
	}
	return { sheet, local: text.slice(bang + 1).trim() };
}
