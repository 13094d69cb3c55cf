import { describe, expect, it } from 'vitest';
import { evaluateFormula } from './spec-support';

describe('YEAR, MONTH and DAY read serial 0 as Excel’s 0 January 1900', () => {
	it('gives 1900, 1 and 0 for an empty cell or a time of day alone', () => {
		expect(evaluateFormula('=YEAR(A1)')).toBe(1900);
		expect(evaluateFormula('=MONTH(A1)')).toBe(1);
		expect(evaluateFormula('=DAY(A1)')).toBe(0);
		expect(evaluateFormula('=DAY(0.75)')).toBe(0);
	});

	it('reads other serials as before, the 1900 leap day included', () => {
		expect(evaluateFormula('=DAY(1)')).toBe(1);
		expect(evaluateFormula('=MONTH(60)&"/"&DAY(60)')).toBe('2/29');
		expect(evaluateFormula('=YEAR(DATE(2028,2,29))&MONTH(DATE(2028,2,29))')).toBe('20282');
		expect(evaluateFormula('=YEAR(-1)')).toBe('#NUM!');
	});
});
