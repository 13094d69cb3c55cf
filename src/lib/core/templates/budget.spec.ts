import { describe, expect, it } from 'vitest';
import { seed } from './spec-support';

/** The sample: monthly budgets and January–March actuals of two categories (rows 6 and 10). */
const GROCERIES = { row: 6, budget: 600, actual: [540, 650, 580] };
const ENTERTAINMENT = { row: 10, budget: 200, actual: [260, 150, 100] };

/** Available amounts for months 1–4 by the roll-forward rule, computed by hand. */
function rollForward(budget: number, actuals: number[]): number[] {
	const available = [budget];
	for (let m = 1; m < 4; m++) {
		available.push(budget + Math.max(0, available[m - 1] - (actuals[m - 1] ?? 0)));
	}
	return available;
}

const SLOW = { timeout: 30_000 };

describe('budget template', SLOW, () => {
	it('rolls the unspent part of each month forward into the next month', () => {
		const book = seed('budget');
		const expected = rollForward(GROCERIES.budget, GROCERIES.actual);
		// 600; 600 + 60 = 660; 600 + 10 = 610; 600 + 30 = 630.
		expect(expected).toEqual([600, 660, 610, 630]);
		['B', 'C', 'D', 'E'].forEach((column, m) => {
			expect(book.num('Available', `${column}${GROCERIES.row}`)).toBeCloseTo(expected[m], 9);
		});
	});

	it('does not roll overspending forward', () => {
		const book = seed('budget');
		const expected = rollForward(ENTERTAINMENT.budget, ENTERTAINMENT.actual);
		// January overspent by 60: February starts from its budget alone.
		expect(expected).toEqual([200, 200, 250, 350]);
		['B', 'C', 'D', 'E'].forEach((column, m) => {
			expect(book.num('Available', `${column}${ENTERTAINMENT.row}`)).toBeCloseTo(expected[m], 9);
		});
	});

	it('follows an edited actual through the later months', () => {
		const book = seed('budget');
		book.type({ B6: '500' }, 'Actual');
		expect(book.num('Available', 'C6')).toBe(600 + 100);
		expect(book.num('Available', 'D6')).toBe(600 + 50);
	});

	it('totals budget, actual and variance by month and for the year', () => {
		const book = seed('budget');
		const monthlyBudget = 1800 + 250 + 600 + 300 + 200 + 150 + 200;
		expect(book.num('Budget', 'B11')).toBe(monthlyBudget);
		expect(book.num('Budget', 'N11')).toBe(12 * monthlyBudget);
		const january = 1800 + 231.4 + 540 + 275 + 200 + 0 + 260;
		expect(book.num('Actual', 'B11')).toBeCloseTo(january, 9);
		expect(book.num('Variance', 'B11')).toBeCloseTo(monthlyBudget - january, 9);
		expect(book.num('Variance', 'B6')).toBe(60);
	});

	it('shows year to date through the selected month', () => {
		const book = seed('budget');
		const monthlyBudget = 3500;
		const actuals = [
			[1800, 231.4, 540, 275, 200, 0, 260],
			[1800, 268.9, 650, 310, 200, 85, 150],
			[1800, 244.1, 580, 190, 200, 40, 100]
		].map((month) => month.reduce((sum, a) => sum + a, 0));
		expect(book.name('SelectedMonth')).toBe(3);
		expect(book.name('YtdBudget')).toBe(3 * monthlyBudget);
		expect(book.name('YtdActual')).toBeCloseTo(actuals[0] + actuals[1] + actuals[2], 9);
		expect(book.name('YtdVariance')).toBeCloseTo(3 * monthlyBudget - book.name('YtdActual'), 9);
		expect(book.value('Year to date', 'B3')).toBe('Mar');
		// Groceries this month: 610 available, 580 spent.
		expect(book.num('Year to date', 'F8')).toBe(610);
		expect(book.num('Year to date', 'G8')).toBe(30);
		book.type({ SelectedMonth: '2' });
		expect(book.name('YtdBudget')).toBe(2 * monthlyBudget);
		expect(book.name('YtdActual')).toBeCloseTo(actuals[0] + actuals[1], 9);
		expect(book.num('Year to date', 'F8')).toBe(660);
	});

	it('evaluates every cell without an error', () => {
		expect(seed('budget').errors()).toEqual([]);
	});
});
