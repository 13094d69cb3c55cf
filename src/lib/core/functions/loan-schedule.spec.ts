import { describe, expect, it } from 'vitest';
import { evaluateFormula } from './spec-support';

describe('IPMT and PPMT split a payment like Excel', () => {
	it('gives Microsoft’s examples', () => {
		expect(evaluateFormula('=IPMT(10%/12,1,3*12,8000)')).toBeCloseTo(-66.67, 2);
		expect(evaluateFormula('=IPMT(10%,3,3,8000)')).toBeCloseTo(-292.45, 2);
		expect(evaluateFormula('=PPMT(10%/12,1,2*12,2000)')).toBeCloseTo(-75.62, 2);
		expect(evaluateFormula('=PPMT(8%,10,10,200000)')).toBeCloseTo(-27598.05, 2);
	});

	it('pays no interest in the first period of an annuity paid in advance', () => {
		expect(evaluateFormula('=IPMT(10%,1,3,8000,0,1)')).toBe(0);
		expect(evaluateFormula('=IPMT(10%,2,3,8000,0,1)+PPMT(10%,2,3,8000,0,1)')).toBeCloseTo(
			evaluateFormula('=PMT(10%,3,8000,0,1)') as number,
			10
		);
	});

	it('gives #NUM! for a period before the first or after the last', () => {
		for (const formula of [
			'=IPMT(0.1,0,3,8000)',
			'=IPMT(0.1,4,3,8000)',
			'=PPMT(0.1,0,3,8000)',
			'=PPMT(0.1,3.5,3,8000)'
		]) {
			expect(evaluateFormula(formula), formula).toBe('#NUM!');
		}
	});
});

describe('CUMIPMT and CUMPRINC sum a loan’s payments like Excel', () => {
	it('gives Microsoft’s examples', () => {
		expect(evaluateFormula('=CUMIPMT(0.09/12,30*12,125000,13,24,0)')).toBeCloseTo(-11135.23213, 5);
		expect(evaluateFormula('=CUMIPMT(0.09/12,30*12,125000,1,1,0)')).toBeCloseTo(-937.5, 8);
		expect(evaluateFormula('=CUMPRINC(0.09/12,30*12,125000,13,24,0)')).toBeCloseTo(-934.1071234, 6);
		expect(evaluateFormula('=CUMPRINC(0.09/12,30*12,125000,1,1,0)')).toBeCloseTo(-68.27827118, 7);
	});

	it('truncates fractional start and end periods', () => {
		expect(evaluateFormula('=CUMIPMT(0.09/12,360,125000,13.5,24.7,0)')).toBeCloseTo(
			-11135.23213,
			5
		);
		expect(evaluateFormula('=CUMPRINC(0.09/12,360,125000,13.9,24.2,0)')).toBeCloseTo(
			-934.1071234,
			6
		);
		expect(evaluateFormula('=CUMIPMT(0.09/12,360,125000,1.5,1.9,0)')).toBeCloseTo(-937.5, 8);
	});

	it('gives #NUM! for a non-positive rate, term or loan, periods out of order or past the term, or a type other than 0 or 1', () => {
		for (const formula of [
			'=CUMIPMT(0,360,125000,1,12,0)',
			'=CUMIPMT(0.0075,0,125000,1,12,0)',
			'=CUMIPMT(0.0075,360,-125000,1,12,0)',
			'=CUMIPMT(0.0075,360,125000,0,12,0)',
			'=CUMIPMT(0.0075,360,125000,13,12,0)',
			'=CUMIPMT(0.0075,360,125000,1,361,0)',
			'=CUMIPMT(0.0075,360,125000,0.5,12,0)',
			'=CUMPRINC(0.0075,360,125000,1,12,2)',
			'=CUMPRINC(0.0075,360,125000,1,12,0.5)'
		]) {
			expect(evaluateFormula(formula), formula).toBe('#NUM!');
		}
	});
});
