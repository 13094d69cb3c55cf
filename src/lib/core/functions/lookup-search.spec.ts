import { describe, expect, it } from 'vitest';
import { NOT_FOUND, findExact, findSorted, type LookupCell } from './lookup-search';

const vector = (cells: LookupCell[]) => ({ length: cells.length, at: (i: number) => cells[i] });

describe('findExact finds the first cell equal to the key', () => {
	it('compares text case-insensitively with wildcards and returns the first match', () => {
		const names = vector(['Alpha', 'Mapper', 'map', 'Mapping']);
		expect(findExact('Map*', names)).toBe(1);
		expect(findExact('MAP', names)).toBe(2);
		expect(findExact('?ap', names)).toBe(2);
		expect(findExact('Map~*', vector(['Mapping', 'Map*']))).toBe(1);
		expect(findExact('Zed*', names)).toBe(NOT_FOUND);
	});

	it('matches numbers and booleans by value, never text that reads as a number', () => {
		expect(findExact(5, vector(['5', true, 5]))).toBe(2);
		expect(findExact(true, vector([1, 'TRUE', true]))).toBe(2);
		expect(findExact(0, vector([null, { error: '#N/A' }, 0]))).toBe(2);
	});
});

describe('findSorted searches sorted cells the way Excel’s approximate match does', () => {
	it('finds the last value ≤ the key in ascending order, or ≥ it in descending order', () => {
		expect(findSorted(25, vector([10, 20, 30, 40]), 'ascending')).toBe(1);
		expect(findSorted(40, vector([10, 20, 30, 40]), 'ascending')).toBe(3);
		expect(findSorted(5, vector([10, 20, 30]), 'ascending')).toBe(NOT_FOUND);
		expect(findSorted(25, vector([40, 30, 20, 10]), 'descending')).toBe(1);
		expect(findSorted('c', vector(['a', 'B', 'd']), 'ascending')).toBe(1);
	});

	it('skips trailing blanks and answers only with a cell of the key’s own type', () => {
		expect(findSorted(99, vector([10, 20, null, null]), 'ascending')).toBe(1);
		expect(findSorted('a', vector([1, 2, 3]), 'ascending')).toBe(NOT_FOUND);
		expect(findSorted(5, vector([1, 3, 'x']), 'ascending')).toBe(1);
	});
});
