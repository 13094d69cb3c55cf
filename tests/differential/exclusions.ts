/**
 * Where LibreOffice departs from Excel's documented behaviour. For a case an exclusion applies
 * to, the differential test compares InvestFlow with Excel's documented answer (`excelAnswer`)
 * instead of LibreOffice's. Each entry cites what Microsoft's function page says.
 */
import type { FormulaCase } from './case-kinds';
import { ODD_CELLS } from './data-block';
import type { Outcome } from './outcome';

/** One documented departure of LibreOffice from Excel. */
export interface Exclusion {
	id: string;
	/** Why LibreOffice's answer is not Excel's. */
	reason: string;
	/** Excel's documented behaviour, as Microsoft's page states it. */
	excel: string;
	applies(formulaCase: FormulaCase, libreOffice: Outcome): boolean;
	excelAnswer(formulaCase: FormulaCase, libreOffice: Outcome): Outcome;
}

const NUM_ERROR: Outcome = { kind: 'error', code: '#NUM!' };

/** Literal numbers of the arguments (the empty cell is 0; NaN for anything else). */
function numericArgs(formulaCase: FormulaCase): number[] {
	return formulaCase.args.map((arg) =>
		/^-?\d+(\.\d+)?$/.test(arg) ? Number(arg) : arg === ODD_CELLS.empty ? 0 : NaN
	);
}

/**
 * Whether an argument is text (a quoted string or the text cell): Excel answers #VALUE! for
 * text where a number belongs, so LibreOffice's #VALUE! is then Excel's too. Error cells need
 * no guard: both propagate the error itself.
 */
function hasTextArgument(formulaCase: FormulaCase): boolean {
	const textParameters = TEXT_PARAMETERS[formulaCase.fn] ?? [];
	return formulaCase.args.some(
		(arg, index) =>
			!textParameters.includes(index) && (arg === ODD_CELLS.text || arg.startsWith('"'))
	);
}

/** The data block's error cells and the error each holds. */
const ERROR_CELLS: Record<string, string> = {
	[ODD_CELLS.divByZero]: '#DIV/0!',
	[ODD_CELLS.notAvailable]: '#N/A',
	[ODD_CELLS.numError]: '#NUM!'
};

/** Whether an argument is a cell holding an error, which Excel passes on unchanged. */
function hasErrorArgument(formulaCase: FormulaCase): boolean {
	return formulaCase.args.some((arg) => arg in ERROR_CELLS);
}

/** Functions all of whose parameters are single values (an error cell there is the answer). */
const SCALAR_FUNCTIONS = new Set([
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
function excelDate(year: number, month: number, day: number): Outcome {
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
function indexBeyondTable(c: FormulaCase): boolean {
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

function isError(outcome: Outcome, code: string): boolean {
	return outcome.kind === 'error' && outcome.code === code;
}

/**
 * Functions whose pages document #NUM! (never #VALUE!) for numeric arguments out of range; with
 * only numbers as arguments, LibreOffice's "invalid argument" (Err:502, exported as #VALUE!) is
 * Excel's #NUM!.
 */
const NUM_FOR_BAD_NUMBERS = new Set([
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

const REF_ERROR: Outcome = { kind: 'error', code: '#REF!' };

/** Excel's wildcard pattern (`*`, `?`, `~` escaping) as a whole-text, case-blind RegExp. */
function wildcardPattern(pattern: string): RegExp {
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
function arrayRows(constant: string): (string | number)[][] {
	return constant
		.slice(1, -1)
		.split(';')
		.map((row) =>
			row.split(',').map((item) => (item.startsWith('"') ? item.slice(1, -1) : Number(item)))
		);
}

/** A quoted pattern with a wildcard, looked up exactly (MATCH type 0, VLOOKUP FALSE) in an array constant. */
function isWildcardInArrayConstant(c: FormulaCase): boolean {
	const exact =
		(c.fn === 'MATCH' && c.args[2] === '0') ||
		(c.fn === 'VLOOKUP' && ['FALSE', '0'].includes(c.args[3] ?? ''));
	return exact && /^"[^"]*[*?][^"]*"$/.test(c.args[0] ?? '') && (c.args[1] ?? '').startsWith('{');
}

export const EXCLUSIONS: readonly Exclusion[] = [
	{
		id: 'wildcards-in-array-constants',
		reason: 'LibreOffice matches wildcards in ranges but not in array constants',
		excel:
			'MATCH(…, 0) and VLOOKUP(…, FALSE) treat * and ? in a text lookup value as wildcards, whatever the lookup array',
		applies: (c) => isWildcardInArrayConstant(c),
		excelAnswer: (c) => {
			const pattern = wildcardPattern(c.args[0].slice(1, -1));
			const rows = arrayRows(c.args[1]);
			const keys = c.fn === 'MATCH' ? rows.flat() : rows.map((row) => row[0]);
			const found = keys.findIndex((key) => typeof key === 'string' && pattern.test(key));
			if (found < 0) return { kind: 'error', code: '#N/A' };
			if (c.fn === 'MATCH') return { kind: 'number', value: found + 1 };
			const value = rows[found][Number(c.args[2]) - 1];
			return typeof value === 'number' ? { kind: 'number', value } : { kind: 'text', value };
		}
	},
	{
		id: 'effect-rate-not-positive',
		reason: 'LibreOffice computes EFFECT of a zero nominal rate (0)',
		excel: 'EFFECT returns #NUM! if nominal_rate ≤ 0 or npery < 1',
		applies: (c) =>
			c.fn === 'EFFECT' && numericArgs(c)[0] <= 0 && !hasTextArgument(c) && !hasErrorArgument(c),
		excelAnswer: () => NUM_ERROR
	},
	{
		id: 'error-argument-first',
		reason: 'LibreOffice checks other arguments before passing on an error argument',
		excel:
			'a function given an error value as a single-value argument returns that error (arguments are evaluated first)',
		applies: (c, lo) =>
			SCALAR_FUNCTIONS.has(c.fn) &&
			lo.kind === 'error' &&
			c.args.some((arg) => arg in ERROR_CELLS && ERROR_CELLS[arg] !== lo.code),
		excelAnswer: (c) => ({
			kind: 'error',
			code: ERROR_CELLS[c.args.find((arg) => arg in ERROR_CELLS) ?? '']
		})
	},
	{
		id: 'flows-in-one-odd-cell',
		reason: 'LibreOffice reports IRR/MIRR over a cell holding an error or text as #VALUE!',
		excel:
			'an error among the values is passed on; text in a reference is ignored, leaving no flows: IRR #NUM!, MIRR #DIV/0!',
		applies: (c, lo) =>
			['IRR', 'MIRR'].includes(c.fn) &&
			isError(lo, '#VALUE!') &&
			(c.args[0] in ERROR_CELLS || c.args[0] === ODD_CELLS.text),
		excelAnswer: (c) => ({
			kind: 'error',
			code: ERROR_CELLS[c.args[0]] ?? (c.fn === 'IRR' ? '#NUM!' : '#DIV/0!')
		})
	},
	{
		id: 'lookup-index-beyond-table',
		reason: 'LibreOffice reports a column or row index past the table as #VALUE!',
		excel:
			'VLOOKUP/HLOOKUP return #REF! when col/row_index_num is greater than the table; INDEX returns #REF! for a row or column outside its range',
		applies: (c, lo) => isError(lo, '#VALUE!') && indexBeyondTable(c),
		excelAnswer: () => REF_ERROR
	},
	{
		id: 'find-empty-text',
		reason: 'LibreOffice refuses to search for empty text (#VALUE!)',
		excel: 'FIND and SEARCH with find_text "" match the first character: they return start_num (1)',
		applies: (c, lo) =>
			['FIND', 'SEARCH'].includes(c.fn) &&
			isError(lo, '#VALUE!') &&
			(c.args[0] === '""' || c.args[0] === ODD_CELLS.empty) &&
			// In empty text there is no first character: start_num 1 is past its end (#VALUE!).
			c.args[1] !== ODD_CELLS.empty &&
			c.args.length === 2,
		excelAnswer: () => ({ kind: 'number', value: 1 })
	},
	{
		id: 'concatenate-logical',
		reason: 'LibreOffice joins TRUE as "1"',
		excel: 'CONCATENATE and CONCAT join a logical value as the text TRUE or FALSE',
		applies: (c, lo) =>
			['CONCATENATE', 'CONCAT'].includes(c.fn) && c.args.at(-1) === 'TRUE' && lo.kind === 'text',
		excelAnswer: (c, lo) => ({
			kind: 'text',
			value: lo.kind === 'text' ? lo.value.replace(/1$/, 'TRUE') : ''
		})
	},
	{
		id: 'date-before-1900',
		reason: 'LibreOffice has dates before 1900 (negative serials)',
		excel: 'EDATE and EOMONTH return #NUM! when the result is not a valid date (before serial 0)',
		applies: (c, lo) => ['EDATE', 'EOMONTH'].includes(c.fn) && lo.kind === 'number' && lo.value < 0,
		excelAnswer: () => NUM_ERROR
	},
	{
		id: 'db-period-after-life',
		reason: 'LibreOffice gives 0 depreciation for a period past the asset’s life',
		excel:
			'DB returns #NUM! for a period after the last one (past life, or life+1 with a partial first year)',
		applies: (c, lo) => {
			const [, , life, period, month] = numericArgs(c);
			const last = life + (c.args.length > 4 && month < 12 ? 1 : 0);
			return c.fn === 'DB' && lo.kind === 'number' && period > last;
		},
		excelAnswer: () => NUM_ERROR
	},
	{
		id: 'text-as-date',
		reason: 'LibreOffice skips a text cell among the holidays',
		excel: 'NETWORKDAYS and WORKDAY return #VALUE! if any argument is not a valid date',
		applies: (c) => ['NETWORKDAYS', 'WORKDAY'].includes(c.fn) && c.args.includes(ODD_CELLS.text),
		excelAnswer: () => ({ kind: 'error', code: '#VALUE!' })
	},
	{
		id: 'median-of-nothing',
		reason: 'LibreOffice reports MEDIAN of no numbers as #VALUE!',
		excel: 'MEDIAN of no numbers (empty cells are ignored) is #NUM!',
		applies: (c, lo) => c.fn === 'MEDIAN' && isError(lo, '#VALUE!') && !hasTextArgument(c),
		excelAnswer: () => NUM_ERROR
	},
	{
		id: 'serial-zero',
		reason: 'LibreOffice’s serial 0 is 1899-12-30',
		excel: 'serial 0 is the fictitious 1900-01-00: YEAR 1900, MONTH 1, DAY 0',
		applies: (c) => ['YEAR', 'MONTH', 'DAY'].includes(c.fn) && c.args[0] === ODD_CELLS.empty,
		excelAnswer: (c) => ({ kind: 'number', value: { YEAR: 1900, MONTH: 1, DAY: 0 }[c.fn] ?? 0 })
	},
	{
		id: 'mirr-one-sign',
		reason: 'LibreOffice reports flows of one sign as #VALUE!',
		excel: 'MIRR returns #DIV/0! when values lack a positive and a negative value',
		// A text cell as values is ignored like any text in a reference: no flows, so #DIV/0!.
		applies: (c, lo) =>
			c.fn === 'MIRR' &&
			isError(lo, '#VALUE!') &&
			!c.args[0].startsWith('"') &&
			!c.args.slice(1).some((arg) => arg === ODD_CELLS.text) &&
			!hasErrorArgument(c),
		excelAnswer: () => ({ kind: 'error', code: '#DIV/0!' })
	},
	{
		id: 'no-convergence',
		reason: 'LibreOffice reports "no convergence" (Err:523) as #N/A in XLSX',
		excel: 'IRR, XIRR and RATE return #NUM! when the iteration does not converge',
		applies: (c, lo) =>
			['IRR', 'XIRR', 'RATE'].includes(c.fn) && isError(lo, '#N/A') && !hasErrorArgument(c),
		excelAnswer: () => NUM_ERROR
	},
	{
		id: 'invalid-argument',
		reason: 'LibreOffice reports an invalid numeric argument (Err:502) as #VALUE! in XLSX',
		excel: 'these functions return #NUM! for numeric arguments outside their domain',
		applies: (c, lo) =>
			NUM_FOR_BAD_NUMBERS.has(c.fn) &&
			isError(lo, '#VALUE!') &&
			!hasTextArgument(c) &&
			!hasErrorArgument(c),
		excelAnswer: () => NUM_ERROR
	},
	{
		id: 'two-digit-year',
		reason: 'LibreOffice reads DATE years 0–99 with its two-digit-year window (1930–2029)',
		excel: 'DATE adds 1900 to a year between 0 and 1899: DATE(24,1,1) is 1 January 1924',
		applies: (c) =>
			c.fn === 'DATE' &&
			numericArgs(c)[0] >= 0 &&
			numericArgs(c)[0] < 100 &&
			numericArgs(c).every(Number.isFinite),
		excelAnswer: (c) => {
			const [year, month, day] = numericArgs(c);
			return excelDate(year, month, day);
		}
	},
	{
		id: 'lotus-leap-day',
		reason: 'LibreOffice has no 29 February 1900 (its serials start at 1899-12-30)',
		excel: 'DATE(1900,2,29) is serial 60, the leap day Excel keeps for Lotus 1-2-3',
		applies: (c) => c.fn === 'DATE' && c.args.join(',') === '1900,2,29',
		excelAnswer: () => ({ kind: 'number', value: 60 })
	},
	{
		id: 'xnpv-earlier-date',
		reason: 'LibreOffice discounts a flow dated before the first one instead of refusing',
		excel: 'XNPV returns #NUM! if any number in dates precedes the starting date',
		applies: (c) => {
			if (c.fn !== 'XNPV' || !c.args[2]?.startsWith('{')) return false;
			const dates = c.args[2].slice(1, -1).split(',').map(Number);
			return dates.some((date) => date < dates[0]);
		},
		excelAnswer: () => NUM_ERROR
	},
	{
		id: 'mround-mixed-signs',
		reason: 'LibreOffice rounds a number and a multiple of different signs',
		excel: 'MROUND returns #NUM! when number and multiple have different signs',
		applies: (c) => {
			const [number, multiple] = numericArgs(c);
			return c.fn === 'MROUND' && number * multiple < 0;
		},
		excelAnswer: () => NUM_ERROR
	}
];

/** The exclusion that applies to a case, if any. */
export function findExclusion(
	formulaCase: FormulaCase,
	libreOffice: Outcome
): Exclusion | undefined {
	return EXCLUSIONS.find((exclusion) => exclusion.applies(formulaCase, libreOffice));
}
