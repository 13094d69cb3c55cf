import { describe, expect, it } from 'vitest';
import { evaluateFormula } from './spec-support';

describe('DATEDIF counts like Excel', () => {
	it('counts "YD" from a leap-year start without the extra day', () => {
		expect(evaluateFormula('=DATEDIF(DATE(2028,2,29),DATE(2034,2,10),"YD")')).toBe(346);
		expect(evaluateFormula('=DATEDIF(DATE(2024,3,15),DATE(2025,3,1),"YD")')).toBe(351);
		expect(evaluateFormula('=DATEDIF(DATE(2024,12,31),DATE(2026,1,1),"YD")')).toBe(1);
	});

	it('gives Microsoft’s examples for the other units, in either case', () => {
		expect(evaluateFormula('=DATEDIF(DATE(2001,1,1),DATE(2003,1,1),"Y")')).toBe(2);
		expect(evaluateFormula('=DATEDIF(DATE(2001,6,1),DATE(2002,8,15),"D")')).toBe(440);
		expect(evaluateFormula('=DATEDIF(DATE(2001,6,1),DATE(2002,8,15),"yd")')).toBe(75);
		expect(evaluateFormula('=DATEDIF(DATE(2001,6,1),DATE(2002,8,15),"MD")')).toBe(14);
		expect(evaluateFormula('=DATEDIF(DATE(2001,6,1),DATE(2002,8,15),"M")')).toBe(14);
		expect(evaluateFormula('=DATEDIF(DATE(2001,6,1),DATE(2002,8,15),"YM")')).toBe(2);
	});

	it('refuses an end before the start and an unknown unit', () => {
		expect(evaluateFormula('=DATEDIF(DATE(2002,1,1),DATE(2001,1,1),"D")')).toBe('#NUM!');
		expect(evaluateFormula('=DATEDIF(DATE(2001,1,1),DATE(2002,1,1),"W")')).toBe('#NUM!');
	});
});
