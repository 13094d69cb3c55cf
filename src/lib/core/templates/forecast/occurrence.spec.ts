import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createEvaluator } from '../../evaluator';
import { serialFromDate } from '../../values';
import { applyCellUpdates, listSheets, seedBlankWorkbook } from '../../workbook-api';
import {
	expandOccurrences,
	occurrenceCountFormula,
	occurrenceDateFormula,
	timingHelperFormulas,
	windowHelperFormulas,
	type Timing
} from './occurrence';

const d = (year: number, month: number, day: number) => serialFromDate(year, month, day);
const YEAR_2024 = [d(2024, 1, 1), d(2024, 12, 31)] as const;

describe('expandOccurrences', () => {
	it('keeps the day of the month, or the month’s last day when it is shorter (leap years too)', () => {
		const timing = { frequency: 'monthly', start: d(2024, 1, 31) };
		expect(expandOccurrences(timing, d(2024, 1, 1), d(2024, 5, 31))).toEqual([
			d(2024, 1, 31),
			d(2024, 2, 29),
			d(2024, 3, 31),
			d(2024, 4, 30),
			d(2024, 5, 31)
		]);
		expect(expandOccurrences(timing, d(2025, 2, 1), d(2025, 2, 28))).toEqual([d(2025, 2, 28)]);
		const leapDay = { frequency: 'annual', start: d(2024, 2, 29) };
		expect(expandOccurrences(leapDay, d(2024, 1, 1), d(2028, 12, 31))).toEqual([
			d(2024, 2, 29),
			d(2025, 2, 28),
			d(2026, 2, 28),
			d(2027, 2, 28),
			d(2028, 2, 29)
		]);
	});

	it('picks the last business day (Monday–Friday) of each month', () => {
		const timing = { frequency: 'monthly', start: d(2026, 1, 1), dayRule: 'last business day' };
		// 31 Jan 2026 is a Saturday, 28 Feb a Saturday, 31 May a Sunday, 30 Apr a Thursday.
		expect(expandOccurrences(timing, d(2026, 1, 1), d(2026, 5, 31))).toEqual([
			d(2026, 1, 30),
			d(2026, 2, 27),
			d(2026, 3, 31),
			d(2026, 4, 30),
			d(2026, 5, 29)
		]);
	});

	it('never falls due before its start, even on a rule’s day earlier in the first month', () => {
		const timing = { frequency: 'quarterly', start: d(2026, 1, 31), dayRule: 'last business day' };
		// 30 Jan precedes the start; then every third month: 30 Apr, 31 Jul, 30 Oct.
		expect(expandOccurrences(timing, ...YEAR_2026)).toEqual([
			d(2026, 4, 30),
			d(2026, 7, 31),
			d(2026, 10, 30)
		]);
	});

	it('repeats weekly and bi-weekly until the end, and one-offs once', () => {
		const weekly = { frequency: 'bi-weekly', start: d(2026, 1, 2), end: d(2026, 2, 13) };
		expect(expandOccurrences(weekly, d(2026, 1, 10), d(2026, 12, 31))).toEqual([
			d(2026, 1, 16),
			d(2026, 1, 30),
			d(2026, 2, 13)
		]);
		const once = { frequency: 'one-off', start: d(2024, 2, 29) };
		expect(expandOccurrences(once, ...YEAR_2024)).toEqual([d(2024, 2, 29)]);
		expect(expandOccurrences({ frequency: 'daily', start: d(2024, 1, 1) }, ...YEAR_2024)).toEqual(
			[]
		);
	});
});

const YEAR_2026 = [d(2026, 1, 1), d(2026, 12, 31)] as const;

/** A workbook holding one obligation in row 2 and a window in F1:F2 with its helper cells. */
function windowBook() {
	const doc = new Y.Doc();
	seedBlankWorkbook(doc);
	const sheet = listSheets(doc)[0].name;
	const evaluator = createEvaluator(doc);
	const helpers = windowHelperFormulas('$F$1', '$F$2');
	const window = {
		from: '$F$1',
		to: '$F$2',
		fromMonth: '$F$3',
		toMonth: '$F$4',
		fromLastDay: '$F$5',
		toLastDay: '$F$6',
		fromLastBusinessDay: '$F$7',
		toLastBusinessDay: '$F$8'
	};
	const type = (updates: Record<string, string>) =>
		applyCellUpdates(doc, {
			sheet,
			updates: Object.entries(updates).map(([ref, input]) => ({ ref, input }))
		});
	type({
		F3: `=${helpers.fromMonth}`,
		F4: `=${helpers.toMonth}`,
		F5: `=${helpers.fromLastDay}`,
		F6: `=${helpers.toLastDay}`,
		F7: `=${helpers.fromLastBusinessDay}`,
		F8: `=${helpers.toLastBusinessDay}`
	});
	const one = { frequency: '$A2', start: '$B2', end: '$C2', dayRule: '$D2' };
	const all = {
		frequency: '$A$2:$A$9',
		start: '$B$2:$B$9',
		end: '$C$2:$C$9',
		dayRule: '$D$2:$D$9'
	};
	type({
		H1: `=${occurrenceCountFormula(one, window)}`,
		H2: `=${occurrenceDateFormula(one, window)}`,
		H3: `=SUMPRODUCT(IF(ISNUMBER($B$2:$B$9),${occurrenceCountFormula(all, window)},0))`
	});
	const num = (ref: string) => evaluator.getValueAt(sheet, ref).value as number;
	return {
		set(timing: Timing, from: number, to: number) {
			type({
				A2: timing.frequency,
				B2: String(timing.start),
				C2: timing.end === undefined ? '' : String(timing.end),
				D2: timing.dayRule ?? '',
				F1: String(from),
				F2: String(to)
			});
		},
		count: () => num('H1'),
		date: () => num('H2'),
		columnCount: () => num('H3')
	};
}

describe('the occurrence formulas', { timeout: 60_000 }, () => {
	const cases: Timing[] = [
		{ frequency: 'monthly', start: d(2024, 1, 31) },
		{ frequency: 'monthly', start: d(2026, 1, 1), dayRule: 'last business day' },
		{ frequency: 'quarterly', start: d(2025, 11, 30), dayRule: 'last day' },
		{ frequency: 'annual', start: d(2024, 2, 29) },
		{ frequency: 'weekly', start: d(2026, 1, 7), end: d(2026, 3, 4) },
		{ frequency: 'bi-weekly', start: d(2025, 12, 26) },
		{ frequency: 'one-off', start: d(2026, 3, 10) },
		{ frequency: 'monthly', start: d(2026, 2, 15), end: d(2026, 4, 14) }
	];

	it('agree with expandOccurrences week by week, on one cell and on whole columns', () => {
		const book = windowBook();
		for (const timing of cases) {
			for (let from = d(2025, 12, 29); from < d(2026, 5, 4); from += 7) {
				book.set(timing, from, from + 6);
				const expected = expandOccurrences(timing, from, from + 6);
				const where = `${JSON.stringify(timing)} week of ${from}`;
				expect(book.count(), where).toBe(expected.length);
				expect(book.date(), where).toBe(expected[0] ?? 0);
				expect(book.columnCount(), where).toBe(expected.length);
			}
		}
	});

	it('count every occurrence in a calendar month, weekly ones included', () => {
		const book = windowBook();
		for (const timing of cases) {
			for (let month = 1; month <= 6; month++) {
				const from = d(2026, month, 1);
				const to = d(2026, month + 1, 1) - 1;
				book.set(timing, from, to);
				const expected = expandOccurrences(timing, from, to).length;
				expect(book.count(), `${JSON.stringify(timing)} month ${month}`).toBe(expected);
			}
		}
		// February 2024 through a leap year: the annual 29 February falls due.
		book.set(cases[3], d(2024, 2, 1), d(2024, 2, 29));
		expect(book.count()).toBe(1);
	});
});

describe('timingHelperFormulas', () => {
	it('gives a row without a start date month number 0, the same in every spreadsheet', () => {
		const doc = new Y.Doc();
		seedBlankWorkbook(doc);
		const sheet = listSheets(doc)[0].name;
		const evaluator = createEvaluator(doc);
		const { startMonth } = timingHelperFormulas({
			frequency: 'A1',
			start: 'B1',
			end: 'C1',
			dayRule: 'D1'
		});
		applyCellUpdates(doc, { sheet, updates: [{ ref: 'E1', input: `=${startMonth}` }] });
		expect(evaluator.getValueAt(sheet, 'E1').value).toBe(0);
		applyCellUpdates(doc, { sheet, updates: [{ ref: 'B1', input: String(d(2026, 3, 15)) }] });
		expect(evaluator.getValueAt(sheet, 'E1').value).toBe(2026 * 12 + 2);
	});
});
