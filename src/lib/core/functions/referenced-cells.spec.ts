import { describe, expect, it } from 'vitest';
import { evaluateFormula } from './spec-support';

// A1 rent, B1 text, C1 empty, D1 TRUE.
const SHEET = [[1557, 'vacant', null, true]];

describe('AND and OR ignore the text and empty cells they reference, like Excel', () => {
	it('skips a referenced text cell instead of giving #VALUE!', () => {
		expect(evaluateFormula('=AND(A1>1000,B1)', SHEET)).toBe(true);
		expect(evaluateFormula('=OR(A1>2000,B1,{0,0})', SHEET)).toBe(false);
		expect(evaluateFormula('=AND(A1>1000,B1,D1)', SHEET)).toBe(true);
	});

	it('skips a referenced empty cell instead of reading it as FALSE', () => {
		expect(evaluateFormula('=AND(TRUE,C1)', SHEET)).toBe(true);
	});

	it('still refuses typed text and a call with no logical value', () => {
		expect(evaluateFormula('=AND(TRUE,"vacant")', SHEET)).toBe('#VALUE!');
		expect(evaluateFormula('=AND("true",1)', SHEET)).toBe(true);
		expect(evaluateFormula('=OR(B1,C1)', SHEET)).toBe('#VALUE!');
		expect(evaluateFormula('=AND(TRUE,1/0)', SHEET)).toBe('#DIV/0!');
	});
});

describe('MEDIAN and NPV count only the numbers of the cells they reference', () => {
	it('ignores referenced text, logical and empty cells', () => {
		expect(evaluateFormula('=MEDIAN(-29.948,70.32,1.591,163.596,B1,194.889)', SHEET)).toBe(70.32);
		expect(evaluateFormula('=MEDIAN(A1,C1,D1,100)', SHEET)).toBe(828.5);
		expect(evaluateFormula('=NPV(0.1,B1,1100,C1)', SHEET)).toBeCloseTo(1000, 9);
	});

	it('gives #NUM! for a MEDIAN of an empty cell alone', () => {
		expect(evaluateFormula('=MEDIAN(C1)', SHEET)).toBe('#NUM!');
	});

	it('still counts typed logicals and numeric text, and refuses other typed text', () => {
		expect(evaluateFormula('=MEDIAN(TRUE,"3",5)', SHEET)).toBe(3);
		expect(evaluateFormula('=MEDIAN(1,"vacant")', SHEET)).toBe('#VALUE!');
		expect(evaluateFormula('=NPV(0.1,1100,"1210")', SHEET)).toBeCloseTo(2000, 9);
	});
});
