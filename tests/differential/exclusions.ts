/**
 * Where LibreOffice departs from Excel's documented behaviour. For a case an exclusion applies
 * to, the differential test compares InvestFlow with Excel's documented answer (`excelAnswer`)
 * instead of LibreOffice's. Each entry cites what Microsoft's function page says.
 */
import type { FormulaCase } from './case-kinds';
import { ODD_CELLS } from './data-block';
import type { Outcome } from './outcome';
import {
	ERROR_CELLS,
	NUM_ERROR,
	NUM_FOR_BAD_NUMBERS,
	REF_ERROR,
	SCALAR_FUNCTIONS,
	arrayRows,
	excelDate,
	hasErrorArgument,
	hasTextArgument,
	indexBeyondTable,
	isError,
	isWildcardInArrayConstant,
	numericArgs,
	wildcardPattern
} from './exclusion-rules';

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
		excel: 'MEDIAN of no numbers (referenced empty and text cells are ignored) is #NUM!',
		// Typed text ("x") is #VALUE! in Excel too; a referenced text cell is only ignored.
		applies: (c, lo) =>
			c.fn === 'MEDIAN' && isError(lo, '#VALUE!') && !c.args.some((arg) => arg.startsWith('"')),
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
