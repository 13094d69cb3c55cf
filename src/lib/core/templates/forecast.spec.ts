import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { columnLetters } from '../addresses';
import { metaMap } from '../document';
import { insertLines } from '../operations/structure';
import { listSheets } from '../workbook-api';
import { canonicalDocument } from '../test-support';
import { serialFromDate } from '../values';
import { expandOccurrences, type Timing } from './forecast/occurrence';
import { seedTemplate } from './index';
import { seed, type SeededTemplate } from './spec-support';

const d = (year: number, month: number, day: number) => serialFromDate(year, month, day);
const RATES: Record<string, number> = { USD: 1, EUR: 1.08, GBP: 1.27, JPY: 0.0064 };

/** The sample obligations as seeded (rows 2–12 of Obligations), amounts signed. */
const SAMPLE: { amount: number; currency: string; confidence: number; timing: Timing }[] = [
	{
		amount: 9600,
		currency: 'USD',
		confidence: 0.95,
		timing: { frequency: 'monthly', start: d(2026, 1, 1) }
	},
	{
		amount: 4000,
		currency: 'EUR',
		confidence: 0.8,
		timing: { frequency: 'monthly', start: d(2025, 12, 15) }
	},
	{
		amount: -6000,
		currency: 'USD',
		confidence: 1,
		timing: { frequency: 'monthly', start: d(2026, 1, 1), dayRule: 'last business day' }
	},
	{
		amount: -3900,
		currency: 'USD',
		confidence: 1,
		timing: { frequency: 'monthly', start: d(2026, 1, 1) }
	},
	{
		amount: -250,
		currency: 'USD',
		confidence: 1,
		timing: { frequency: 'weekly', start: d(2026, 1, 7), end: d(2026, 3, 4) }
	},
	{
		amount: -4200,
		currency: 'USD',
		confidence: 1,
		timing: { frequency: 'quarterly', start: d(2025, 11, 20) }
	},
	{
		amount: -1500,
		currency: 'USD',
		confidence: 0.9,
		timing: { frequency: 'one-off', start: d(2026, 3, 10) }
	},
	{
		amount: -120,
		currency: 'GBP',
		confidence: 1,
		timing: { frequency: 'monthly', start: d(2026, 1, 5) }
	},
	{
		amount: -45000,
		currency: 'JPY',
		confidence: 1,
		timing: { frequency: 'monthly', start: d(2026, 1, 20) }
	},
	{
		amount: -300,
		currency: 'USD',
		confidence: 1,
		timing: { frequency: 'bi-weekly', start: d(2026, 1, 9) }
	},
	{
		amount: -2400,
		currency: 'USD',
		confidence: 1,
		timing: { frequency: 'annual', start: d(2026, 2, 1), dayRule: 'last business day' }
	}
];
const WEEK_ONE = d(2026, 1, 5);
/** Forecast row of week `w`. */
const week = (w: number) => 9 + w;

/** Scheduled in, out and confidence-weighted net of a window, expanded by hand. */
function handTotals(from: number, to: number) {
	let inflow = 0;
	let outflow = 0;
	let expected = 0;
	for (const { amount, currency, confidence, timing } of SAMPLE) {
		const inBase = amount * RATES[currency] * expandOccurrences(timing, from, to).length;
		if (inBase > 0) inflow += inBase;
		else outflow -= inBase;
		expected += inBase * confidence;
	}
	return { inflow, outflow, expected };
}

/** The numbers at Forecast!D:G of week `w`. */
function weekRow(book: SeededTemplate, w: number) {
	const at = (column: string) => book.num('Forecast', `${column}${week(w)}`);
	return { inflow: at('D'), outflow: at('E'), expected: at('F'), actual: at('G') };
}

const SLOW = { timeout: 120_000 };

describe('forecast template', SLOW, () => {
	const book = seed('forecast');

	it('schedules every sample obligation on the dates the rule gives, week by week', () => {
		SAMPLE.forEach(({ timing }, i) => {
			for (let w = 1; w <= 13; w++) {
				const from = WEEK_ONE + 7 * (w - 1);
				const due = expandOccurrences(timing, from, from + 6)[0] ?? 0;
				expect(
					book.num('Schedule', `${columnLetters(w)}${11 + i}`),
					`obligation ${i} week ${w}`
				).toBe(due);
			}
		});
		// Payroll on the last business day: Friday 30 January (week 4), Friday 27 February (week 8).
		expect(book.num('Schedule', 'E13')).toBe(d(2026, 1, 30));
		expect(book.num('Schedule', 'I13')).toBe(d(2026, 2, 27));
	});

	it('sums each week in the base currency, weighted by confidence for the expected net', () => {
		for (let w = 1; w <= 13; w++) {
			const from = WEEK_ONE + 7 * (w - 1);
			const hand = handTotals(from, from + 6);
			const row = weekRow(book, w);
			expect(row.inflow, `week ${w} in`).toBeCloseTo(hand.inflow, 6);
			expect(row.outflow, `week ${w} out`).toBeCloseTo(hand.outflow, 6);
			expect(row.expected, `week ${w} expected`).toBeCloseTo(hand.expected, 6);
		}
		// Week 1 (5–11 Jan): software £120 × 1.27 = 152.40, cleaning 250, landscaping 300.
		expect(weekRow(book, 1).outflow).toBeCloseTo(702.4, 9);
		// Week 3 (19–25 Jan): ¥45,000 × 0.0064 = 288, cleaning 250, landscaping 300.
		expect(weekRow(book, 3).outflow).toBeCloseTo(838, 9);
	});

	it('uses payments for past weeks, with the variance against the schedule', () => {
		// Week 1 was paid as scheduled; in week 2 the consulting client paid €2,500 of €4,000.
		expect(weekRow(book, 1).actual).toBeCloseTo(-702.4, 9);
		expect(book.num('Forecast', `H${week(1)}`)).toBeCloseTo(0, 9);
		expect(weekRow(book, 2).actual).toBeCloseTo(2500 * 1.08 - 250, 9);
		expect(book.num('Forecast', `H${week(2)}`)).toBeCloseTo(2450 - (4320 - 250), 9);
		expect(book.value('Forecast', `H${week(3)}`)).toBe('');
		// Net used: actuals through week 2 (as of 19 January), expected from week 3.
		expect(book.name('OpeningBalance')).toBeCloseTo(18000 + 5000 + 2000 * 1.08, 9);
		let balance = 25160 - 702.4 + 2450;
		expect(book.num('Forecast', `J${week(2)}`)).toBeCloseTo(balance, 6);
		let lowest = Infinity;
		let firstBelow: number | string = 'none';
		for (let w = 3; w <= 13; w++) {
			const from = WEEK_ONE + 7 * (w - 1);
			balance += handTotals(from, from + 6).expected;
			expect(book.num('Forecast', `J${week(w)}`), `week ${w}`).toBeCloseTo(balance, 6);
			if (balance < lowest) lowest = balance;
			if (balance < 20000 && firstBelow === 'none') firstBelow = w;
		}
		expect(book.name('EndingBalance')).toBeCloseTo(balance, 6);
		expect(book.name('LowestBalance')).toBeCloseTo(lowest, 6);
		expect(book.evaluator.getNameValue('FirstWeekBelowMinimum')?.value).toBe(firstBelow);
		expect(book.value('Forecast', `K${week(firstBelow as number)}`)).toBe('below minimum');
	});

	it('gives each occurrence a status from its payments and the as-of date', () => {
		// Cleaning crew (row 15): paid in weeks 1 and 2, still to come in week 3.
		expect(['B15', 'C15', 'D15'].map((ref) => book.value('Status', ref))).toEqual([
			'paid',
			'paid',
			'scheduled'
		]);
		expect(book.value('Status', 'C12')).toBe('partly paid');
		expect(book.value('Status', 'B12')).toBe('');
		const other = seed('forecast');
		other.type({ AsOfDate: '2026-01-26' });
		expect(other.value('Status', 'D15')).toBe('overdue');
		other.type(
			{ A7: '2026-01-20', B7: 'Consulting client', C7: '2026-01-15', D7: '1500' },
			'Payments'
		);
		expect(other.value('Status', 'C12')).toBe('paid');
		expect(other.value('Payments', 'F7')).toBe('ok');
		// The week of the payment (week 3) gets the actual, converted and signed by its obligation.
		expect(other.num('Forecast', `G${week(3)}`)).toBeCloseTo(1500 * 1.08, 9);
	});

	it('counts an obligation typed in the last prepared row and past the initial size', () => {
		const other = seed('forecast');
		const before = weekRow(other, 2).outflow;
		other.type(
			{ A30: 'Row 30', B30: 'Outflow', C30: '100', D30: 'USD', E30: 'one-off', F30: '2026-01-13' },
			'Obligations'
		);
		expect(weekRow(other, 2).outflow).toBeCloseTo(before + 100, 9);
		other.type(
			{ A31: 'Row 31', B31: 'Outflow', C31: '50', D31: 'EUR', E31: 'weekly', F31: '2026-01-12' },
			'Obligations'
		);
		expect(weekRow(other, 2).outflow).toBeCloseTo(before + 100 + 54, 9);
		expect(weekRow(other, 13).outflow).toBeCloseTo(weekRow(book, 13).outflow + 54, 9);
		other.type(
			{
				A400: 'Far down',
				B400: 'Inflow',
				C400: '1000',
				D400: 'USD',
				E400: 'monthly',
				F400: '2026-01-14',
				I400: '50%'
			},
			'Obligations'
		);
		expect(weekRow(other, 2).inflow).toBeCloseTo(4320 + 1000, 9);
		expect(weekRow(other, 2).expected).toBeCloseTo(weekRow(book, 2).expected - 154 + 500, 9);
	});

	it('counts a row typed cell by cell after rows were added at the bottom', () => {
		const other = seed('forecast');
		const obligations = listSheets(other.doc).find((sheet) => sheet.name === 'Obligations')!;
		insertLines(other.doc, obligations.id, 'rows', 30, 1000);
		const row = { A: 'Sign maker', B: 'Outflow', C: '50', D: 'EUR', E: 'one-off', F: '2026-01-14' };
		for (const [column, input] of Object.entries(row))
			other.type({ [`${column}31`]: input }, 'Obligations');
		expect(weekRow(other, 2).outflow).toBeCloseTo(250 + 54, 9);
	});

	it('shows a missing or invalid currency rate as an error on the row and in the totals', () => {
		const other = seed('forecast');
		other.type({ B4: '' }, 'FX');
		expect(other.value('Obligations', 'J10')).toBe('#N/A');
		expect(other.value('Obligations', 'L10')).toBe('No rate for JPY on the FX sheet');
		for (const column of ['E', 'F', 'J'])
			expect(other.value('Forecast', `${column}${week(3)}`)).toBe('#N/A');
		other.type({ B4: '0.0064' }, 'FX');
		expect(other.num('Forecast', `E${week(3)}`)).toBeCloseTo(838, 9);
		other.type({ A5: 'ABC', B5: '2' }, 'FX');
		other.type({ D3: 'ABC' }, 'Obligations');
		expect(other.value('FX', 'D5')).toBe('Not an ISO 4217 code');
		expect(other.value('Obligations', 'L3')).toBe('Currency is not an ISO 4217 code');
		expect(other.value('Forecast', `D${week(2)}`)).toBe('#N/A');
	});

	it('sums calendar months in the 12-month view', () => {
		for (let m = 1; m <= 12; m++) {
			const from = d(2026, m, 1);
			const to = (m === 12 ? d(2027, 1, 1) : d(2026, m + 1, 1)) - 1;
			const hand = handTotals(from, to);
			expect(book.num('Monthly', `D${3 + m}`), `month ${m} in`).toBeCloseTo(hand.inflow, 6);
			expect(book.num('Monthly', `E${3 + m}`), `month ${m} out`).toBeCloseTo(hand.outflow, 6);
		}
		// January: the weekly cleaning crew 4 times (7, 14, 21, 28), bi-weekly landscaping 3 (9, 23, … 6 Feb).
		expect(book.num('Monthly', 'G4')).toBeCloseTo(-702.4 + 2450, 9);
	});

	it('takes its base currency from the workbook’s currency', () => {
		expect(book.value('Forecast', 'B4')).toBe('USD');
		const doc = new Y.Doc();
		metaMap(doc).set('currency', 'EUR');
		seedTemplate(doc, 'forecast');
		const { sheets } = canonicalDocument(doc) as { sheets: { cells: Record<string, unknown> }[] };
		expect(sheets[0].cells.B4).toBe('EUR');
	});

	it('evaluates every cell without an error', () => {
		expect(book.errors()).toEqual([]);
	});
});
