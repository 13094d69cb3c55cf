/**
 * What a cell shows and what its editor starts with: the formatted value (number formats in
 * the workbook's currency, errors with their explanation) and the input as a person would
 * retype it (formulas rendered to A1 from their stored identities).
 */
import type * as Y from 'yjs';
import { cellKey, isFormulaInput, type CellInput, type SheetHandle } from '$lib/core/document';
import { referenceContext } from '$lib/core/document-view';
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

/** The view of one cell from its value, format and style. */
export function viewCell(
	sheet: SheetHandle,
	rowId: string,
	colId: string,
	result: CellResult,
	currency: CurrencyCode
): CellView {
	const key = cellKey(rowId, colId);
	const bold = sheet.styles.get(key)?.bold === true;
	if (result.value === null && !result.error) return bold ? { ...EMPTY, bold } : EMPTY;
	if (result.error) {
		return { text: result.error.code, numeric: false, error: result.error.message, bold };
	}
	const text = formatValue(result.value, sheet.formats.get(key), { currency });
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
