import { describe, expect, it } from 'vitest';
import { columnLetters } from '../addresses';
import { serialFromDate } from '../values';
import { seed, type SeededTemplate } from './spec-support';

/** The sample obligations (as seeded), forecast from Monday 5 January 2026. */
const SAMPLE = [
	{ row: 5, amount: 9600, rate: 1, frequency: 'monthly', start: [2026, 1, 1] },
	{ row: 6, amount: 4000, rate: 1.08, frequency: 'monthly', start: [2025, 12, 15] },
	{ row: 7, amount: -6000, rate: 1, frequency: 'monthly', start: [2026, 1, 31] },
	{ row: 8, amount: -3900, rate: 1, frequency: 'monthly', start: [2026, 1, 1] },
	{ row: 9, amount: -250, rate: 1, frequency: 'weekly', start: [2026, 1, 7], end: [2026, 3, 4] },
	{ row: 10, amount: -4200, rate: 1, frequency: 'quarterly', start: [2025, 11, 20] },
	{ row: 11, amount: -1500, rate: 1, frequency: 'once', start: [2026, 3, 10] },
	{ row: 12, amount: -120, rate: 1.27, frequency: 'monthly', start: [2026, 1, 5] }
] as const;

const WEEK_ONE = serialFromDate(2026, 1, 5);

/** Adds months as EDATE does: the same day, or the month's last day when it has no such day. */
function addMonths([year, month, day]: readonly number[], months: number): number {
	const index = year * 12 + (month - 1) + months;
	const y = Math.floor(index / 12);
	const m = (index % 12) + 1;
	const lastDay = new Date(Date.UTC(y, m, 0)).getUTCDate();
	return serialFromDate(y, m, Math.min(day, lastDay));
}

/** The weeks (1–13) an obligation lands in, expanded by hand from its dates. */
function handWeeks(obligation: (typeof SAMPLE)[number]): number[] {
	const start = serialFromDate(...(obligation.start as [number, number, number]));
	const end =
		'end' in obligation
			? serialFromDate(...(obligation.end as [number, number, number]))
			: Infinity;
	const dates: number[] = [];
	const horizon = WEEK_ONE + 13 * 7;
	for (let k = 0; ; k++) {
		const date =
			obligation.frequency === 'weekly'
				? start + 7 * k
				: obligation.frequency === 'once'
					? k === 0
						? start
						: Infinity
					: addMonths(obligation.start, k * (obligation.frequency === 'quarterly' ? 3 : 1));
		if (date >= horizon || date > end) break;
		dates.push(date);
	}
	return dates.filter((d) => d >= WEEK_ONE).map((d) => Math.floor((d - WEEK_ONE) / 7) + 1);
}

/** The weeks in which a Schedule row has a non-zero amount. */
function scheduledWeeks(book: SeededTemplate, row: number): number[] {
	const weeks: number[] = [];
	for (let w = 1; w <= 13; w++)
		if (book.num('Schedule', `${columnLetters(w)}${row}`) !== 0) weeks.push(w);
	return weeks;
}

const SLOW = { timeout: 30_000 };

describe('forecast template', SLOW, () => {
	it('lands monthly obligations in the weeks holding their day of the month', () => {
		const book = seed('forecast');
		// The 15th: 15 Jan (week 2), 15 Feb (week 6), 15 Mar (week 10).
		expect(scheduledWeeks(book, 6)).toEqual([2, 6, 10]);
		// The 31st: 31 Jan (week 4), then the month's last day, 28 Feb (week 8), 31 Mar (week 13).
		expect(scheduledWeeks(book, 7)).toEqual([4, 8, 13]);
		// The 1st: 1 Feb (week 4 ends that Sunday), 1 Mar (week 8), 1 Apr (week 13).
		expect(scheduledWeeks(book, 5)).toEqual([4, 8, 13]);
	});

	it('lands quarterly obligations every third month from their start', () => {
		const book = seed('forecast');
		// 20 Nov 2025, then 20 Feb 2026 (week 7); 20 May is past the horizon.
		expect(scheduledWeeks(book, 10)).toEqual([7]);
		book.type({ F4: 'quarterly', G4: '2025-10-31' }, 'Obligations');
		// 31 Oct, 31 Jan (week 4), 30 Apr (past week 13).
		expect(scheduledWeeks(book, 7)).toEqual([4]);
	});

	it('lands weekly obligations every week until their end, and one-offs once', () => {
		const book = seed('forecast');
		expect(scheduledWeeks(book, 9)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
		expect(scheduledWeeks(book, 11)).toEqual([10]);
	});

	it('expands every sample obligation into the weeks computed by hand', () => {
		const book = seed('forecast');
		for (const obligation of SAMPLE) {
			expect(scheduledWeeks(book, obligation.row), `row ${obligation.row}`).toEqual(
				handWeeks(obligation)
			);
		}
	});

	it('converts each amount to the base currency at its rate', () => {
		const book = seed('forecast');
		expect(book.num('Schedule', 'C6')).toBeCloseTo(4000 * 1.08, 9);
		expect(book.num('Schedule', 'B12')).toBeCloseTo(-120 * 1.27, 9);
		book.type({ E3: '1.1' }, 'Obligations');
		expect(book.num('Schedule', 'C6')).toBeCloseTo(4400, 9);
	});

	it('carries the opening balance through weekly inflows and outflows', () => {
		const book = seed('forecast');
		let balance = 25_000;
		let weighted = 25_000;
		const confidence = [0.95, 0.8, 1, 1, 1, 1, 0.9, 1];
		for (let w = 1; w <= 13; w++) {
			let net = 0;
			let expected = 0;
			SAMPLE.forEach((obligation, i) => {
				if (!handWeeks(obligation).includes(w)) return;
				net += obligation.amount * obligation.rate;
				expected += obligation.amount * obligation.rate * confidence[i];
			});
			balance += net;
			weighted += expected;
			expect(book.num('Forecast', `G${5 + w}`), `week ${w}`).toBeCloseTo(balance, 6);
			expect(book.num('Forecast', `J${5 + w}`), `weighted week ${w}`).toBeCloseTo(weighted, 6);
		}
		expect(book.name('EndingBalance')).toBeCloseTo(balance, 6);
		expect(book.name('WeightedEndingBalance')).toBeCloseTo(weighted, 6);
		book.type({ OpeningBalance: '30000' });
		expect(book.name('EndingBalance')).toBeCloseTo(balance + 5000, 6);
	});

	it('moves every week when the forecast start moves', () => {
		const book = seed('forecast');
		book.type({ ForecastStart: '2026-01-12' });
		// The 15th now falls in weeks 1 (12–18 Jan), 5 (9–15 Feb) and 9 (9–15 Mar); week 13
		// (6–12 Apr) ends before 15 Apr.
		expect(scheduledWeeks(book, 6)).toEqual([1, 5, 9]);
		expect(book.num('Forecast', 'B6')).toBe(serialFromDate(2026, 1, 12));
	});

	it('evaluates every cell without an error', () => {
		expect(seed('forecast').errors()).toEqual([]);
	});
});
