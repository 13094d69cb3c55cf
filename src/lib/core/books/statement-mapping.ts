/**
 * A statement's column mapping (which header is the date, the payee, the amount or the debit
 * and credit pair, the reference, the memo; the date format and decimal mark) and the
 * transactions it reads out of a {@link StatementTable}.
 */
import { BooksError } from './errors';
import type { StatementTable } from './statement-table';
import {
	DATE_FORMATS,
	detectDateFormat,
	detectDecimalMark,
	parseStatementAmount,
	parseStatementDate,
	type DateFormat
} from './statement-values';

/** Which header names hold what, as the API and the import dialog give it. */
export interface StatementMapping {
	date: string;
	description: string;
	amount?: string;
	debit?: string;
	credit?: string;
	reference?: string;
	memo?: string;
	dateFormat?: DateFormat;
	decimal?: '.' | ',';
}

/** One transaction of a statement: money in is positive, money out negative. */
export interface StatementTransaction {
	/** ISO date. */
	date: string;
	description: string;
	amount: number;
	reference: string;
	memo: string;
	/** Zero-based position among the file's data rows. */
	position: number;
}

const COLUMN_KEYS = ['date', 'description', 'amount', 'debit', 'credit', 'reference', 'memo'];

function bad(message: string): BooksError {
	return new BooksError('invalid_mapping', message, 400);
}

/**
 * Checks a mapping from JSON: `date` and `description` name columns, and either `amount` or
 * `debit` and/or `credit`; `dateFormat` one of {@link DATE_FORMATS}, `decimal` `.` or `,`.
 */
export function readMapping(value: unknown): StatementMapping {
	if (typeof value !== 'object' || value === null || Array.isArray(value)) {
		throw bad(
			'The mapping must be an object such as {"date":"Date","description":"Payee","amount":"Amount"}.'
		);
	}
	const input = value as Record<string, unknown>;
	const mapping: Record<string, string> = {};
	for (const [key, field] of Object.entries(input)) {
		if (![...COLUMN_KEYS, 'dateFormat', 'decimal'].includes(key)) {
			throw bad(`The mapping has an unknown key "${key}".`);
		}
		if (field === undefined || field === null || field === '') continue;
		if (typeof field !== 'string' || field.length > 200) {
			throw bad(`The mapping's "${key}" must be a column name.`);
		}
		mapping[key] = field;
	}
	if (!mapping.date || !mapping.description) {
		throw bad('The mapping must name the "date" and "description" columns.');
	}
	if (!mapping.amount && !mapping.debit && !mapping.credit) {
		throw bad('The mapping must name an "amount" column, or "debit" and "credit" columns.');
	}
	if (mapping.amount && (mapping.debit || mapping.credit)) {
		throw bad('Give either "amount" or "debit"/"credit", not both.');
	}
	if (mapping.dateFormat && !DATE_FORMATS.includes(mapping.dateFormat as DateFormat)) {
		throw bad(`"dateFormat" must be one of ${DATE_FORMATS.join(', ')}.`);
	}
	if (mapping.decimal && mapping.decimal !== '.' && mapping.decimal !== ',') {
		throw bad('"decimal" must be "." or ",".');
	}
	return mapping as unknown as StatementMapping;
}

/** The header names a mapping refers to (to find the header row and check the file has them). */
export function mappedColumns(mapping: StatementMapping): string[] {
	return COLUMN_KEYS.map((key) => mapping[key as keyof StatementMapping]).filter(
		(name): name is string => typeof name === 'string' && name !== ''
	);
}

function columnIndex(table: StatementTable, name: string | undefined): number {
	if (!name) return -1;
	const index = table.headers.findIndex((h) => h.toLowerCase() === name.trim().toLowerCase());
	if (index < 0) {
		throw new BooksError(
			'mapping_mismatch',
			`This file has no column "${name}" (its columns: ${table.headers.join(', ')}).`,
			422
		);
	}
	return index;
}

/**
 * The transactions of `table` under `mapping`. Rows with an empty date (totals, footers) are
 * skipped; a date or amount that cannot be read is a 422 naming the file's line. Debit columns
 * are money out whatever their sign; credit columns money in.
 */
export function readTransactions(
	table: StatementTable,
	mapping: StatementMapping
): {
	transactions: StatementTransaction[];
	skipped: number;
	dateFormat: DateFormat;
	decimal: '.' | ',';
} {
	const at = {
		date: columnIndex(table, mapping.date),
		description: columnIndex(table, mapping.description),
		amount: columnIndex(table, mapping.amount),
		debit: columnIndex(table, mapping.debit),
		credit: columnIndex(table, mapping.credit),
		reference: columnIndex(table, mapping.reference),
		memo: columnIndex(table, mapping.memo)
	};
	const field = (row: string[], index: number) => (index < 0 ? '' : (row[index] ?? '').trim());
	const dated = table.rows.filter((row) => field(row, at.date) !== '');
	const dateFormat =
		mapping.dateFormat ?? detectDateFormat(dated.map((row) => field(row, at.date)));
	const amountTexts = dated.flatMap((row) => [
		field(row, at.amount),
		field(row, at.debit),
		field(row, at.credit)
	]);
	const decimal = mapping.decimal ?? detectDecimalMark(amountTexts.filter((text) => text !== ''));
	const transactions: StatementTransaction[] = [];
	let skipped = 0;
	table.rows.forEach((row, position) => {
		const line = table.headerRow + position + 2;
		const dateText = field(row, at.date);
		if (dateText === '') {
			skipped++;
			return;
		}
		const date = parseStatementDate(dateText, dateFormat);
		if (!date) {
			throw new BooksError(
				'invalid_date',
				`Line ${line}: "${dateText}" is not a ${dateFormat} date.`,
				422
			);
		}
		let amount: number | null;
		if (at.amount >= 0) amount = parseStatementAmount(field(row, at.amount), decimal);
		else {
			const debit = parseStatementAmount(field(row, at.debit), decimal);
			const credit = parseStatementAmount(field(row, at.credit), decimal);
			amount =
				debit === null && credit === null ? null : Math.abs(credit ?? 0) - Math.abs(debit ?? 0);
			amount = amount === null ? null : Math.round(amount * 100) / 100;
		}
		if (amount === null) {
			throw new BooksError(
				'invalid_amount',
				`Line ${line}: the amount is missing or not a number.`,
				422
			);
		}
		transactions.push({
			date,
			description: field(row, at.description),
			amount,
			reference: field(row, at.reference),
			memo: field(row, at.memo),
			position
		});
	});
	return { transactions, skipped, dateFormat, decimal };
}
