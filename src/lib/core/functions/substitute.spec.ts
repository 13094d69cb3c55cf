import { describe, expect, it } from 'vitest';
import { evaluateFormula } from './spec-support';

describe('SUBSTITUTE replaces text like Excel', () => {
	it('returns the text unchanged when old_text is empty', () => {
		expect(evaluateFormula('=SUBSTITUTE("Oak St 4",A1,"-")')).toBe('Oak St 4');
		expect(evaluateFormula('=SUBSTITUTE("Oak St 4","","-",1)')).toBe('Oak St 4');
	});

	it('gives Microsoft’s examples: every occurrence, or only the one asked for', () => {
		expect(evaluateFormula('=SUBSTITUTE("Sales Data","Sales","Cost")')).toBe('Cost Data');
		expect(evaluateFormula('=SUBSTITUTE("Quarter 1, 2008","1","2",1)')).toBe('Quarter 2, 2008');
		expect(evaluateFormula('=SUBSTITUTE("Quarter 1, 2011","1","2",3)')).toBe('Quarter 1, 2012');
		expect(evaluateFormula('=SUBSTITUTE("a.b.c",".","",5)')).toBe('a.b.c');
	});

	it('refuses an instance below 1', () => {
		expect(evaluateFormula('=SUBSTITUTE("abc","b","x",0)')).toBe('#VALUE!');
	});
});
