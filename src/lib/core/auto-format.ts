/**
 * Automatic number formats for formula results, as Google Sheets infers them when nobody has
 * set one: rate functions (RATE, IRR, …) show a percent, payment and value functions (PMT, PV,
 * …) the currency of their inputs, and other formulas the format of the first referenced cell
 * that has one (`=B4*12` with B4 in dollars shows dollars). Counting and date-part functions
 * stay plain. Callers use the result only for cells without a format of their own, so a format
 * a person set always wins. Also: whether a format typed with a value (`7%`) should replace the
 * cell's format (`0.00%` is kept).
 */
import { cellKey, isFormulaInput, type CellInput } from './document';
import type { StoredFormula } from './formula-refs';
import { NUMBER_FORMATS } from './number-format';

/** What inference reads from the workbook. */
export interface FormatLookup {
	/** The format stored on a cell (set by a person or implied by what they typed), if any. */
	format(sheetId: string, key: string): string | undefined;
	/** The stored input of a cell, if any (formulas are followed to infer their formats). */
	input(sheetId: string, key: string): CellInput | undefined;
	/** The stored expression of a defined name, if it exists. */
	nameExpression(nameId: string): StoredFormula | undefined;
}

const PERCENT_FUNCTIONS = new Set(['RATE', 'IRR', 'XIRR', 'MIRR', 'EFFECT', 'NOMINAL', 'RRI']);
const CURRENCY_FUNCTIONS = new Set([
	'PMT',
	'IPMT',
	'PPMT',
	'PV',
	'FV',
	'NPV',
	'XNPV',
	'CUMIPMT',
	'CUMPRINC',
	'SLN',
	'DDB',
	'DB'
]);
/** Functions whose result is a count, position or part of a date: never inherit a format. */
const PLAIN_FUNCTIONS = new Set([
	'COUNT',
	'COUNTA',
	'COUNTIF',
	'COUNTIFS',
	'COUNTBLANK',
	'LEN',
	'ROW',
	'ROWS',
	'COLUMN',
	'COLUMNS',
	'MATCH',
	'RANK',
	'NPER',
	'YEAR',
	'MONTH',
	'DAY',
	'WEEKDAY',
	'DAYS',
	'DATEDIF',
	'YEARFRAC'
]);

/** Followed formulas and names, at most: enough for a chain of assumptions, bounded for cycles. */
const MAX_DEPTH = 4;

function leadingFunction(formula: StoredFormula): string | null {
	const match = /^\s*([A-Za-z][A-Za-z0-9.]*)\s*\(/.exec(formula.parts[0] ?? '');
	return match ? match[1].toUpperCase() : null;
}

/** Whether a format code shows a currency (a symbol or an ISO code in quotes or brackets). */
export function isCurrencyFormat(format: string): boolean {
	return /"[^"]*[$€£¥₹][^"]*"|\[\$[^\]]+\]|^\$|CHF|[$€£¥₹]#/.test(format);
}

/** Whether a format code shows a percent. */
export function isPercentFormat(format: string): boolean {
	return format.replace(/"[^"]*"/g, '').includes('%');
}

function isDateFormat(format: string): boolean {
	return /[dy]|m{3,}/i.test(format.replace(/"[^"]*"|\[[^\]]*\]/g, ''));
}

function isMeaningful(format: string | undefined): format is string {
	return format !== undefined && format !== 'General' && format !== '@';
}

/** Formats of the cells a formula refers to, in order (a range counts by its first cell). */
function precedentFormats(
	formula: StoredFormula,
	hostSheetId: string,
	lookup: FormatLookup,
	depth: number
): string[] {
	const out: string[] = [];
	for (const ref of formula.refs) {
		if ('n' in ref) {
			const expression = lookup.nameExpression(ref.n);
			if (expression && depth < MAX_DEPTH) {
				out.push(...precedentFormats(expression, hostSheetId, lookup, depth + 1));
			}
			continue;
		}
		if (ref.a.r === undefined || ref.a.c === undefined) continue;
		const sheetId = ref.s ?? hostSheetId;
		const format = cellFormat(sheetId, cellKey(ref.a.r, ref.a.c), lookup, depth + 1);
		if (format) out.push(format);
	}
	return out;
}

function cellFormat(
	sheetId: string,
	key: string,
	lookup: FormatLookup,
	depth: number
): string | undefined {
	const own = lookup.format(sheetId, key);
	if (own !== undefined) return isMeaningful(own) ? own : undefined;
	const input = lookup.input(sheetId, key);
	if (depth >= MAX_DEPTH || !isFormulaInput(input)) return undefined;
	return inferWithin(input.f, sheetId, lookup, depth);
}

function inferWithin(
	formula: StoredFormula,
	hostSheetId: string,
	lookup: FormatLookup,
	depth: number
): string | undefined {
	const lead = leadingFunction(formula);
	if (lead && PERCENT_FUNCTIONS.has(lead)) return NUMBER_FORMATS.percent;
	if (lead && PLAIN_FUNCTIONS.has(lead)) return undefined;
	const formats = precedentFormats(formula, hostSheetId, lookup, depth);
	if (lead && CURRENCY_FUNCTIONS.has(lead)) {
		return formats.find(isCurrencyFormat) ?? NUMBER_FORMATS.currency;
	}
	return formats[0];
}

/**
 * The format Sheets would show a formula's result in when its cell has none (see the module
 * comment), or undefined for General. `hostSheetId` is the formula's sheet.
 */
export function inferFormulaFormat(
	formula: StoredFormula,
	hostSheetId: string,
	lookup: FormatLookup
): string | undefined {
	return inferWithin(formula, hostSheetId, lookup, 0);
}

/**
 * Whether typing a value that implies `implied` (`7%` implies `0%`, `$5` a currency) should
 * replace the cell's `current` format: not when the cell already shows that kind of number, so
 * a cell formatted `0.00%` keeps its two decimals when 7% is typed into it.
 */
export function shouldReplaceFormat(current: string | undefined, implied: string): boolean {
	if (current === undefined) return true;
	if (isPercentFormat(implied)) return !isPercentFormat(current);
	if (isCurrencyFormat(implied)) return !isCurrencyFormat(current);
	if (isDateFormat(implied)) return !isDateFormat(current);
	return true;
}
