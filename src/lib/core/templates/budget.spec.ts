import { describe, expect, it } from 'vitest';
import { serialFromDate } from '../values';
import { seed } from './spec-support';

/** Rows of the sample categories on Budget, Actual, Available and Variance. */
const SALARY = 4;
const RENT = 5;
const UTILITIES = 7;
const GROCERIES = 8;
const ENTERTAINMENT = 12;
const TOTAL_EXPENSE = 15;
/** January 2026 … April 2026; December 2026 and January 2027. */
const [JAN, FEB, MAR, APR] = ['D', 'E', 'F', 'G'];
const [DEC, JAN_NEXT] = ['O', 'P'];

/** Available amounts by the roll-forward rule, computed by hand: budget + previous left. */
function rollForward(budget: number, actuals: number[], months: number): number[] {
	const available = [budget];
	for (let m = 1; m < months; m++) {
		available.push(budget + available[m - 1] - (actuals[m - 1] ?? 0));
	}
	return available;
}

const SLOW = { timeout: 60_000 };

describe('budget template', SLOW, () => {
	it('rolls overspending forward as well as surpluses', () => {
		const book = seed('budget');
		// Entertainment: 260 of 200 in January, so February has 200 − 60 = 140.
		const expected = rollForward(200, [260, 150, 100], 4);
		expect(expected).toEqual([200, 140, 190, 290]);
		[JAN, FEB, MAR, APR].forEach((column, m) => {
			expect(book.num('Available', `${column}${ENTERTAINMENT}`)).toBeCloseTo(expected[m], 9);
		});
		// Groceries: 600; 600 + 60 = 660; 600 + 660 − 650 = 610; 600 + 610 − 580 = 630.
		expect([JAN, FEB, MAR, APR].map((c) => book.num('Available', `${c}${GROCERIES}`))).toEqual([
			600, 660, 610, 630
		]);
	});

	it('starts every month from its budget when roll forward is no', () => {
		const book = seed('budget');
		expect(book.value('Budget', `C${UTILITIES}`)).toBe('no');
		for (const c of [JAN, FEB, MAR, APR])
			expect(book.num('Available', `${c}${UTILITIES}`)).toBe(250);
		book.type({ [`C${ENTERTAINMENT}`]: 'no' }, 'Budget');
		expect(book.num('Available', `${FEB}${ENTERTAINMENT}`)).toBe(200);
		book.type({ [`C${UTILITIES}`]: 'yes' }, 'Budget');
		// 250 + 250 − 231.40 = 268.60 in February.
		expect(book.num('Available', `${FEB}${UTILITIES}`)).toBeCloseTo(268.6, 9);
	});

	it('sums the Transactions sheet by category and month, however far down a row is', () => {
		const book = seed('budget');
		// Groceries in January: two trips, 340 + 200.
		expect(book.num('Actual', `${JAN}${GROCERIES}`)).toBe(540);
		book.type({ A500: '2026-01-28', B500: 'Groceries', D500: '35.5' }, 'Transactions');
		expect(book.num('Actual', `${JAN}${GROCERIES}`)).toBe(575.5);
		expect(book.num('Available', `${FEB}${GROCERIES}`)).toBeCloseTo(600 + 600 - 575.5, 9);
		// A date on 1 February belongs to February, not January.
		book.type({ A501: '2026-02-01', B501: 'Groceries', D501: '10' }, 'Transactions');
		expect(book.num('Actual', `${JAN}${GROCERIES}`)).toBe(575.5);
		expect(book.num('Actual', `${FEB}${GROCERIES}`)).toBe(660);
	});

	it('carries December’s available amount into January of the next year', () => {
		const book = seed('budget');
		expect(book.num('Budget', `${DEC}3`)).toBe(serialFromDate(2026, 12, 1));
		expect(book.num('Budget', `${JAN_NEXT}3`)).toBe(serialFromDate(2027, 1, 1));
		book.type({ A600: '2026-12-24', B600: 'Entertainment', D600: '500' }, 'Transactions');
		// April 290, then 200 more each month without spending: December 290 + 8 × 200 = 1,890.
		const december = rollForward(200, [260, 150, 100], 12)[11];
		expect(december).toBe(1890);
		expect(book.num('Available', `${DEC}${ENTERTAINMENT}`)).toBe(december);
		expect(book.num('Available', `${JAN_NEXT}${ENTERTAINMENT}`)).toBe(200 + 1890 - 500);
	});

	it('keeps income apart from expenses, with variance signed so positive is better', () => {
		const book = seed('budget');
		// Rental income fell 150 short in February; Groceries overspent by 50.
		expect(book.num('Variance', `${FEB}${RENT}`)).toBe(-150);
		expect(book.num('Variance', `${FEB}${GROCERIES}`)).toBe(-50);
		expect(book.num('Actual', `${JAN}${TOTAL_EXPENSE - 1}`)).toBe(5200 + 1800);
		const januaryExpenses = 1800 + 231.4 + 540 + 275 + 200 + 0 + 260;
		expect(book.num('Actual', `${JAN}${TOTAL_EXPENSE}`)).toBeCloseTo(januaryExpenses, 9);
		expect(book.num('Actual', `${JAN}${TOTAL_EXPENSE + 1}`)).toBeCloseTo(7000 - januaryExpenses, 9);
		expect(book.num('Budget', `${JAN}${SALARY}`)).toBe(5200);
	});

	it('shows the selected year through the selected month', () => {
		const book = seed('budget');
		const budgetedExpenses = 1800 + 250 + 600 + 300 + 200 + 150 + 200;
		const spent = [
			[1800, 231.4, 540, 275, 200, 0, 260],
			[1800, 268.9, 650, 310, 200, 85, 150],
			[1800, 244.1, 580, 190, 200, 40, 100]
		].map((month) => month.reduce((sum, a) => sum + a, 0));
		expect(book.name('YtdBudget')).toBe(3 * budgetedExpenses);
		expect(book.name('YtdActual')).toBeCloseTo(spent[0] + spent[1] + spent[2], 9);
		expect(book.name('YtdVariance')).toBeCloseTo(3 * budgetedExpenses - book.name('YtdActual'), 9);
		expect(book.name('YtdIncome')).toBe(3 * 5200 + 1800 + 1650 + 1800);
		// Groceries (row 11 of Year view) in March: 610 available, 580 spent.
		expect(book.num('Year view', 'F11')).toBe(610);
		expect(book.num('Year view', 'G11')).toBe(30);
		book.type({ SelectedMonth: '2' });
		expect(book.name('YtdBudget')).toBe(2 * budgetedExpenses);
		expect(book.num('Year view', 'F11')).toBe(660);
		book.type({ SelectedYear: '2027', SelectedMonth: '1' });
		expect(book.name('YtdActual')).toBe(0);
		expect(book.name('YtdBudget')).toBe(budgetedExpenses);
		book.type({ SelectedYear: '2031' });
		expect(book.evaluator.getNameValue('SelectedColumn')?.value).toBe('#N/A');
	});

	it('evaluates every cell without an error', () => {
		expect(seed('budget').errors()).toEqual([]);
	});
});
