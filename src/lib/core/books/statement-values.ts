/**
 * Reading the dates and amounts of bank and card statements, whatever their country: dates in
 * `MM/DD/YYYY`, `DD/MM/YYYY`, `DD.MM.YYYY`, ISO `YYYY-MM-DD` and `Jan 5, 2026`; amounts with
 * currency signs or codes, thousands separators, a decimal comma, parentheses or a trailing
 * minus for negatives. Pure functions; the import decides formats once per file.
 */
import { BooksError } from './errors';

/** A numeric date layout (separators are free: `/`, `.`, `-`), or `ISO`, or month names. */
export type DateFormat = 'MM/DD/YYYY' | 'DD/MM/YYYY' | 'DD.MM.YYYY' | 'YYYY-MM-DD' | 'MMM D, YYYY';

/** Date formats a mapping may name. */
export const DATE_FORMATS: readonly DateFormat[] = [
	'MM/DD/YYYY',
	'DD/MM/YYYY',
	'DD.MM.YYYY',
	'YYYY-MM-DD',
	'MMM D, YYYY'
];

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?$/;
const NUMERIC = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})$/;
const NAMED = /^([A-Za-z]{3,9})\.? (\d{1,2}),? (\d{4})$/;
const NAMED_DAY_FIRST = /^(\d{1,2})[ -]([A-Za-z]{3,9})\.?[ -](\d{4})$/;

function fullYear(text: string): number {
	const year = Number(text);
	return text.length === 2 ? 2000 + year : year;
}

function iso(year: number, month: number, day: number): string | null {
	if (month < 1 || month > 12 || day < 1 || year < 1900 || year > 2200) return null;
	const date = new Date(Date.UTC(year, month - 1, day));
	if (date.getUTCMonth() !== month - 1) return null;
	return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function monthOf(name: string): number {
	return MONTHS.indexOf(name.slice(0, 3).toLowerCase()) + 1;
}

/**
 * The ISO date (`2026-01-05`) of a statement date in `format`, or null when the text is not a
 * date in it. ISO and month-name dates are read whatever `format` says: they cannot be misread.
 */
export function parseStatementDate(text: string, format: DateFormat): string | null {
	const value = text.trim();
	let m = ISO.exec(value);
	if (m) return iso(Number(m[1]), Number(m[2]), Number(m[3]));
	m = NAMED.exec(value);
	if (m) return iso(Number(m[3]), monthOf(m[1]), Number(m[2]));
	m = NAMED_DAY_FIRST.exec(value);
	if (m) return iso(Number(m[3]), monthOf(m[2]), Number(m[1]));
	m = NUMERIC.exec(value);
	if (!m) return null;
	const [first, second, year] = [Number(m[1]), Number(m[2]), fullYear(m[3])];
	return format === 'MM/DD/YYYY' ? iso(year, first, second) : iso(year, second, first);
}

/**
 * The date format of a column of statement dates: numeric dates decide by a day above 12 in
 * either place; when every date could be read both ways, 400 `ambiguous_date` asks the caller
 * to say (`dateFormat`). A dotted date (`05.01.2026`) is day-first, as everywhere it is used.
 */
export function detectDateFormat(values: string[]): DateFormat {
	let dayFirst = false;
	let monthFirst = false;
	let numeric = 0;
	let dotted = 0;
	for (const raw of values) {
		const m = NUMERIC.exec(raw.trim());
		if (!m) continue;
		numeric++;
		if (raw.includes('.')) dotted++;
		if (Number(m[1]) > 12) dayFirst = true;
		if (Number(m[2]) > 12) monthFirst = true;
	}
	if (numeric === 0) return 'YYYY-MM-DD';
	if (dayFirst && monthFirst) {
		throw new BooksError(
			'invalid_date',
			'The date column mixes day-first and month-first dates; check the mapping.',
			422
		);
	}
	if (dotted === numeric || dayFirst) return dotted === numeric ? 'DD.MM.YYYY' : 'DD/MM/YYYY';
	if (monthFirst) return 'MM/DD/YYYY';
	throw new BooksError(
		'ambiguous_date',
		'Every date in this file reads both as month/day and as day/month. Say which with ' +
			'"dateFormat": "MM/DD/YYYY" or "DD/MM/YYYY".',
		400
	);
}

/** The decimal mark of an amount column: `,` when most amounts end in a comma and 1–2 digits. */
export function detectDecimalMark(values: string[]): '.' | ',' {
	let comma = 0;
	let dot = 0;
	for (const raw of values) {
		const digits = raw.replace(/[^\d.,]/g, '');
		const last = Math.max(digits.lastIndexOf('.'), digits.lastIndexOf(','));
		if (last < 0) continue;
		const tail = digits.length - last - 1;
		const mark = digits[last];
		// `1,234` is a US thousands group, `1.234` a European one: a 3-digit tail decides nothing.
		if (tail === 3) continue;
		if (mark === ',') comma++;
		else dot++;
	}
	return comma > dot ? ',' : '.';
}

/**
 * A statement amount as a signed number, or null when the text holds no number. Negative when
 * it starts or ends with a minus, is in parentheses, or ends in `DR`/`Debit`.
 */
export function parseStatementAmount(text: string, decimal: '.' | ','): number | null {
	let value = text.trim().replace(/[\u00a0\u2009\u202f' ]/g, '');
	if (value === '') return null;
	let negative = false;
	if (/^\(.*\)$/.test(value)) {
		negative = true;
		value = value.slice(1, -1);
	}
	if (/(DR|Debit)$/i.test(value)) {
		negative = true;
		value = value.replace(/(DR|Debit)$/i, '');
	} else value = value.replace(/(CR|Credit)$/i, '');
	// Currency signs and codes, wherever the bank puts them.
	value = value.replace(/[A-Za-z$€£¥₹₣₽₩₪฿]/g, '');
	if (value.endsWith('-')) {
		negative = !negative;
		value = value.slice(0, -1);
	} else if (value.startsWith('-')) {
		negative = !negative;
		value = value.slice(1);
	} else if (value.startsWith('+')) value = value.slice(1);
	const group = decimal === ',' ? /\./g : /,/g;
	value = value.replace(group, '');
	if (decimal === ',') value = value.replace(',', '.');
	if (!/^(\d+(\.\d*)?|\.\d+)$/.test(value)) return null;
	const amount = Number(value);
	if (!Number.isFinite(amount)) return null;
	// Cents, not binary fractions: 0.1 + 0.2 must not show up in a ledger.
	const cents = Math.round(amount * 100) / 100;
	return negative && cents !== 0 ? -cents : cents;
}
