import { describe, expect, it } from 'vitest';
import { evaluateFormula } from './spec-support';

describe('ROW and COLUMN return every number of a range', () => {
	it('make the hand-made NPV schedule equal NPV', () => {
		const flows = [[-100000], [20000], [25000], [30000], [35000], [40000], [45000], [50000]];
		const schedule = evaluateFormula('=SUMPRODUCT(A2:A8/(1+0.08)^(ROW(A2:A8)-1))+A1', flows);
		const npv = evaluateFormula('=NPV(0.08,A2:A8)+A1', flows) as number;
		expect(schedule).toBeCloseTo(npv, 8);
		const byHand = flows.reduce((total, [flow], year) => total + flow / 1.08 ** year, 0);
		expect(schedule).toBeCloseTo(byHand, 6);
	});

	it('give a column of row numbers and a row of column numbers', () => {
		expect(evaluateFormula('=SUM(ROW(B3:B6))')).toBe(18);
		expect(evaluateFormula('=SUM(COLUMN(B1:D1))')).toBe(9);
		expect(evaluateFormula('=SUMPRODUCT(ROW(A1:A3)*COLUMN(A1:C1))')).toBe(36);
		expect(evaluateFormula('=ROWS(ROW(A1:A5))')).toBe(5);
	});

	it('give one number for a cell, no argument, or a whole column or row', () => {
		expect(evaluateFormula('=ROW(C7)')).toBe(7);
		expect(evaluateFormula('=COLUMN(C7)')).toBe(3);
		expect(evaluateFormula('=ROW()')).toBe(1);
		expect(evaluateFormula('=COLUMN()')).toBe(27);
		expect(evaluateFormula('=ROW(B:B)')).toBe(1);
		expect(evaluateFormula('=COLUMN(3:3)')).toBe(1);
	});

	it('pass on the #REF! of a reference whose row or column was deleted', () => {
		expect(evaluateFormula('=ROW(#REF!)')).toBe('#REF!');
		expect(evaluateFormula('=SUMPRODUCT(ROW(#REF!))')).toBe('#REF!');
	});
});
