import { describe, expect, it } from 'vitest';
import { parseCriterion, type CriterionCell } from './criteria';

const CELLS: CriterionCell[] = [5, '5', 'five', 'Apple', '', null, true, { error: 'NA' }, 10];

function matching(criterion: Parameters<typeof parseCriterion>[0]): CriterionCell[] {
	const test = parseCriterion(criterion);
	return CELLS.filter((cell) => test(cell));
}

describe('parseCriterion', () => {
	it('matches a bare number against numbers and text that reads as that number', () => {
		expect(matching(5)).toEqual([5, '5']);
		expect(matching('5')).toEqual([5, '5']);
		expect(matching('=5')).toEqual([5, '5']);
	});

	it('compares only numeric cells with <, <=, > and >=', () => {
		expect(matching('>5')).toEqual([10]);
		expect(matching('>=5')).toEqual([5, 10]);
		expect(matching('<10')).toEqual([5]);
	});

	it('compares only text cells, case-insensitively, when the operand is text', () => {
		expect(matching('>b')).toEqual(['five']);
		expect(matching('<=apple')).toEqual(['5', 'Apple', '']);
	});

	it('treats "" as blank or empty text, "=" as blank only and "<>" as not blank', () => {
		expect(matching('')).toEqual(['', null]);
		expect(matching('=')).toEqual([null]);
		expect(matching('<>')).toEqual([5, '5', 'five', 'Apple', '', true, { error: 'NA' }, 10]);
	});

	it('makes <> the negation of =, so blanks and errors are "not equal"', () => {
		expect(matching('<>apple')).toEqual([5, '5', 'five', '', null, true, { error: 'NA' }, 10]);
		expect(matching('<>5')).toEqual(['five', 'Apple', '', null, true, { error: 'NA' }, 10]);
	});

	it('reads wildcards: * for any run, ? for one character, ~ to escape', () => {
		const test = parseCriterion('a?p*');
		expect(['Apple', 'app', 'ap', 'xapple'].map(test)).toEqual([true, true, false, false]);
		expect(['a*b', 'axb'].map(parseCriterion('a~*b'))).toEqual([true, false]);
		expect(['a?', 'ab'].map(parseCriterion('a~?'))).toEqual([true, false]);
		expect(['a.b', 'axb'].map(parseCriterion('a.b'))).toEqual([true, false]);
	});

	it('treats an empty criterion cell as zero and a boolean as itself', () => {
		expect([0, null, '', '0'].map(parseCriterion(null))).toEqual([true, false, false, true]);
		expect(matching(true)).toEqual([true]);
		expect(matching('=TRUE')).toEqual([true]);
	});

	it('reads percentages, currency and dates in the operand as numbers', () => {
		expect([0.05, 0.04].map(parseCriterion('>=5%'))).toEqual([true, false]);
		expect([1200, 999].map(parseCriterion('>$1,000'))).toEqual([true, false]);
		expect([46082, 46081].map(parseCriterion('>=2026-03-01'))).toEqual([true, false]);
	});
});
