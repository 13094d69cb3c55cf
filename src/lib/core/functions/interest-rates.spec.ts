import { describe, expect, it } from 'vitest';
import { evaluateFormula } from './spec-support';

describe('NOMINAL and EFFECT convert rates like Excel', () => {
	it('gives Microsoft’s examples', () => {
		expect(evaluateFormula('=NOMINAL(0.053543,4)')).toBeCloseTo(0.05250032, 8);
		expect(evaluateFormula('=EFFECT(0.0525,4)')).toBeCloseTo(0.05354267, 8);
	});

	it('truncates the number of periods a year', () => {
		expect(evaluateFormula('=EFFECT(0.0525,4.9)')).toBeCloseTo(0.05354267, 8);
		expect(evaluateFormula('=NOMINAL(0.053543,4.2)')).toBeCloseTo(0.05250032, 8);
	});

	it('gives #NUM! for a rate of zero or less and fewer than one period a year', () => {
		for (const formula of [
			'=NOMINAL(0,12)',
			'=NOMINAL(-0.05,12)',
			'=NOMINAL(0.05,0.5)',
			'=EFFECT(0,12)',
			'=EFFECT(-0.05,12)',
			'=EFFECT(0.05,0)'
		]) {
			expect(evaluateFormula(formula), formula).toBe('#NUM!');
		}
		expect(evaluateFormula('=EFFECT("x",4)')).toBe('#VALUE!');
	});
});
