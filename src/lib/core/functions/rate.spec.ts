import { describe, expect, it } from 'vitest';
import { evaluateFormula } from './spec-support';

describe('RATE solves for the rate per period like Excel', () => {
	it('gives Microsoft’s example: a $8,000 loan paid $200 a month over 4 years', () => {
		expect(evaluateFormula('=RATE(4*12,-200,8000)')).toBeCloseTo(0.00770147, 8);
		expect(evaluateFormula('=RATE(4*12,-200,8000)*12')).toBeCloseTo(0.09241767, 8);
	});

	it('solves annuities due (type 1) that have a rate', () => {
		// The rate found discounts ten payments of 1,000 in advance back to 8,000.
		expect(evaluateFormula('=PV(RATE(10,-1000,8000,0,1),10,-1000,0,1)')).toBeCloseTo(8000, 6);
		expect(evaluateFormula('=RATE(10,-1000,8000,0,1)')).toBeCloseTo(0.053446, 6);
	});

	it('gives #NUM! when no rate exists instead of the meaningless −100% of a type-1 annuity', () => {
		expect(evaluateFormula('=RATE(204,197318,98659,0,1,0.1)')).toBe('#NUM!');
		expect(evaluateFormula('=RATE(10,100,100)')).toBe('#NUM!');
	});

	it('refuses a guess of −100% or below', () => {
		expect(evaluateFormula('=RATE(10,-100,800,0,0,-1)')).toBe('#VALUE!');
	});
});
