import { describe, expect, it } from 'vitest';
import { serialFromDate } from '../values';
import { evaluateFormula } from './spec-support';

describe('VALUE reads text as a number like Excel', () => {
	it('reads currency, thousands separators, percentages and negatives in parentheses', () => {
		expect(evaluateFormula('=VALUE("$1,000")')).toBe(1000);
		expect(evaluateFormula('=VALUE("$1,500")')).toBe(1500);
		expect(evaluateFormula('=VALUE("1,200.50")')).toBe(1200.5);
		expect(evaluateFormula('=VALUE("5%")')).toBe(0.05);
		expect(evaluateFormula('=VALUE("(250)")')).toBe(-250);
		expect(evaluateFormula('=VALUE(" 42 ")')).toBe(42);
	});

	it('reads dates and times (Microsoft’s example: "16:48:00"-"12:00:00" is 0.2)', () => {
		expect(evaluateFormula('=VALUE("3/1/2026")')).toBe(serialFromDate(2026, 3, 1));
		expect(evaluateFormula('=VALUE("16:48:00")-VALUE("12:00:00")')).toBeCloseTo(0.2, 12);
	});

	it('reads an empty cell as 0 and refuses other text and booleans', () => {
		expect(evaluateFormula('=VALUE(A1)', [[null]])).toBe(0);
		expect(evaluateFormula('=VALUE("rent")')).toBe('#VALUE!');
		expect(evaluateFormula('=VALUE(TRUE)')).toBe('#VALUE!');
		expect(evaluateFormula('=VALUE(1/0)')).toBe('#DIV/0!');
	});
});
