import { describe, expect, it } from 'vitest';
import { roundDecimal, toShownPrecision } from './rounding';
import { evaluateFormula } from './spec-support';

describe('ROUND, ROUNDUP and ROUNDDOWN round the value as shown, like Excel', () => {
	it('rounds halves of the shown decimal away from zero', () => {
		expect(evaluateFormula('=ROUND(1.005,2)')).toBe(1.01);
		expect(evaluateFormula('=ROUND(0.285,2)')).toBe(0.29);
		expect(evaluateFormula('=ROUND(-1.005,2)')).toBe(-1.01);
		expect(evaluateFormula('=ROUND(2.15,1)')).toBe(2.2);
		expect(evaluateFormula('=ROUND(-1.475,2)')).toBe(-1.48);
	});

	it('rounds up and down on the shown value, so 0.1+0.2 rounds up to 0.3', () => {
		expect(evaluateFormula('=ROUNDUP(0.1+0.2,1)')).toBe(0.3);
		expect(evaluateFormula('=ROUNDUP(3.2,0)')).toBe(4);
		expect(evaluateFormula('=ROUNDUP(-3.14159,1)')).toBe(-3.2);
		expect(evaluateFormula('=ROUNDDOWN(3.14159,3)')).toBe(3.141);
		expect(evaluateFormula('=ROUNDDOWN(-3.14159,1)')).toBe(-3.1);
		expect(evaluateFormula('=ROUNDDOWN(0.3-0.1,1)')).toBe(0.2);
	});

	it('rounds to tens, hundreds and thousands with negative digits (Microsoft’s examples)', () => {
		expect(evaluateFormula('=ROUND(21.5,-1)')).toBe(20);
		expect(evaluateFormula('=ROUND(626.3,-3)')).toBe(1000);
		expect(evaluateFormula('=ROUND(1.98,-1)')).toBe(0);
		expect(evaluateFormula('=ROUND(-50.55,-2)')).toBe(-100);
		expect(evaluateFormula('=ROUNDUP(31415.92654,-2)')).toBe(31500);
		expect(evaluateFormula('=ROUNDDOWN(31415.92654,-2)')).toBe(31400);
	});

	it('truncates fractional digits and leaves values already more precise than 15 digits', () => {
		expect(evaluateFormula('=ROUND(2.345,2.9)')).toBe(2.35);
		expect(roundDecimal(123456789.123456, 20, 'nearest')).toBe(123456789.123456);
		expect(roundDecimal(1e300, -400, 'nearest')).toBe(0);
		expect(Object.is(roundDecimal(-0.001, 0, 'nearest'), 0)).toBe(true);
		expect(toShownPrecision(0.1 + 0.2)).toBe(0.3);
	});

	it('INT rounds down to the integer below, negative numbers too (Microsoft’s examples)', () => {
		expect(evaluateFormula('=INT(8.9)')).toBe(8);
		expect(evaluateFormula('=INT(-8.9)')).toBe(-9);
		expect(evaluateFormula('=19.5-INT(19.5)')).toBe(0.5);
		expect(evaluateFormula('=INT(-3)')).toBe(-3);
	});
});
