import { describe, expect, it } from 'vitest';
import { numberAsText } from './concat';
import { evaluateFormula } from './spec-support';

describe('CONCAT joins text like Excel', () => {
	it('joins values and every cell of a range, row by row (Microsoft’s examples)', () => {
		expect(evaluateFormula('=CONCAT("The"," ","sun"," ","will"," ","come"," ","up")')).toBe(
			'The sun will come up'
		);
		const rows = [
			['a1', 'b1'],
			['a2', 'b2']
		];
		expect(evaluateFormula('=CONCAT(A1:B2)', rows)).toBe('a1b1a2b2');
		expect(evaluateFormula('=CONCAT(A1:A2," - ",B2)', rows)).toBe('a1a2 - b2');
	});

	it('writes numbers to 15 digits and booleans as TRUE/FALSE, skipping empty cells', () => {
		expect(evaluateFormula('=CONCAT(1/3,"|",TRUE,"|",A1,"|",1500)', [[null]])).toBe(
			'0.333333333333333|TRUE||1500'
		);
		expect(numberAsText(1e21)).toBe('1E+21');
		expect(numberAsText(0.1 + 0.2)).toBe('0.3');
	});

	it('passes on the first error', () => {
		expect(evaluateFormula('=CONCAT("a",1/0,NA())')).toBe('#DIV/0!');
	});
});
