import { describe, expect, it } from 'vitest';
import { evaluateFormula } from './spec-support';

const rooms = [
	['Alpha', 10],
	['Mapper', 20],
	['Map', 30],
	['Mapping', 40]
];

describe('MATCH finds positions like Excel', () => {
	it('honours wildcards with match type 0 and returns the first match', () => {
		expect(evaluateFormula('=MATCH("Map*",A1:A4,0)', rooms)).toBe(2);
		expect(evaluateFormula('=MATCH("Map",A1:A4,0)', rooms)).toBe(3);
		expect(evaluateFormula('=MATCH("M?p",A1:A4,0)', rooms)).toBe(3);
		expect(evaluateFormula('=MATCH("Z*",A1:A4,0)', rooms)).toBe('#N/A');
	});

	it('gives Microsoft’s examples for sorted lookups', () => {
		const counts = [[25], [38], [40], [41]];
		expect(evaluateFormula('=MATCH(39,A1:A4,1)', counts)).toBe(2);
		expect(evaluateFormula('=MATCH(41,A1:A4,0)', counts)).toBe(4);
		expect(evaluateFormula('=MATCH(40,{41,40,38,25},-1)')).toBe(2);
	});

	it('searches array constants and rows as well as columns', () => {
		expect(evaluateFormula('=INDEX({10,20,30},MATCH(20,{10,20,30},0))')).toBe(20);
		expect(evaluateFormula('=MATCH("b",{"a","b","c"},0)')).toBe(2);
		expect(evaluateFormula('=MATCH(30,A1:D1,0)', [[10, 20, 30, 40]])).toBe(3);
	});
});

describe('VLOOKUP and HLOOKUP find values like Excel', () => {
	it('return the first wildcard match, not the last', () => {
		expect(evaluateFormula('=VLOOKUP("Map*",A1:B4,2,FALSE)', rooms)).toBe(20);
		expect(
			evaluateFormula('=HLOOKUP("Map*",A1:D2,2,FALSE)', [
				['Alpha', 'Mapper', 'Map', 'Mapping'],
				[10, 20, 30, 40]
			])
		).toBe(20);
	});

	it('accept array constants as tables', () => {
		expect(evaluateFormula('=VLOOKUP(2,{1,"one";2,"two";3,"three"},2,FALSE)')).toBe('two');
		expect(evaluateFormula('=HLOOKUP(3,{1,2,3;"a","b","c"},2,TRUE)')).toBe('c');
		expect(evaluateFormula('=VLOOKUP(2.5,{1,"one";2,"two";3,"three"},2)')).toBe('two');
	});

	it('give #N/A when nothing matches, #REF! past the table and #VALUE! below 1', () => {
		expect(evaluateFormula('=VLOOKUP("Beta",A1:B4,2,FALSE)', rooms)).toBe('#N/A');
		expect(evaluateFormula('=VLOOKUP("Map",A1:B4,3,FALSE)', rooms)).toBe('#REF!');
		expect(evaluateFormula('=VLOOKUP("Map",A1:B4,0,FALSE)', rooms)).toBe('#VALUE!');
	});

	it('read an empty matched cell as 0', () => {
		expect(
			evaluateFormula('=VLOOKUP("b",A1:B2,2,FALSE)', [
				['a', 1],
				['b', null]
			])
		).toBe(0);
	});
});

describe('INDEX picks cells like Excel', () => {
	it('gives #REF! for a row or column past the range', () => {
		const table = Array.from({ length: 7 }, (_, i) => [i, i * 10]);
		expect(evaluateFormula('=INDEX(A1:B7,8,1)', table)).toBe('#REF!');
		expect(evaluateFormula('=INDEX(A1:B7,1,3)', table)).toBe('#REF!');
		expect(evaluateFormula('=INDEX(A1:B7,7,2)', table)).toBe(60);
		expect(evaluateFormula('=INDEX(A1:B7,-1,1)', table)).toBe('#VALUE!');
	});

	it('takes the one index of a single-row array as its column', () => {
		expect(evaluateFormula('=INDEX({10,20,30},3)')).toBe(30);
		expect(evaluateFormula('=INDEX({10;20;30},3)')).toBe(30);
		expect(evaluateFormula('=INDEX({1,2;3,4},2,1)')).toBe(3);
	});
});
