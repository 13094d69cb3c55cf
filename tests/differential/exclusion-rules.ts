/**
 * What the exclusions need to read a generated case: its literal arguments, the data block's odd
 * cells, Excel's DATE and wildcard rules, and the sizes of lookup tables.
 */
import type { FormulaCase } from './case-kinds';
import { ODD_CELLS } from './data-block';
import type { Outcome } from './outcome';

export const NUM_ERROR: Outcome = { kind: 'error', code: '#NUM!' };

/** Literal numbers of the arguments (the empty cell is 0; NaN for anything else). */
export function numericArgs(formulaCase: FormulaCase): number[] {
	return formulaCase.args.map((arg) =>
		/^-?\d+(\.\d+)?$/.test(arg) ? Number(arg) : arg === ODD_CELLS.empty ? 0 : NaN
	);
}

/**
 * Whether an argument is text (a quoted string or the text cell): Excel answers #VALUE! for
 * text where a number belongs, so LibreOffice's #VALUE! is then Excel's too. Error cells need
 * no guard: both propagate the error itself.
 */
export function hasTextArgument(formulaCase: FormulaCase): boolean {
	const textParameters = TEXT_PARAMETERS[formulaCase.fn] ?? [];
	return formulaCase.args.some(
		(arg, index) =>
			!textParameters.includes(index) && (arg === ODD_CELLS.text || arg.startsWith('"'))
	);
}

/** The data block's error cells and the error each holds. */
export const ERROR_CELLS: Record<string, string> = {
	[ODD_CELLS.divByZero]: '#DIV/0!',
	[ODD_CELLS.notAvailable]: '#N/A',
	[ODD_CELLS.numError]: '#NUM!'
};

/** Whether an argument is a cell holding an error, which Excel passes on unchanged. */
export function hasErrorArgument(formulaCase: FormulaCase): boolean {
	return formulaCase.args.some((arg) => arg in ERROR_CELLS);
}

/** Functions all of whose parameters are single values (an error cell there is the answer). */
export const SCALAR_FUNCTIONS = new Set([
	'MOD',
	'INT',
	'ROUND',
	'ROUNDUP',
	'ROUNDDOWN',
	'MROUND',
	'PMT',
	'IPMT',
	'PPMT',
	'PV',
	'FV',
	'NPER',
	'RATE',
	'EFFECT',
	'NOMINAL',
	'SLN',
	'DB',
	'DDB',
	'VDB',
	'CUMIPMT',
	'CUMPRINC',
	'DATE',
	'EDATE',
	'EOMONTH',
	'YEARFRAC',
	'DAYS',
	'DATEDIF',
	'WEEKDAY',
	'YEAR',
	'MONTH',
	'DAY'
]);

/**
 * Excel's DATE: a year below 1900 has 1900 added, months and days roll over, serial 60 is the
 * fictitious 1900-02-29, and a result before 1900-01-00 (serial 0) is #NUM!.
 */
export function excelDate(year: number, month: number, day: number): Outcome {
	const fullYear = year < 1900 ? year + 1900 : year;
	const date = new Date(Date.UTC(2000, month - 1, day));
	date.setUTCFullYear(fullYear + (date.getUTCFullYear() - 2000));
	const days = Math.round((date.getTime() - Date.UTC(1899, 11, 31)) / 86_400_000);
	if (days < 0 || fullYear > 9999) return NUM_ERROR;
	return { kind: 'number', value: days >= 60 ? days + 1 : days };
}

/** Parameters that take text by design (DATEDIF's unit). */
const TEXT_PARAMETERS: Record<string, number[]> = { DATEDIF: [2] };

/** Rows and columns of an A1 range (`C1:E8`) or an array constant (`{1,2;3,4}`). */
function tableSize(table: string): { rows: number; cols: number } | undefined {
	const range = /^([A-Z])(\d+):([A-Z])(\d+)$/.exec(table);
	if (range) {
		return {
			rows: Number(range[4]) - Number(range[2]) + 1,
			cols: range[3].charCodeAt(0) - range[1].charCodeAt(0) + 1
		};
	}
	if (!table.startsWith('{')) return undefined;
	const rows = table.slice(1, -1).split(';');
	return { rows: rows.length, cols: rows[0].split(',').length };
}

/** Whether a lookup's literal row or column index lies past its table. */
export function indexBeyondTable(c: FormulaCase): boolean {
	const size = tableSize(c.args[c.fn === 'INDEX' ? 0 : 1] ?? '');
	const [, second, third] = numericArgs(c);
	if (!size) return false;
	if (c.fn === 'VLOOKUP') return third > size.cols;
	if (c.fn === 'HLOOKUP') return third > size.rows;
	if (c.fn !== 'INDEX') return false;
	// A one-row or one-column INDEX takes its single index along the line.
	if (c.args.length === 2) return second > Math.max(size.rows, size.cols);
	return second > size.rows || third > size.cols;
}

/** Whether an outcome is the error `code`. */
export function isError(outcome: Outcome, code: string): boolean {
	return outcome.kind === 'error' && outcome.code === code;
}

/**
 * Functions whose pages document #NUM! (never #VALUE!) for numeric arguments out of range; with
 * only numbers as arguments, LibreOffice's "invalid argument" (Err:502, exported as #VALUE!) is
 * Excel's #NUM!.
 */
export const NUM_FOR_BAD_NUMBERS = new Set([
	'CUMIPMT',
	'CUMPRINC',
	'DB',
	'DDB',
	'VDB',
	'EFFECT',
	'NOMINAL',
	'SLN',
	'NPER',
	'RATE',
	'IPMT',
	'PPMT',
	'IRR',
	'XIRR',
	'XNPV',
	'YEARFRAC',
	'EDATE',
	'EOMONTH',
	'DATEDIF',
	'WEEKDAY',
	'WORKDAY',
	'NETWORKDAYS'
]);

export const REF_ERROR: Outcome = { kind: 'error', code: '#REF!' };

/** Excel's wildcard pattern (`*`, `?`, `~` escaping) as a whole-text, case-blind RegExp. */
export function wildcardPattern(pattern: string): RegExp {
	let source = '';
	for (let i = 0; i < pattern.length; i++) {
		const char = pattern[i];
		if (char === '~' && i + 1 < pattern.length) source += escapeRegExp(pattern[++i]);
		else if (char === '*') source += '.*';
		else if (char === '?') source += '.';
		else source += escapeRegExp(char);
	}
	return new RegExp(`^${source}$`, 'is');
}

function escapeRegExp(text: string): string {
	return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The rows of an array constant of numbers and quoted strings, as text and numbers. */
export function arrayRows(constant: string): (string | number)[][] {
	return constant
		.slice(1, -1)
		.split(';')
		.map((row) =>
			row.split(',').map((item) => (item.startsWith('"') ? item.slice(1, -1) : Number(item)))
		);
}

/** A quoted pattern with a wildcard, looked up exactly (MATCH type 0, VLOOKUP FALSE) in an array constant. */
export function isWildcardInArrayConstant(c: FormulaCase): boolean {
	const exact =
		(c.fn === 'MATCH' && c.args[2] === '0') ||
		(c.fn === 'VLOOKUP' && ['FALSE', '0'].includes(c.args[3] ?? ''));
	return exact && /^"[^"]*[*?][^"]*"$/.test(c.args[0] ?? '') && (c.args[1] ?? '').startsWith('{');
}
