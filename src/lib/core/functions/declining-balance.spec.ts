import { describe, expect, it } from 'vitest';
import { evaluateFormula } from './spec-support';

describe('DB and DDB depreciate like Excel', () => {
	it('give Microsoft’s DB examples for a $1,000,000 asset bought in June', () => {
		const db = (period: number) => evaluateFormula(`=DB(1000000,100000,6,${period},7)`);
		expect(db(1)).toBeCloseTo(186083.33, 2);
		expect(db(2)).toBeCloseTo(259639.42, 2);
		expect(db(7)).toBeCloseTo(15845.1, 2);
		expect(db(8)).toBe('#NUM!');
	});

	it('give Microsoft’s DDB examples for a $2,400 asset with $300 salvage over 10 years', () => {
		expect(evaluateFormula('=DDB(2400,300,10*365,1)')).toBeCloseTo(1.32, 2);
		expect(evaluateFormula('=DDB(2400,300,10*12,1,2)')).toBeCloseTo(40.0, 10);
		expect(evaluateFormula('=DDB(2400,300,10,1,2)')).toBeCloseTo(480.0, 10);
		expect(evaluateFormula('=DDB(2400,300,10,2,1.5)')).toBeCloseTo(306.0, 10);
		expect(evaluateFormula('=DDB(2400,300,10,10)')).toBeCloseTo(22.12, 2);
		expect(evaluateFormula('=DDB(2400,0,10,1)')).toBeCloseTo(480, 10);
	});

	it('give #NUM! for a period of 0 and, for DDB, a cost or life of 0', () => {
		expect(evaluateFormula('=DB(1000,100,5,0)')).toBe('#NUM!');
		expect(evaluateFormula('=DDB(A1,592,6,2,1.7)')).toBe('#NUM!');
		expect(evaluateFormula('=DDB(2400,300,10,0)')).toBe('#NUM!');
		expect(evaluateFormula('=DDB(2400,300,0,1)')).toBe('#NUM!');
		expect(evaluateFormula('=DDB(2400,300,10,11)')).toBe('#NUM!');
	});
});
