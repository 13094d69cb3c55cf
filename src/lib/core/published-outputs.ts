/**
 * Published outputs: the defined names of a workbook that other places read without evaluating
 * it — the portfolio dashboard and `WORKBOOK()` in other workbooks. The server computes them on
 * an evaluation worker after edits (server/portfolio/) and stores them; this module decides which
 * names are published by default, reads their values from an evaluator, and totals a ledger's
 * Schedule E lines per tax year.
 */
import type * as Y from 'yjs';
import { listNameEntries, nameByText } from './document-view';
import type { CellResult, WorkbookEvaluator } from './evaluator';
import { WorkbookError } from './errors';
import { MAX_OUTPUT_NAMES, MAX_OUTPUT_RANGE_VALUES } from './limits';

/** A cell's error as published: its code (`#DIV/0!`, `#REF!`) and why. */
export interface OutputError {
	error: string;
	message: string;
}

/** A published value: a cell's value, its error, or a range's values row by row. */
export type OutputValue = number | string | boolean | null | OutputError | OutputScalar[];
/** One value of a published range. */
export type OutputScalar = number | string | boolean | null | OutputError;

/** Tax year → Schedule E line (3–21) → amount. */
export type ScheduleEByYear = Record<string, Record<string, number>>;

/** The property template's published outputs, in the dashboard's order. */
export const PROPERTY_OUTPUT_NAMES = [
	'MonthlyRent',
	'EffectiveGrossIncome',
	'OperatingExpenses',
	'NOI',
	'AnnualDebtService',
	'CashFlow',
	'CapRate',
	'CashOnCash',
	'DSCR',
	'IRR',
	'TotalCashInvested',
	'PropertyValue',
	'LoanBalance',
	'Equity',
	'TaxYear',
	'ScheduleENet',
	'CashFlowByYear',
	'ValueByYear',
	'LoanBalanceByYear',
	'EquityByYear'
] as const;

/** The ledger's names from which Schedule E is totalled per year (never published themselves). */
export const LEDGER_NAMES = {
	dates: 'LedgerDates',
	amounts: 'LedgerAmounts',
	lines: 'LedgerLines'
} as const;

const LEDGER_NAME_SET = new Set(Object.values(LEDGER_NAMES).map((name) => name.toLowerCase()));

/**
 * The names `doc` publishes: `chosen` when a person chose them (names since removed are kept:
 * they read as `#NAME?`, which tells the owner), else the defaults — the property template's
 * outputs for a property workbook, every defined name (but the ledger's columns) otherwise.
 */
export function publishedNames(
	doc: Y.Doc,
	template: string | null,
	chosen: readonly string[] | null
): string[] {
	if (chosen) return [...chosen];
	if (template === 'property') return [...PROPERTY_OUTPUT_NAMES];
	return listNameEntries(doc)
		.map((entry) => entry.name)
		.filter((name) => !LEDGER_NAME_SET.has(name.toLowerCase()))
		.slice(0, MAX_OUTPUT_NAMES);
}

/**
 * Checks a person's choice of outputs: a list of at most {@link MAX_OUTPUT_NAMES} distinct
 * defined names of `doc`. Returns them spelt as defined; throws `invalid_input` or `not_found`.
 */
export function checkOutputChoice(doc: Y.Doc, names: unknown): string[] {
	if (!Array.isArray(names) || names.some((name) => typeof name !== 'string')) {
		throw new WorkbookError('invalid_input', 'names must be a list of defined names.');
	}
	if (names.length > MAX_OUTPUT_NAMES) {
		throw new WorkbookError(
			'limit_exceeded',
			`a workbook can publish at most ${MAX_OUTPUT_NAMES} outputs, not ${names.length}`
		);
	}
	const chosen: string[] = [];
	for (const name of names as string[]) {
		const entry = nameByText(doc, name);
		if (!entry) throw new WorkbookError('unknown_name', `There is no defined name "${name}".`);
		if (!chosen.includes(entry.name)) chosen.push(entry.name);
	}
	return chosen;
}

function toScalar(result: CellResult): OutputScalar {
	if (result.error) return { error: result.error.code, message: result.error.message };
	return result.value;
}

/** The current values of `names` (a name that is not defined reads as `#NAME?`). */
export function readOutputs(
	evaluator: WorkbookEvaluator,
	names: readonly string[]
): Record<string, OutputValue> {
	const values: Record<string, OutputValue> = {};
	for (const name of names) {
		const result = evaluator.getNameValues(name);
		if (result === undefined) {
			values[name] = { error: '#NAME?', message: `"${name}" is not a defined name any more.` };
		} else if (Array.isArray(result)) {
			values[name] = result.slice(0, MAX_OUTPUT_RANGE_VALUES).map(toScalar);
		} else {
			values[name] = toScalar(result);
		}
	}
	return values;
}

/** Schedule E per tax year from the workbook's ledger names, or null when it has no ledger. */
export function readScheduleE(evaluator: WorkbookEvaluator): ScheduleEByYear | null {
	const column = (name: string): unknown[] | null => {
		const values = evaluator.getNameValues(name);
		return Array.isArray(values) ? values.map((result) => result.value) : null;
	};
	const dates = column(LEDGER_NAMES.dates);
	const amounts = column(LEDGER_NAMES.amounts);
	const lines = column(LEDGER_NAMES.lines);
	if (!dates || !amounts || !lines) return null;
	return scheduleEFromLedger(dates, amounts, lines);
}

/** Excel serial day → calendar year (1900 date system; serial 1 is 1900-01-01). */
export function serialYear(serial: number): number {
	return new Date(Date.UTC(1899, 11, 30) + Math.floor(serial) * 86_400_000).getUTCFullYear();
}

/**
 * Totals ledger rows (date serial, positive amount, Schedule E line) per tax year and line.
 * Lines 3 and 4 are income, 5–19 expenses; line 20 is their total expenses and line 21 income
 * minus expenses, as on the form. Rows without a date, amount or a line of 3–19 are skipped.
 */
export function scheduleEFromLedger(
	dates: readonly unknown[],
	amounts: readonly unknown[],
	lines: readonly unknown[]
): ScheduleEByYear {
	const years: ScheduleEByYear = {};
	for (let i = 0; i < dates.length; i++) {
		const [date, amount, line] = [dates[i], amounts[i], lines[i]];
		if (typeof date !== 'number' || typeof amount !== 'number' || typeof line !== 'number')
			continue;
		if (!Number.isInteger(line) || line < 3 || line > 19 || date < 1) continue;
		const year = (years[serialYear(date)] ??= {});
		year[line] = round2((year[line] ?? 0) + amount);
	}
	for (const year of Object.values(years)) {
		let expenses = 0;
		for (let line = 5; line <= 19; line++) expenses += year[line] ?? 0;
		year[20] = round2(expenses);
		year[21] = round2((year[3] ?? 0) + (year[4] ?? 0) - expenses);
	}
	return years;
}

function round2(value: number): number {
	return Math.round(value * 100) / 100;
}

/** Schedule E (Form 1040) lines as the combined report shows them, with their labels. */
export const SCHEDULE_E_LINES: readonly { line: number; label: string }[] = [
	{ line: 3, label: 'Rents received' },
	{ line: 4, label: 'Royalties received' },
	{ line: 5, label: 'Advertising' },
	{ line: 6, label: 'Auto and travel' },
	{ line: 7, label: 'Cleaning and maintenance' },
	{ line: 8, label: 'Commissions' },
	{ line: 9, label: 'Insurance' },
	{ line: 10, label: 'Legal and other professional fees' },
	{ line: 11, label: 'Management fees' },
	{ line: 12, label: 'Mortgage interest paid to banks' },
	{ line: 13, label: 'Other interest' },
	{ line: 14, label: 'Repairs' },
	{ line: 15, label: 'Supplies' },
	{ line: 16, label: 'Taxes' },
	{ line: 17, label: 'Utilities' },
	{ line: 18, label: 'Depreciation expense or depletion' },
	{ line: 19, label: 'Other' },
	{ line: 20, label: 'Total expenses' },
	{ line: 21, label: 'Income or (loss)' }
];
