import { describe, expect, it } from 'vitest';
import { evaluateFormula } from './spec-support';

describe('VDB depreciates like Excel', () => {
	it('gives Microsoft’s examples for a $2,400 asset with $300 salvage over 10 years', () => {
		expect(evaluateFormula('=VDB(2400,300,10*365,0,1)')).toBeCloseTo(1.32, 2);
		expect(evaluateFormula('=VDB(2400,300,10*12,0,1)')).toBeCloseTo(40.0, 10);
		expect(evaluateFormula('=VDB(2400,300,10,0,1)')).toBeCloseTo(480.0, 10);
		expect(evaluateFormula('=VDB(2400,300,10*12,6,18)')).toBeCloseTo(396.31, 2);
		expect(evaluateFormula('=VDB(2400,300,10*12,6,18,1.5)')).toBeCloseTo(311.81, 2);
		expect(evaluateFormula('=VDB(2400,300,10,0,0.875,1.5)')).toBeCloseTo(315.0, 10);
	});

	it('switches to straight-line when that gives more, unless no_switch says not to', () => {
		// Double-declining on 10,000 with no salvage over 5 years: 4,000, 2,400, 1,440; in year 4
		// straight-line over the last two years (2,160 / 2 = 1,080) beats 40% of 2,160 = 864.
		expect(evaluateFormula('=VDB(10000,0,5,0,5)')).toBeCloseTo(10000, 8);
		expect(evaluateFormula('=VDB(10000,0,5,3,4)')).toBeCloseTo(1080, 8);
		expect(evaluateFormula('=VDB(10000,0,5,4,5)')).toBeCloseTo(1080, 8);
		expect(evaluateFormula('=VDB(10000,0,5,3,4,2,TRUE)')).toBeCloseTo(864, 8);
		expect(evaluateFormula('=VDB(10000,0,5,4,5,2,TRUE)')).toBeCloseTo(518.4, 8);
		// Declining balance never takes the book value below salvage.
		expect(evaluateFormula('=VDB(10000,1000,5,4,5,2,TRUE)')).toBeCloseTo(296, 8);
	});

	it('adds up to the depreciable amount and splits at fractional periods', () => {
		const whole = evaluateFormula('=VDB(2400,300,10,0,10)') as number;
		expect(whole).toBeCloseTo(2100, 8);
		const parts =
			(evaluateFormula('=VDB(2400,300,10,0,2.5)') as number) +
			(evaluateFormula('=VDB(2400,300,10,2.5,10)') as number);
		expect(parts).toBeCloseTo(2100, 8);
	});

	it('gives #NUM! outside 0 ≤ start ≤ end ≤ life and for a cost that is not positive or a zero factor', () => {
		for (const formula of [
			'=VDB(2400,300,10,-1,1)',
			'=VDB(2400,300,10,3,2)',
			'=VDB(2400,300,10,0,11)',
			'=VDB(-2400,300,10,0,1)',
			'=VDB(0,0,10,0,1)',
			'=VDB(2400,300,10,0,1,0)',
			'=VDB(2400,300,0,0,0)'
		]) {
			expect(evaluateFormula(formula), formula).toBe('#NUM!');
		}
		expect(evaluateFormula('=VDB("x",300,10,0,1)')).toBe('#VALUE!');
	});
});
