/**
 * Formulas stored by identity. A formula typed in A1 notation is tokenized, each reference is
 * bound to the ids of the rows, columns and sheet it points at (keeping its `$` flags), and each
 * defined name to the name's id. Rendering turns the stored form back into A1 text from the
 * current order of rows, columns and sheets: for people, and for HyperFormula.
 *
 * Stored form: `{ parts, refs }` where `parts.length === refs.length + 1` and the formula text
 * is `parts[0] + ref0 + parts[1] + … `. A `RefEnd` missing `r` spans whole columns, missing `c`
 * spans whole rows. A reference whose row, column or sheet no longer exists renders `#REF!`.
 */
import { MAX_COLS, MAX_ROWS, columnLetters, looksLikeCellAddress } from './addresses';
import { InvalidFormulaError, UnknownSheetError } from './errors';
import { toEngineFormulaText, tokenizeFormula, type A1Ref, type A1RefEnd } from './formula-tokens';

/** One corner of a stored reference: row and column ids with their absolute (`$`) flags. */
export interface StoredRefEnd {
	r?: string;
	c?: string;
	ar?: 1;
	ac?: 1;
}

/** A stored reference: a cell or range (`s` only when a sheet was written) or a defined name. */
export type StoredRef = { s?: string; a: StoredRefEnd; b?: StoredRefEnd } | { n: string };

/** A formula as stored in a cell or a defined name; see the module comment. */
export interface StoredFormula {
	parts: string[];
	refs: StoredRef[];
}

/** What binding and rendering need to know about the workbook; `document.ts` implements it. */
export interface ReferenceContext {
	/** Current (de-duplicated) name of a sheet id, or undefined when it is gone. */
	sheetName(sheetId: string): string | undefined;
	/** Id of the sheet with this name (case-insensitive), or undefined. */
	sheetIdByName(name: string): string | undefined;
	/** Zero-based index of a row id in its sheet, or -1 when deleted or unknown. */
	rowIndex(sheetId: string, rowId: string): number;
	/** Zero-based index of a column id in its sheet, or -1 when deleted or unknown. */
	colIndex(sheetId: string, colId: string): number;
	/** Id of the row at `index`, materialising rows up to it if the sheet is smaller. */
	rowIdAt(sheetId: string, index: number): string;
	/** Id of the column at `index`, materialising columns up to it if needed. */
	colIdAt(sheetId: string, index: number): string;
	/** Current name of a defined-name id, or undefined. */
	definedName(nameId: string): string | undefined;
	/** Id of a defined name (case-insensitive), or undefined. */
	definedNameId(name: string): string | undefined;
}

/** A formula tokenized and checked but not yet bound (binding may grow the grid). */
export interface ParsedFormula {
	hostSheetId: string;
	pieces: Array<
		string | { ref: A1Ref; sheetId: string; explicitSheet: boolean } | { nameId: string }
	>;
}

/** Options for rendering: shift relative parts (fill/paste) or force `$` (defined names). */
export interface RenderOptions {
	rowOffset?: number;
	colOffset?: number;
	forceAbsolute?: boolean;
	/** Spell text literals as HyperFormula reads them ({@link toEngineFormulaText}). */
	engine?: boolean;
}

/**
 * Tokenizes `=…` formula text typed in `hostSheetId` and resolves sheet and defined names.
 * Throws {@link InvalidFormulaError} or {@link UnknownSheetError}; never changes the document.
 */
export function parseFormula(
	text: string,
	hostSheetId: string,
	context: ReferenceContext
): ParsedFormula {
	if (!text.startsWith('=')) throw new InvalidFormulaError(text, 'a formula starts with "="');
	const body = text.slice(1);
	if (body.trim() === '') throw new InvalidFormulaError(text, 'it is empty');
	const pieces: ParsedFormula['pieces'] = [];
	for (const token of tokenizeFormula(body)) {
		if (token.type === 'ref') {
			let sheetId = hostSheetId;
			if (token.ref.sheet !== undefined) {
				sheetId = context.sheetIdByName(token.ref.sheet) ?? '';
				if (!sheetId) throw new UnknownSheetError(token.ref.sheet);
			}
			pieces.push({ ref: token.ref, sheetId, explicitSheet: token.ref.sheet !== undefined });
		} else if (token.type === 'name' && context.definedNameId(token.text)) {
			pieces.push({ nameId: context.definedNameId(token.text)! });
		} else {
			pieces.push(token.text);
		}
	}
	return { hostSheetId, pieces };
}

/** Binds a parsed formula to row/column/sheet/name ids (may materialise rows or columns). */
export function bindFormula(parsed: ParsedFormula, context: ReferenceContext): StoredFormula {
	const parts: string[] = [''];
	const refs: StoredRef[] = [];
	for (const piece of parsed.pieces) {
		if (typeof piece === 'string') {
			parts[parts.length - 1] += piece;
			continue;
		}
		if ('nameId' in piece) {
			refs.push({ n: piece.nameId });
		} else {
			const bindEnd = (end: A1RefEnd): StoredRefEnd => {
				const stored: StoredRefEnd = {};
				if (end.row !== undefined) stored.r = context.rowIdAt(piece.sheetId, end.row);
				if (end.col !== undefined) stored.c = context.colIdAt(piece.sheetId, end.col);
				if (end.absRow && end.row !== undefined) stored.ar = 1;
				if (end.absCol && end.col !== undefined) stored.ac = 1;
				return stored;
			};
			const ref: StoredRef = { a: bindEnd(piece.ref.start) };
			if (piece.ref.end) ref.b = bindEnd(piece.ref.end);
			if (piece.explicitSheet) ref.s = piece.sheetId;
			refs.push(ref);
		}
		parts.push('');
	}
	return { parts, refs };
}

/**
 * A parsed formula moved `rowOffset` rows down and `colOffset` columns right, as copy and paste
 * moves it: the relative parts of each reference shift and `$` parts stay. A reference with a
 * corner pushed off the grid (above row 1, left of column A, or past the largest sheet) becomes
 * `#REF!`, as in Excel. Sheet qualifiers and defined names are kept.
 */
export function shiftParsedFormula(
	parsed: ParsedFormula,
	rowOffset: number,
	colOffset: number,
	limits: { rows: number; cols: number } = { rows: MAX_ROWS, cols: MAX_COLS }
): ParsedFormula {
	if (rowOffset === 0 && colOffset === 0) return parsed;
	const shiftEnd = (end: A1RefEnd): A1RefEnd | null => {
		const row = end.row === undefined || end.absRow ? end.row : end.row + rowOffset;
		const col = end.col === undefined || end.absCol ? end.col : end.col + colOffset;
		if (row !== undefined && (row < 0 || row >= limits.rows)) return null;
		if (col !== undefined && (col < 0 || col >= limits.cols)) return null;
		return { ...end, row, col };
	};
	const pieces = parsed.pieces.map((piece) => {
		if (typeof piece === 'string' || 'nameId' in piece) return piece;
		const start = shiftEnd(piece.ref.start);
		const end = piece.ref.end ? shiftEnd(piece.ref.end) : undefined;
		if (start === null || end === null) return '#REF!';
		const ref: A1Ref = { ...piece.ref, start };
		if (end) ref.end = end;
		return { ...piece, ref };
	});
	return { hostSheetId: parsed.hostSheetId, pieces };
}

/** Parses and binds in one step: `=…` text to its stored form. */
export function storeFormula(
	text: string,
	hostSheetId: string,
	context: ReferenceContext
): StoredFormula {
	return bindFormula(parseFormula(text, hostSheetId, context), context);
}

/**
 * Renders a stored formula to A1 text with a leading `=`. References to deleted rows, columns
 * or sheets (or shifted off the grid) render `#REF!`; removed defined names render `#NAME?`.
 * With `options.engine` the text is HyperFormula's spelling (what the evaluators feed it).
 */
export function renderFormula(
	formula: StoredFormula,
	hostSheetId: string,
	context: ReferenceContext,
	options: RenderOptions = {}
): string {
	let text = '=' + formula.parts[0];
	for (let i = 0; i < formula.refs.length; i++) {
		text += renderRef(formula.refs[i], hostSheetId, context, options) + formula.parts[i + 1];
	}
	return options.engine ? toEngineFormulaText(text) : text;
}

/** Ids of every sheet and defined name a stored formula mentions (for dependency tracking). */
export function referencedIds(formula: StoredFormula, hostSheetId: string): Set<string> {
	const ids = new Set<string>();
	for (const ref of formula.refs) ids.add('n' in ref ? ref.n : (ref.s ?? hostSheetId));
	return ids;
}

function renderRef(
	ref: StoredRef,
	hostSheetId: string,
	context: ReferenceContext,
	options: RenderOptions
): string {
	if ('n' in ref) return context.definedName(ref.n) ?? '#NAME?';
	const sheetId = ref.s ?? hostSheetId;
	let prefix = '';
	if (ref.s !== undefined || options.forceAbsolute) {
		const name = context.sheetName(sheetId);
		if (name === undefined) return '#REF!';
		prefix = quoteSheetName(name) + '!';
	}
	const a = resolveEnd(ref.a, sheetId, context, options);
	if (a === null) return '#REF!';
	if (!ref.b) return prefix + formatEnd(a);
	const b = resolveEnd(ref.b, sheetId, context, options);
	if (b === null) return '#REF!';
	// A corner moved past the other one (e.g. by moving rows): show it top-left first, as Excel.
	if (a.row !== undefined && b.row !== undefined && a.row > b.row) {
		[a.row, b.row, a.absRow, b.absRow] = [b.row, a.row, b.absRow, a.absRow];
	}
	if (a.col !== undefined && b.col !== undefined && a.col > b.col) {
		[a.col, b.col, a.absCol, b.absCol] = [b.col, a.col, b.absCol, a.absCol];
	}
	return `${prefix}${formatEnd(a)}:${formatEnd(b)}`;
}

interface ResolvedEnd {
	row?: number;
	col?: number;
	absRow: boolean;
	absCol: boolean;
}

function resolveEnd(
	end: StoredRefEnd,
	sheetId: string,
	context: ReferenceContext,
	options: RenderOptions
): ResolvedEnd | null {
	const resolved: ResolvedEnd = {
		absRow: end.ar === 1 || options.forceAbsolute === true,
		absCol: end.ac === 1 || options.forceAbsolute === true
	};
	if (end.c !== undefined) {
		let col = context.colIndex(sheetId, end.c);
		if (col < 0) return null;
		if (!resolved.absCol) col += options.colOffset ?? 0;
		if (col < 0 || col >= MAX_COLS) return null;
		resolved.col = col;
	}
	if (end.r !== undefined) {
		let row = context.rowIndex(sheetId, end.r);
		if (row < 0) return null;
		if (!resolved.absRow) row += options.rowOffset ?? 0;
		if (row < 0 || row >= MAX_ROWS) return null;
		resolved.row = row;
	}
	return resolved;
}

function formatEnd(end: ResolvedEnd): string {
	let text = '';
	if (end.col !== undefined) text += (end.absCol ? '$' : '') + columnLetters(end.col);
	if (end.row !== undefined) text += (end.absRow ? '$' : '') + String(end.row + 1);
	return text;
}

/** Quotes a sheet name for a formula when it is not a plain identifier (`'My sheet'!A1`). */
export function quoteSheetName(name: string): string {
	const plain = /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) && !looksLikeCellAddress(name);
	return plain && !/^R[0-9]*C[0-9]*$/i.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}
