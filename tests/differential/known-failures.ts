/**
 * KNOWN_FAILING_CASES: the disagreements the test in `npm test` tolerates, each naming its
 * cause — a number of issue 28 (emptied once branch `formula-fixes` was merged) or a `new-…`
 * cause this test found beyond the issue. When a cause is fixed, remove its entry: the test
 * then demands that its disagreements are gone.
 */
import type { FormulaCase } from './case-kinds';
import type { Outcome } from './outcome';

/** A class of disagreement already known: one of the issue's 13 causes, or a new one. */
export interface KnownFailure {
	/** The cause's number in issue 28, or `new-…` for one this test found beyond the issue. */
	cause: number | `new-${string}`;
	title: string;
	matches(formulaCase: FormulaCase, investflow: Outcome, expected: Outcome): boolean;
}

function isError(outcome: Outcome, code?: string): boolean {
	return outcome.kind === 'error' && (code === undefined || outcome.code === code);
}

function isValue(outcome: Outcome): boolean {
	return outcome.kind === 'number' || outcome.kind === 'text' || outcome.kind === 'boolean';
}

const ERROR_CELLS = ['I1', 'I2', 'I6'];
/** The data block's one-cell odd values, used where a range belongs. */
const ODD_CELLS = ['I1', 'I2', 'I3', 'I4', 'I6'];
const IF_FAMILY = ['SUMIF', 'SUMIFS', 'COUNTIF', 'COUNTIFS', 'AVERAGEIF', 'AVERAGEIFS'];

/**
 * Disagreements of issue 28's 13 causes, tolerated until branch `formula-fixes` was merged. With
 * its fixes merged (this branch has them) none remains over 5 seeds × 2,000 formulas, so the
 * list is empty: any of those disagreements coming back fails the test.
 */
const ISSUE_28_CAUSES: KnownFailure[] = [];

/** Found by this test beyond the issue's 13 causes; not being fixed yet (see the report). */
const NEW_CAUSES: KnownFailure[] = [
	{
		cause: 'new-criteria-sizes',
		title:
			'SUMIF/AVERAGEIF do not resize a sum or average range of another size to the criteria range, as Excel documents (#VALUE! instead)',
		matches: (c, inv) =>
			IF_FAMILY.includes(c.fn) &&
			isError(inv, '#VALUE!') &&
			c.args.some((arg) => ODD_CELLS.includes(arg))
	},
	{
		cause: 'new-text-in-reference',
		title: 'AND, OR, MEDIAN and NPV give #VALUE! for a referenced text cell (Excel ignores it)',
		matches: (c, inv) =>
			['AND', 'OR', 'MEDIAN', 'NPV'].includes(c.fn) &&
			isError(inv, '#VALUE!') &&
			c.args.includes('I3')
	},
	{
		cause: 'new-and-empty-reference',
		title: 'AND counts a referenced empty cell as FALSE (Excel ignores it)',
		matches: (c, inv) =>
			c.fn === 'AND' && inv.kind === 'boolean' && !inv.value && c.args.includes('I4')
	},
	{
		cause: 'new-ifs-short-circuit',
		title: 'IFS evaluates conditions after the first TRUE one (an error there is returned)',
		matches: (c, inv, exp) => c.fn === 'IFS' && isError(inv) && isValue(exp)
	},
	{
		cause: 'new-substitute-empty',
		title: 'SUBSTITUTE with empty old_text inserts new_text between characters (Excel: unchanged)',
		matches: (c, inv) => c.fn === 'SUBSTITUTE' && inv.kind === 'text' && c.args[1] === 'I4'
	},
	{
		cause: 'new-rate-no-solution',
		title: 'RATE returns -1 when no rate exists for a type-1 annuity (Excel #NUM!)',
		matches: (c, inv, exp) =>
			c.fn === 'RATE' && inv.kind === 'number' && inv.value === -1 && isError(exp, '#NUM!')
	},
	{
		cause: 'new-depreciation-domain',
		title:
			'DDB/VDB with a cost of 0 and DB with a period of 0 return numbers where LibreOffice reports an invalid argument (Microsoft: the arguments must be positive)',
		matches: (c, inv, exp) =>
			['DB', 'DDB', 'VDB'].includes(c.fn) && inv.kind === 'number' && isError(exp, '#NUM!')
	},
	{
		cause: 'new-median-empty',
		title:
			'MEDIAN counts a referenced empty cell as 0 (Excel ignores it: MEDIAN(D1:D8,I4) is 1525, MEDIAN(I4) #NUM!)',
		matches: (c, inv) => c.fn === 'MEDIAN' && inv.kind === 'number' && c.args.includes('I4')
	},
	{
		cause: 'new-datedif-yd-leap',
		title:
			'DATEDIF "YD" counts one day more than Excel and LibreOffice when the start is in a leap year',
		matches: (c, inv, exp) =>
			c.fn === 'DATEDIF' &&
			c.args[2] === '"YD"' &&
			inv.kind === 'number' &&
			exp.kind === 'number' &&
			inv.value === exp.value + 1
	},
	{
		cause: 'new-error-argument-order',
		title: 'Some functions check their other arguments before passing on an error argument',
		matches: (c, inv, exp) =>
			isError(inv) &&
			isError(exp) &&
			ERROR_CELLS.some((cell) => c.args.includes(cell)) &&
			!IF_FAMILY.includes(c.fn)
	},
	{
		cause: 'new-xnpv-text-values',
		title:
			'XNPV with a text cell as values or dates compares lengths first (#NUM!); LibreOffice gives #VALUE!, as Microsoft documents for dates that are not dates',
		matches: (c, inv, exp) =>
			c.fn === 'XNPV' && isError(inv, '#NUM!') && isError(exp, '#VALUE!') && c.args.includes('I3')
	},
	{
		cause: 'new-serial-zero',
		title: 'YEAR/MONTH/DAY read serial 0 as 1899-12-31 (Excel: 1900-01-00, so DAY 0, YEAR 1900)',
		matches: (c, inv) =>
			['YEAR', 'MONTH', 'DAY'].includes(c.fn) && c.args[0] === 'I4' && inv.kind === 'number'
	}
];

/** Every tolerated disagreement; an entry goes when its cause is fixed. */
export const KNOWN_FAILING_CASES: readonly KnownFailure[] = [...ISSUE_28_CAUSES, ...NEW_CAUSES];

/** The known failure a disagreement belongs to, if any. */
export function findKnownFailure(
	formulaCase: FormulaCase,
	investflow: Outcome,
	expected: Outcome
): KnownFailure | undefined {
	return KNOWN_FAILING_CASES.find((known) => known.matches(formulaCase, investflow, expected));
}
