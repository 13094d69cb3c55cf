import { describe, expect, it } from 'vitest';
import { WorkbookError } from './errors';
import {
	checkOutputChoice,
	PROPERTY_OUTPUT_NAMES,
	publishedNames,
	readOutputs,
	readScheduleE,
	scheduleEFromLedger,
	serialYear
} from './published-outputs';
import { seed } from './templates/spec-support';

const SLOW = { timeout: 30_000 };

describe('published outputs of a property workbook', SLOW, () => {
	const book = seed('property');

	it('publishes the template’s outputs by default, each a number or a 10-year series', () => {
		const names = publishedNames(book.doc, 'property', null);
		expect(names).toEqual([...PROPERTY_OUTPUT_NAMES]);
		const values = readOutputs(book.evaluator, names);
		for (const name of names) {
			if (name.endsWith('ByYear')) {
				expect(values[name], name).toHaveLength(10);
				expect(
					(values[name] as unknown[]).every((v) => typeof v === 'number'),
					name
				).toBe(true);
			} else expect(typeof values[name], name).toBe('number');
		}
		expect(values.NOI).toBe(book.name('NOI'));
		expect(values.Equity).toBeCloseTo(
			(values.PropertyValue as number) - (values.LoanBalance as number),
			6
		);
		expect(values.PropertyValue).toBe(book.name('PurchasePrice'));
		expect((values.EquityByYear as number[])[0]).toBeGreaterThan(values.Equity as number);
		expect(values.TaxYear).toBe(2025);
	});

	it('totals the sample ledger’s Schedule E, agreeing with the Ledger sheet', () => {
		const years = readScheduleE(book.evaluator)!;
		expect(Object.keys(years)).toEqual(['2025']);
		expect(years[2025][3]).toBe(6400);
		expect(years[2025][21]).toBeCloseTo(book.name('ScheduleENet'), 6);
	});

	it('reads a name that is gone as #NAME?, and checks a person’s choice', () => {
		expect(readOutputs(book.evaluator, ['Nope']).Nope).toMatchObject({ error: '#NAME?' });
		expect(checkOutputChoice(book.doc, ['noi', 'NOI', 'CapRate'])).toEqual(['NOI', 'CapRate']);
		expect(() => checkOutputChoice(book.doc, ['Nope'])).toThrow(WorkbookError);
		expect(() => checkOutputChoice(book.doc, 'NOI')).toThrow(/list/);
		expect(() => checkOutputChoice(book.doc, Array(101).fill('NOI'))).toThrow(/at most/);
		expect(publishedNames(book.doc, 'property', ['CapRate'])).toEqual(['CapRate']);
	});
});

describe('scheduleEFromLedger', () => {
	it('sums amounts per tax year and line, and derives lines 20 and 21', () => {
		const d = (iso: string) => (Date.parse(iso) - Date.UTC(1899, 11, 30)) / 86_400_000;
		const years = scheduleEFromLedger(
			[d('2025-12-31'), d('2026-01-01'), d('2026-02-01'), d('2026-03-01'), null, d('2026-04-01')],
			[1000, 1200, 300, 50.25, 999, 10],
			[3, 3, 14, 16, 3, 2]
		);
		expect(years[2025]).toEqual({ 3: 1000, 20: 0, 21: 1000 });
		expect(years[2026]).toEqual({ 3: 1200, 14: 300, 16: 50.25, 20: 350.25, 21: 849.75 });
		expect(serialYear(d('2026-01-01'))).toBe(2026);
	});
});
