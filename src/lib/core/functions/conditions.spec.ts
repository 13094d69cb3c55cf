import { describe, expect, it } from 'vitest';
import { evaluateFormula } from './spec-support';

describe('IFS reads its conditions in order like Excel', () => {
	it('gives Microsoft’s grade example', () => {
		const grade = (score: number) =>
			evaluateFormula('=IFS(A1>89,"A",A1>79,"B",A1>69,"C",A1>59,"D",TRUE,"F")', [[score]]);
		expect([93, 89, 70, 12].map(grade)).toEqual(['A', 'B', 'C', 'F']);
	});

	it('stops at the first TRUE condition, so a later error does not matter', () => {
		expect(evaluateFormula('=IFS(1557>2000,"A",1557>1500,"B",1/0,"C")')).toBe('B');
		expect(evaluateFormula('=IFS(TRUE,1,NA(),2)')).toBe(1);
	});

	it('gives the error of a condition met before any TRUE one, and #N/A when none is TRUE', () => {
		expect(evaluateFormula('=IFS(FALSE,1,1/0,2,TRUE,3)')).toBe('#DIV/0!');
		expect(evaluateFormula('=IFS(1>2,"a",0,"b")')).toBe('#N/A');
		expect(evaluateFormula('=IFS(2,"two")')).toBe('two');
		expect(evaluateFormula('=IFS("rent","a")')).toBe('#VALUE!');
	});
});
