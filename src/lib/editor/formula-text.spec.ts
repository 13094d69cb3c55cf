import { describe, expect, it } from 'vitest';
import {
	canInsertReference,
	closeOpenParentheses,
	formulaReferences,
	functionContext,
	shiftFormula
} from './formula-text';

describe('shiftFormula', () => {
	it('moves relative references and keeps absolute parts, as pasting does', () => {
		expect(shiftFormula('=A1+$B$2+C$3+$D4', 2, 1)).toBe('=B3+$B$2+D$3+$D6');
		expect(shiftFormula('=SUM(A1:A3)*Sheet2!B1', 1, 0)).toBe('=SUM(A2:A4)*Sheet2!B2');
	});

	it('turns a reference pushed off the sheet into #REF!', () => {
		expect(shiftFormula('=A1*2', -1, 0)).toBe('=#REF!*2');
	});

	it('leaves values and text alone', () => {
		expect(shiftFormula('hello A1', 3, 3)).toBe('hello A1');
		expect(shiftFormula('="A1"&B1', 1, 0)).toBe('="A1"&B2');
	});
});

describe('formulaReferences', () => {
	it('finds references with their spans, even in a half-typed formula', () => {
		const refs = formulaReferences('=SUM(A1:B2, C3');
		expect(refs.map((ref) => [ref.start, ref.end])).toEqual([
			[5, 10],
			[12, 14]
		]);
		expect(refs[0].ref.end).toMatchObject({ row: 1, col: 1 });
	});

	it('finds nothing in plain text', () => {
		expect(formulaReferences('A1')).toEqual([]);
	});
});

describe('canInsertReference', () => {
	it('is true after an operator, a parenthesis or a comma', () => {
		expect(canInsertReference('=', 1)).toBe(true);
		expect(canInsertReference('=SUM(', 5)).toBe(true);
		expect(canInsertReference('=A1+ ', 5)).toBe(true);
		expect(canInsertReference('=A1', 3)).toBe(false);
		expect(canInsertReference('12+', 3)).toBe(false);
	});
});

describe('functionContext', () => {
	it('reports the name being typed and the argument the caret is in', () => {
		expect(functionContext('=PM', 3).prefix).toEqual({ text: 'PM', start: 1 });
		expect(functionContext('=PMT(B1/12, B2', 14).call).toEqual({ name: 'PMT', argument: 1 });
		expect(functionContext('=SUM(IF(A1,1,2), ', 17).call).toEqual({ name: 'SUM', argument: 1 });
	});

	it('does not complete a cell address or inside a string', () => {
		expect(functionContext('=A1', 3).prefix?.text).toBe('A1');
		expect(functionContext('="PM', 4).prefix).toBeNull();
	});
});

describe('closeOpenParentheses', () => {
	it('closes what a formula left open, as Sheets does on Enter', () => {
		expect(closeOpenParentheses('=SUM(C1:C2')).toBe('=SUM(C1:C2)');
		expect(closeOpenParentheses('=ROUND(SUM(A1,B1')).toBe('=ROUND(SUM(A1,B1))');
		expect(closeOpenParentheses('=IF(A1="x')).toBe('=IF(A1="x")');
	});

	it('ignores parentheses inside strings and sheet names, and leaves complete text alone', () => {
		expect(closeOpenParentheses('=LEN("(((")')).toBe('=LEN("(((")');
		expect(closeOpenParentheses("='Rent (2024)'!A1")).toBe("='Rent (2024)'!A1");
		expect(closeOpenParentheses('=SUM(A1))')).toBe('=SUM(A1))');
		expect(closeOpenParentheses('(note')).toBe('(note');
	});
});
