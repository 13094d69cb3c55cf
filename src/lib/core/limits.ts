/**
 * How much one request, operation or formula may ask of an evaluator. These are domain rules:
 * the browser and the server check them with the same functions, so a formula the server would
 * refuse is refused where it is typed, and nothing is written. Each check throws
 * {@link LimitExceededError} with a message that names the limit.
 *
 * Why these numbers: a read is a screenful to a report's worth of cells; a range operation may
 * cover a whole column of the largest sheet; formula text and nesting follow Excel's limits
 * (8,192 characters, 64 levels); a formula may refer to a million cells (five whole columns) and
 * build arrays of that size — past that, one cell's evaluation takes seconds and hundreds of MB.
 */
import type { RangeBounds } from './addresses';
import { MAX_GRID_COLS, MAX_GRID_ROWS } from './document';
import { LimitExceededError } from './errors';
import type { A1Ref } from './formula-tokens';

/** Most cells one read (`GET …/cells`) may return. */
export const MAX_READ_CELLS = 100_000;
/** Most cells one range operation (format, clear, fill) may touch; also per request in total. */
export const MAX_OP_CELLS = MAX_GRID_ROWS;
/** Most characters of formula text, `=` included (Excel's limit). */
export const MAX_FORMULA_LENGTH = 8_192;
/** Most levels of nested parentheses in a formula (Excel's limit on nested functions). */
export const MAX_FORMULA_NESTING = 64;
/** Most cells one reference in a formula or defined name may cover (whole columns count whole). */
export const MAX_FORMULA_RANGE_CELLS = 1_000_000;
/** Most elements an array function (SEQUENCE, MMULT) may produce. */
export const MAX_ARRAY_CELLS = 1_000_000;
/** Most multiply-adds one MMULT may perform (rows × inner size × columns). */
export const MAX_MATRIX_PRODUCT_TERMS = 10_000_000;

/** The number of cells in `bounds`. */
export function countCells(bounds: RangeBounds): number {
	return (bounds.bottom - bounds.top + 1) * (bounds.right - bounds.left + 1);
}

/** Throws when a read of `bounds` would return more than {@link MAX_READ_CELLS} cells. */
export function checkReadSize(bounds: RangeBounds): void {
	const cells = countCells(bounds);
	if (cells > MAX_READ_CELLS) {
		throw new LimitExceededError(
			`a read can return at most ${MAX_READ_CELLS} cells and this range has ${cells}`
		);
	}
}

/**
 * Throws when a range operation over `cells` cells, or the operations of one request together
 * (`cells` is then their running total), would pass {@link MAX_OP_CELLS}.
 */
export function checkOperationSize(cells: number): void {
	if (cells > MAX_OP_CELLS) {
		throw new LimitExceededError(
			`an operation can touch at most ${MAX_OP_CELLS} cells (per request in total), not ${cells}`
		);
	}
}

/**
 * Checks formula text (with its leading `=`) before it is tokenized: at most
 * {@link MAX_FORMULA_LENGTH} characters and {@link MAX_FORMULA_NESTING} levels of parentheses.
 * Parentheses inside text literals and quoted sheet names do not count.
 */
export function checkFormulaText(text: string): void {
	if (text.length > MAX_FORMULA_LENGTH) {
		throw new LimitExceededError(
			`a formula can have at most ${MAX_FORMULA_LENGTH} characters and this one has ${text.length}`
		);
	}
	if (nestingDepth(text) > MAX_FORMULA_NESTING) {
		throw new LimitExceededError(
			`a formula can nest at most ${MAX_FORMULA_NESTING} levels of parentheses`
		);
	}
}

/** The deepest parenthesis nesting of formula text, outside "text" and 'sheet names'. */
function nestingDepth(text: string): number {
	let depth = 0;
	let deepest = 0;
	let quote: string | undefined;
	for (const char of text) {
		// A doubled quote inside a literal closes and reopens it, which leaves `quote` as it was.
		if (quote) {
			if (char === quote) quote = undefined;
		} else if (char === '"' || char === "'") quote = char;
		else if (char === '(') deepest = Math.max(deepest, ++depth);
		else if (char === ')') depth = Math.max(0, depth - 1);
	}
	return deepest;
}

/** Cells a formula reference covers; whole columns span every row the grid allows, and so on. */
export function referenceCells(ref: A1Ref): number {
	const end = ref.end ?? ref.start;
	const span = (from: number | undefined, to: number | undefined, whole: number) =>
		from === undefined || to === undefined ? whole : Math.abs(to - from) + 1;
	return span(ref.start.row, end.row, MAX_GRID_ROWS) * span(ref.start.col, end.col, MAX_GRID_COLS);
}

/** Throws when one of `refs` covers more than {@link MAX_FORMULA_RANGE_CELLS} cells. */
export function checkFormulaReferences(refs: Iterable<A1Ref>): void {
	for (const ref of refs) {
		const cells = referenceCells(ref);
		if (cells > MAX_FORMULA_RANGE_CELLS) {
			throw new LimitExceededError(
				`a formula can refer to at most ${MAX_FORMULA_RANGE_CELLS} cells in one range, ` +
					`and this range has ${cells}`
			);
		}
	}
}
