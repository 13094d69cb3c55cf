/**
 * What a person typed into a cell, read the way a spreadsheet reads it: numbers with grouping,
 * currency, percentages and dates become numbers with a display format; `=…` is a formula;
 * everything else is text. Dates are Excel serial numbers in the 1900 date system.
 */

/** The typed value of a cell input, with the number format the typing implies (if any). */
export type ParsedInput =
	| { kind: 'empty' }
	| { kind: 'number'; value: number; format?: string }
	| { kind: 'text'; value: string }
	| { kind: 'boolean'; value: boolean }
	| { kind: 'formula'; text: string };

/** A calendar date; `month` and `day` are 1-based. */
export type CalendarDate = { year: number; month: number; day: number };

const MS_PER_DAY = 86_400_000;
// Serial 0 is 1899-12-31 ("1900-01-00"); serial 60 is Lotus 1-2-3's fictitious 1900-02-29.
const EPOCH_UTC = Date.UTC(1899, 11, 31);
const FAKE_LEAP_DAY = 60;
/** Excel's last valid date, 9999-12-31. */
const MAX_SERIAL = 2_958_465;

function isRealDate(year: number, month: number, day: number): boolean {
	if (![year, month, day].every(Number.isInteger) || month < 1 || month > 12 || day < 1) {
		return false;
	}
	const date = new Date(Date.UTC(year, month - 1, day));
	date.setUTCFullYear(year);
	return date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/**
 * The Excel serial number (1900 date system, as Excel and HyperFormula here use it) of a date
 * from 1900-01-01 (serial 1) to 9999-12-31. 1900-02-29, which never existed but which Excel
 * keeps for Lotus compatibility, is serial 60; every later date is one more than its day count.
 *
 * @throws RangeError when the date does not exist or lies outside Excel's range.
 */
export function serialFromDate(year: number, month: number, day: number): number {
	if (year === 1900 && month === 2 && day === 29) return FAKE_LEAP_DAY;
	if (!isRealDate(year, month, day) || year < 1900 || year > 9999) {
		throw new RangeError(`${year}-${month}-${day} is not a date Excel can represent`);
	}
	const utc = new Date(Date.UTC(2000, month - 1, day));
	utc.setUTCFullYear(year);
	const days = Math.round((utc.getTime() - EPOCH_UTC) / MS_PER_DAY);
	return days >= FAKE_LEAP_DAY ? days + 1 : days;
}

/**
 * The calendar date of an Excel serial number (the fractional time of day is ignored). The
 * inverse of {@link serialFromDate}: serial 60 gives 1900-02-29.
 *
 * @throws RangeError for serials below 1 or after 9999-12-31.
 */
export function dateFromSerial(serial: number): CalendarDate {
	const whole = Math.floor(serial);
	if (!Number.isFinite(serial) || whole < 1 || whole > MAX_SERIAL) {
		throw new RangeError(`${serial} is not an Excel date serial`);
	}
	if (whole === FAKE_LEAP_DAY) return { year: 1900, month: 2, day: 29 };
	const days = whole > FAKE_LEAP_DAY ? whole - 1 : whole;
	const date = new Date(EPOCH_UTC + days * MS_PER_DAY);
	return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

const PLAIN_NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/i;
const GROUPED_NUMBER = /^([+-]?)(\d{1,3}(?:,\d{3})+)(\.\d*)?$/;
const PERCENT = /^([+-]?(?:\d{1,3}(?:,\d{3})+|\d+)?(?:\.(\d*))?)\s*%$/;
const CURRENCY = /^(-?)([$€£])(-?)(\d{1,3}(?:,\d{3})*|\d+)(?:\.(\d*))?$/;
const ISO_DATE = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
const US_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4}|\d{2})$/;

function decimalsOf(fraction: string | undefined): number {
	return fraction === undefined ? 0 : fraction.replace(/^\./, '').length;
}

function withDecimals(integerPattern: string, decimals: number): string {
	return decimals > 0 ? `${integerPattern}.${'0'.repeat(decimals)}` : integerPattern;
}

function parseCurrency(text: string): ParsedInput | undefined {
	const wrapped = /^\((.*)\)$/.exec(text);
	const body = wrapped ? wrapped[1].trim() : text;
	const match = CURRENCY.exec(body);
	if (!match) return undefined;
	const [, signBefore, symbol, signAfter, integer, fraction] = match;
	const negative = Boolean(wrapped) || signBefore === '-' || signAfter === '-';
	if (wrapped && (signBefore || signAfter)) return undefined;
	const magnitude = Number(`${integer.replaceAll(',', '')}.${fraction ?? ''}`);
	const format = withDecimals(`"${symbol}"#,##0`, fraction ? 2 : 0);
	return { kind: 'number', value: negative ? -magnitude : magnitude, format };
}

function parseDate(text: string): ParsedInput | undefined {
	let year: number, month: number, day: number, format: string;
	const iso = ISO_DATE.exec(text);
	const us = iso ? null : US_DATE.exec(text);
	if (iso) {
		[year, month, day] = iso.slice(1).map(Number);
		format = 'yyyy-mm-dd';
	} else if (us) {
		[month, day, year] = us.slice(1).map(Number);
		// Excel's two-digit-year window: 00–29 are 2000s, 30–99 are 1900s.
		if (us[3].length === 2) year += year < 30 ? 2000 : 1900;
		format = 'm/d/yyyy';
	} else {
		return undefined;
	}
	const valid = (year === 1900 && month === 2 && day === 29) || isRealDate(year, month, day);
	if (!valid || year < 1900 || year > 9999) return undefined;
	return { kind: 'number', value: serialFromDate(year, month, day), format };
}

/**
 * Reads cell input the way a spreadsheet does when someone types it:
 * - whitespace only → empty; `'…` → the rest as text (the apostrophe forces text);
 * - `=…` (with something after the `=`) → a formula whose `text` keeps the `=`;
 * - `TRUE`/`false` → booleans; `1e3`, `-0.5`, `.5` → numbers;
 * - `1,200.50` → 1200.5 as `#,##0.00`; `$1,200`, `-$5`, `($5)`, `€`, `£` → currency formats;
 * - `5%` → 0.05 as `0%`, `2.5%` → 0.025 as `0.0%`;
 * - `2026-03-01` and US `3/1/2026` → Excel serials as `yyyy-mm-dd` / `m/d/yyyy`;
 * - anything else → the text as typed.
 */
export function parseInput(text: string): ParsedInput {
	if (text.startsWith("'")) return { kind: 'text', value: text.slice(1) };
	if (text.startsWith('=') && text.length > 1) return { kind: 'formula', text };
	const trimmed = text.trim();
	if (trimmed === '') return { kind: 'empty' };
	if (/^(true|false)$/i.test(trimmed)) {
		return { kind: 'boolean', value: trimmed.toLowerCase() === 'true' };
	}
	if (PLAIN_NUMBER.test(trimmed)) return { kind: 'number', value: Number(trimmed) };
	const grouped = GROUPED_NUMBER.exec(trimmed);
	if (grouped) {
		const value = Number(trimmed.replaceAll(',', ''));
		return { kind: 'number', value, format: withDecimals('#,##0', grouped[3] ? 2 : 0) };
	}
	const percent = PERCENT.exec(trimmed);
	if (percent && /\d/.test(percent[1])) {
		const value = Number(percent[1].replaceAll(',', '')) / 100;
		return { kind: 'number', value, format: withDecimals('0', decimalsOf(percent[2])) + '%' };
	}
	return parseCurrency(trimmed) ?? parseDate(trimmed) ?? { kind: 'text', value: text };
}
