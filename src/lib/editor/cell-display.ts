/**
 * What a cell shows and what its editor starts with: the formatted value (number formats in
 * the workbook's currency, errors with their explanation) and the input as a person would
 * retype it (formulas rendered to A1 from their stored identities).
 */
import type * as Y from 'yjs';
import { cellKey, isFormulaInput, type CellInput, type SheetHandle } from '$lib/core/document';
import { inferFormulaFormat, type FormatLookup } from '$lib/core/auto-format';
import { nameById, referenceContext, sheetById } from '$lib/core/document-view';
import type { CellResult } from '$lib/core/evaluator';
import { renderFormula } from '$lib/core/formula-refs';
import { formatValue, type CurrencyCode } from '$lib/core/number-format';

/** A rendered cell. */
export interface CellView {
	text: string;
	numeric: boolean;
	/** Error explanation for the tooltip, when the value is an error. */
	error?: string;
	bold: boolean;
}

const EMPTY: CellView = { text: '', numeric: false, bold: false };

/**
 * Inferred formats already worked out, per lookup made by {@link formatLookup}, by sheet and
 * cell. Inference follows formulas and names several levels deep, and the grid asks for every
 * formula cell it paints, so a repaint (scroll, a value arriving) must not redo it.
 */
const inferredFormats = new WeakMap<FormatLookup, Map<string, string | undefined>>();
const lookups = new WeakMap<Y.Doc, FormatLookup>();

/**
 * What the automatic formats read from a workbook (see `auto-format.ts`): stored formats,
 * inputs and defined names. One per document: the formats it infers are remembered until the
 * document next changes.
 */
export function formatLookup(doc: Y.Doc): FormatLookup {
	const existing = lookups.get(doc);
	if (existing) return existing;
	const lookup: FormatLookup = {
		format: (sheetId, key) => sheetById(doc, sheetId)?.formats.get(key),
		input: (sheetId, key) => sheetById(doc, sheetId)?.cells.get(key),
		nameExpression: (nameId) => nameById(doc, nameId)?.expr
	};
	const inferred = new Map<string, string | undefined>();
	// Any edit (a format, an input, a name, local or remote) may change what a formula infers,
	// possibly several references away, so every change forgets them all: cheap, and always right.
	doc.on('afterTransaction', (transaction: Y.Transaction) => {
		if (transaction.changed.size > 0 && inferred.size > 0) inferred.clear();
	});
	inferredFormats.set(lookup, inferred);
	lookups.set(doc, lookup);
	return lookup;
}

/**
 * The format a cell's value is shown in: the one stored on it, else for a number computed by a
 * formula the automatic format Sheets would infer (given `lookup`), else General.
 */
export function displayFormat(
	sheet: SheetHandle,
	key: string,
	value: unknown,
	lookup?: FormatLookup
): string | undefined {
	const stored = sheet.formats.get(key);
	if (stored !== undefined || !lookup || typeof value !== 'number') return stored;
	const memo = inferredFormats.get(lookup);
	const memoKey = `${sheet.id}!${key}`;
	if (memo?.has(memoKey)) return memo.get(memoKey);
	const input = sheet.cells.get(key);
	const format = isFormulaInput(input) ? inferFormulaFormat(input.f, sheet.id, lookup) : undefined;
	memo?.set(memoKey, format);
	return format;
}

/** The view of one cell from its value, format and style. */
export function viewCell(
	sheet: SheetHandle,
	rowId: string,
	colId: string,
	result: CellResult,
	currency: CurrencyCode,
	lookup?: FormatLookup
): CellView {
	const key = cellKey(rowId, colId);
	const bold = sheet.styles.get(key)?.bold === true;
	if (result.value === null && !result.error) return bold ? { ...EMPTY, bold } : EMPTY;
	if (result.error) {
		return { text: result.error.code, numeric: false, error: result.error.message, bold };
	}
	const format = displayFormat(sheet, key, result.value, lookup);
	const text = formatValue(result.value, format, { currency });
	return { text, numeric: typeof result.value === 'number', bold };
}

function isDateFormat(format: string): boolean {
	const bare = format.replace(/"[^"]*"/g, '').replace(/\[[^\]]*\]/g, '');
	return /[dy]/i.test(bare) || /m{3,}/i.test(bare);
}

/** The text an editor starts with for a stored input (what the person would type again). */
export function inputText(
	doc: Y.Doc,
	sheetId: string,
	input: CellInput | undefined,
	format: string | undefined
): string {
	if (input === undefined || input === null) return '';
	if (isFormulaInput(input)) return renderFormula(input.f, sheetId, referenceContext(doc));
	if (typeof input === 'boolean') return input ? 'TRUE' : 'FALSE';
	if (typeof input === 'number') {
		if (format && isDateFormat(format)) return formatValue(input, 'yyyy-mm-dd');
		if (format && format.includes('%')) return `${+(input * 100).toPrecision(12)}%`;
		return String(input);
	}
	return input;
}
