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
import { columnLetters, type RangeBounds } from './addresses';
import { MAX_GRID_COLS, MAX_GRID_ROWS } from './document';
import { LimitExceededError } from './errors';
import { quoteSheetName, type StoredFormula, type StoredRefEnd } from './formula-refs';
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
	checkFormulaLength(text.length);
	checkFormulaNesting(text);
}

function checkFormulaLength(length: number): void {
	if (length > MAX_FORMULA_LENGTH) {
		throw new LimitExceededError(
			`a formula can have at most ${MAX_FORMULA_LENGTH} characters and this one has ${length}`
		);
	}
}

function checkFormulaNesting(text: string): void {
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
	for (const ref of refs) checkRangeCells(referenceCells(ref));
}

function checkRangeCells(cells: number): void {
	if (cells > MAX_FORMULA_RANGE_CELLS) {
		throw new LimitExceededError(
			`a formula can refer to at most ${MAX_FORMULA_RANGE_CELLS} cells in one range, ` +
				`and this range has ${cells}`
		);
	}
}

/** The lowest and highest zero-based index a row or column may have. */
export type PositionBounds = readonly [low: number, high: number];

/**
 * What checking a stored formula needs to know about the document it lands in. Positions are
 * bounds rather than indices because the formula may arrive in the same change as the rows it
 * refers to (a raw update that grows the grid), whose final places are only known once applied.
 */
export interface StoredFormulaContext {
	/** The name of a sheet id as a formula shows it, or undefined when there is no such sheet. */
	sheetName(sheetId: string): string | undefined;
	/** The name of a defined-name id, or undefined (it shows as `#NAME?`). */
	definedName(nameId: string): string | undefined;
	/** Where a row id may be in its sheet, or null when it is unknown (the reference is #REF!). */
	rowBounds(sheetId: string, rowId: string): PositionBounds | null;
	/** Where a column id may be in its sheet, or null when it is unknown. */
	colBounds(sheetId: string, colId: string): PositionBounds | null;
}

/**
 * Applies the typed-input limits to a formula as stored (`{ parts, refs }`, see
 * `formula-refs.ts`), for a formula that arrives without having been typed (a raw update from a
 * socket): its rendered text at most {@link MAX_FORMULA_LENGTH} characters and
 * {@link MAX_FORMULA_NESTING} levels deep, each range at most {@link MAX_FORMULA_RANGE_CELLS}
 * cells. `hostSheetId` is the sheet of the cell holding it, or undefined for a defined name or a
 * chart range (whose unqualified references show as `#REF!`; names render with `$` added, which
 * `absolute` accounts for). Where positions are bounds, the largest rendering and area count;
 * a reference to an unknown sheet, row or column shows as `#REF!` and is fine. Cost is linear
 * in the formula. Throws {@link LimitExceededError}.
 */
export function checkStoredFormula(
	formula: StoredFormula,
	hostSheetId: string | undefined,
	context: StoredFormulaContext,
	absolute = false
): void {
	const text = '=' + formula.parts.join('');
	// Rendered references hold no parentheses outside quoted sheet names, and their quotes come
	// in pairs: the parts alone nest as deep as the rendered text.
	checkFormulaNesting(text);
	let length = text.length;
	for (const ref of formula.refs) {
		if ('n' in ref) {
			length += (context.definedName(ref.n) ?? '#NAME?').length;
			continue;
		}
		const sheetId = ref.s ?? hostSheetId;
		const sheetName = sheetId === undefined ? undefined : context.sheetName(sheetId);
		const a = sheetName === undefined ? null : cornerBounds(ref.a, sheetId!, context);
		const b = ref.b && a ? cornerBounds(ref.b, sheetId!, context) : undefined;
		if (a === null || b === null) {
			length += '#REF!'.length;
			continue;
		}
		if (ref.s !== undefined || absolute) length += quoteSheetName(sheetName!).length + 1;
		length += cornerLength(ref.a, a, absolute);
		if (ref.b && b) {
			length += 1 + cornerLength(ref.b, b, absolute);
			checkRangeCells(
				span(a.rows, b.rows, MAX_GRID_ROWS, ref.a.r, ref.b.r) *
					span(a.cols, b.cols, MAX_GRID_COLS, ref.a.c, ref.b.c)
			);
		}
	}
	checkFormulaLength(length);
}

interface CornerBounds {
	rows: PositionBounds;
	cols: PositionBounds;
}

const WHOLE: PositionBounds = [0, 0];

/** Where a corner may lie, or null when one of its ids is unknown (it renders #REF!). */
function cornerBounds(
	end: StoredRefEnd,
	sheetId: string,
	context: StoredFormulaContext
): CornerBounds | null {
	const rows = end.r === undefined ? WHOLE : context.rowBounds(sheetId, end.r);
	const cols = end.c === undefined ? WHOLE : context.colBounds(sheetId, end.c);
	return rows && cols ? { rows, cols } : null;
}

/** The most characters a corner renders as (`$XFD$1048576`). */
function cornerLength(end: StoredRefEnd, bounds: CornerBounds, absolute: boolean): number {
	let length = 0;
	if (end.c !== undefined) {
		length += (end.ac === 1 || absolute ? 1 : 0) + columnLetters(bounds.cols[1]).length;
	}
	if (end.r !== undefined) {
		length += (end.ar === 1 || absolute ? 1 : 0) + String(bounds.rows[1] + 1).length;
	}
	return length;
}

/** The most rows (or columns) between two corners; a corner without that id spans them all. */
function span(
	a: PositionBounds,
	b: PositionBounds,
	whole: number,
	aId: string | undefined,
	bId: string | undefined
): number {
	if (aId === undefined || bId === undefined) return whole;
	return Math.max(b[1] - a[0], a[1] - b[0]) + 1;
}

/** Most defined names one workbook may publish as outputs. */
export const MAX_OUTPUT_NAMES = 100;
/** Most values one published range output may hold (a longer range is cut to this many). */
export const MAX_OUTPUT_RANGE_VALUES = 1_000;
