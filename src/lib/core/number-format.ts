/**
 * How a cell's value is shown: Excel number-format codes rendered with `numfmt`, so a workbook
 * looks the same in the grid, in exports and in the API. Never throws on a bad format code.
 */
import { format as formatWithNumfmt, isValidFormat as numfmtAcceptsFormat } from 'numfmt';

/** A computed cell value as the grid receives it; `{ error }` carries an Excel error code. */
export type CellDisplayValue = number | string | boolean | null | { error: string };

/** Currencies a workbook can be kept in. */
export type CurrencyCode = 'USD' | 'EUR' | 'GBP' | 'CAD' | 'AUD' | 'JPY' | 'CHF' | 'INR';

const CURRENCY_SYMBOLS: Record<CurrencyCode, string> = {
	USD: '$',
	CAD: '$',
	AUD: '$',
	EUR: '€',
	GBP: '£',
	JPY: '¥',
	CHF: 'CHF ',
	INR: '₹'
};

/** Format codes offered in the toolbar. Currency presets are in dollars; see {@link formatValue}. */
export const NUMBER_FORMATS = {
	general: 'General',
	number: '#,##0.00',
	integer: '#,##0',
	currency: '"$"#,##0.00',
	currencyNegativeParentheses: '"$"#,##0.00_);("$"#,##0.00)',
	accounting: '_("$"* #,##0.00_);_("$"* (#,##0.00);_("$"* "-"??_);_(@_)',
	percent: '0.00%',
	date: 'yyyy-mm-dd',
	dateUs: 'm/d/yyyy',
	monthYear: 'mmm yyyy',
	text: '@'
} as const;

/** The name of a preset in {@link NUMBER_FORMATS}. */
export type NumberFormatName = keyof typeof NUMBER_FORMATS;

/**
 * A currency format for `code` with `decimals` places (default 2, 0 for yen), the symbol quoted
 * before the amount and negatives with a minus sign: `currencyFormat('EUR')` is `"€"#,##0.00`.
 *
 * @throws RangeError when `decimals` is not an integer from 0 to 10.
 */
export function currencyFormat(code: CurrencyCode, decimals = code === 'JPY' ? 0 : 2): string {
	if (!Number.isInteger(decimals) || decimals < 0 || decimals > 10) {
		throw new RangeError(`A currency format needs 0 to 10 decimals, not ${decimals}`);
	}
	const places = decimals > 0 ? `.${'0'.repeat(decimals)}` : '';
	return `"${CURRENCY_SYMBOLS[code]}"#,##0${places}`;
}

/**
 * Whether `code` is a number-format code Excel (and {@link formatValue}) understands. The UI
 * calls this before saving a custom format so a typo is refused with a message rather than
 * silently shown as General.
 */
export function isValidFormat(code: string): boolean {
	if (code.trim() === '') return false;
	try {
		return numfmtAcceptsFormat(code);
	} catch {
		return false;
	}
}

/**
 * The text a cell shows for `value` under the format code `format` (General when omitted,
 * empty or invalid — an invalid code never throws here; check it with {@link isValidFormat}).
 * Errors show their code (`#DIV/0!`), `null` shows nothing, booleans show `TRUE`/`FALSE`.
 * With `options.currency`, the dollar sign in a format (as in the currency and accounting
 * presets) becomes that currency's symbol, so presets follow the workbook's currency.
 */
export function formatValue(
	value: CellDisplayValue,
	format?: string,
	options?: { currency?: CurrencyCode }
): string {
	if (value === null) return '';
	if (typeof value === 'object') return value.error;
	if (typeof value === 'number' && !Number.isFinite(value)) return '#NUM!';
	let pattern = format && isValidFormat(format) ? format : 'General';
	if (options?.currency) {
		const symbol = CURRENCY_SYMBOLS[options.currency];
		pattern = pattern.replaceAll('"$"', `"${symbol}"`);
	}
	try {
		return formatWithNumfmt(pattern, value);
	} catch {
		return formatWithNumfmt('General', value);
	}
}

/**
 * `value` formatted with the Excel format code `code` by the same formatter the grid uses (all
 * sections, conditions, scaling commas, percent, literals, dates and times; colours such as
 * `[Red]` only colour a cell, so they add no text). Returns `undefined` when `code` is not a
 * format code, so a caller can report the error its own way (TEXT gives #VALUE!).
 */
export function formatWithCode(value: number | string, code: string): string | undefined {
	if (code === '') return '';
	try {
		return formatWithNumfmt(code, value);
	} catch {
		return undefined;
	}
}

/** Whether a value is shown right-aligned, as spreadsheets align numbers (and dates). */
export function isNumericDisplay(value: CellDisplayValue): boolean {
	return typeof value === 'number';
}
