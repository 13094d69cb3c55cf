import { describe, expect, it } from 'vitest';
import {
	amortizationSchedule,
	irr,
	monthlyPayment,
	straightLineDepreciationMidMonth
} from './finance';

describe('monthlyPayment', () => {
	it('is $1,199.10 for $200,000 at 6% over 30 years', () => {
		// r = 0.005, n = 360, 1.005^360 = 6.0225752; 200000 × 0.005 / (1 − 1/6.0225752) = 1199.10
		expect(monthlyPayment(200_000, 0.06, 30)).toBeCloseTo(1199.1, 2);
	});

	it('divides the principal evenly when the rate is zero', () => {
		expect(monthlyPayment(12_000, 0, 1)).toBe(1000);
	});

	it('refuses a term that is not a whole number of months', () => {
		expect(() => monthlyPayment(1000, 0.05, 0)).toThrow(RangeError);
		expect(() => monthlyPayment(1000, 0.05, 1.01)).toThrow(RangeError);
		expect(() => monthlyPayment(-1, 0.05, 1)).toThrow(RangeError);
	});
});

describe('amortizationSchedule', () => {
	it('splits each payment into interest on the balance and principal (3 months at 1%)', () => {
		// $1,000 at 12%/yr for 3 months: payment = 10 / (1 − 1.01^−3) = 340.0221
		const rows = amortizationSchedule(1000, 0.12, 0.25);
		expect(rows).toHaveLength(3);
		expect(rows[0].payment).toBeCloseTo(340.0221, 4);
		expect(rows[0].interest).toBeCloseTo(10, 10);
		expect(rows[0].principal).toBeCloseTo(330.0221, 4);
		expect(rows[0].balance).toBeCloseTo(669.9779, 4);
		expect(rows[1].interest).toBeCloseTo(6.699779, 6);
		expect(rows[1].balance).toBeCloseTo(336.6556, 4);
		expect(rows[2].interest).toBeCloseTo(3.366556, 6);
		expect(rows[2].principal).toBeCloseTo(336.6556, 4);
		expect(rows[2].payment).toBeCloseTo(340.0221, 4);
		expect(rows.map((row) => row.period)).toEqual([1, 2, 3]);
	});

	it('ends a 30-year mortgage at a zero balance having repaid exactly the principal', () => {
		const rows = amortizationSchedule(200_000, 0.06, 30);
		expect(rows).toHaveLength(360);
		expect(rows[0].interest).toBeCloseTo(1000, 10);
		expect(rows[0].principal).toBeCloseTo(199.1, 2);
		expect(Math.abs(rows[359].balance)).toBeLessThan(1e-6);
		expect(Math.abs(rows[359].payment - rows[0].payment)).toBeLessThan(1e-6);
		const repaid = rows.reduce((sum, row) => sum + row.principal, 0);
		expect(repaid).toBeCloseTo(200_000, 6);
	});
});

describe('irr', () => {
	it('is 10% for paying 100 and receiving 110 a period later', () => {
		expect(irr([-100, 110])).toBeCloseTo(0.1, 12);
	});

	it('matches Excel’s IRR example (-70,000 then 12,000 … 26,000 gives 8.66%)', () => {
		expect(irr([-70_000, 12_000, 15_000, 18_000, 21_000, 26_000])).toBeCloseTo(0.086630948, 9);
		expect(irr([-70_000, 12_000, 15_000, 18_000, 21_000])).toBeCloseTo(-0.021244848, 9);
	});

	it('makes the net present value zero even from a poor guess', () => {
		const flows = [-1000, 500, 500, 500];
		const rate = irr(flows, 50);
		const npv = flows.reduce((sum, flow, t) => sum + flow / (1 + rate) ** t, 0);
		expect(Math.abs(npv)).toBeLessThan(1e-8);
		expect(rate).toBeCloseTo(0.2337519, 6);
	});

	it('refuses cash flows that never change sign', () => {
		expect(() => irr([100, 200])).toThrow(RangeError);
		expect(() => irr([-100, -200])).toThrow(RangeError);
	});
});

describe('straightLineDepreciationMidMonth', () => {
	// IRS Publication 946, Table A-6 (residential rental property, 27.5 years, mid-month)
	const firstYearPercent = [
		3.485, 3.182, 2.879, 2.576, 2.273, 1.97, 1.667, 1.364, 1.061, 0.758, 0.455, 0.152
	];

	it('deducts the Table A-6 first-year percentage for each month placed in service', () => {
		firstYearPercent.forEach((percent, index) => {
			const deduction = straightLineDepreciationMidMonth(100, index + 1, 1);
			expect(Number(deduction.toFixed(3))).toBe(percent);
		});
	});

	it('deducts 3.636% in the middle years', () => {
		for (const month of [1, 6, 12]) {
			for (const year of [2, 10, 27]) {
				expect(Number(straightLineDepreciationMidMonth(100, month, year).toFixed(3))).toBe(3.636);
			}
		}
	});

	it('deducts $9,583.33 then $10,000 a year on a $275,000 basis placed in service in January', () => {
		// 275,000 / 27.5 = 10,000 a year; January counts 11.5 months: 10,000 × 11.5/12
		expect(straightLineDepreciationMidMonth(275_000, 1, 1)).toBeCloseTo(9583.33, 2);
		expect(straightLineDepreciationMidMonth(275_000, 1, 2)).toBeCloseTo(10_000, 6);
		// 27.5 − 0.9583 − 26 full years leaves 0.5417 of a year for year 28
		expect(straightLineDepreciationMidMonth(275_000, 1, 28)).toBeCloseTo(5416.67, 2);
		expect(straightLineDepreciationMidMonth(275_000, 1, 29)).toBe(0);
	});

	it('runs into a 29th year for property placed in service in December', () => {
		// December counts half a month (416.67); 27 full years follow; 0.4583 of a year is left
		expect(straightLineDepreciationMidMonth(275_000, 12, 1)).toBeCloseTo(416.67, 2);
		expect(straightLineDepreciationMidMonth(275_000, 12, 28)).toBeCloseTo(10_000, 6);
		expect(straightLineDepreciationMidMonth(275_000, 12, 29)).toBeCloseTo(4583.33, 2);
		expect(straightLineDepreciationMidMonth(275_000, 12, 30)).toBe(0);
	});

	it('recovers exactly the basis over the recovery period, whatever the month', () => {
		for (let month = 1; month <= 12; month++) {
			let total = 0;
			for (let year = 1; year <= 30; year++) {
				total += straightLineDepreciationMidMonth(333_333, month, year);
			}
			expect(total).toBeCloseTo(333_333, 6);
		}
	});

	it('refuses a month outside 1–12, a year before 1 or a negative basis', () => {
		expect(() => straightLineDepreciationMidMonth(100, 0, 1)).toThrow(RangeError);
		expect(() => straightLineDepreciationMidMonth(100, 13, 1)).toThrow(RangeError);
		expect(() => straightLineDepreciationMidMonth(100, 1, 0)).toThrow(RangeError);
		expect(() => straightLineDepreciationMidMonth(-1, 1, 1)).toThrow(RangeError);
	});
});
