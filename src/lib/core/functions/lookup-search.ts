/**
 * How Excel's lookups find a key in a row or column: exact match with wildcards (MATCH type 0,
 * VLOOKUP/HLOOKUP FALSE), and the binary search of the sorted modes. Pure: the lookup plugin
 * hands it cells through {@link LookupVector}, so ranges are read cell by cell, not copied.
 */
import { wildcardMatcher } from '../criteria';

/** A cell as a lookup sees it: `null` is empty; `error` stands for any error value. */
export type LookupCell = number | string | boolean | null | { error: string };

/** A row or column of cells, read on demand. */
export interface LookupVector {
	readonly length: number;
	at(index: number): LookupCell;
}

/** The key searched for (an empty key cell searches for 0, as in Excel). */
export type LookupKey = number | string | boolean;

/** Not found: the lookups turn it into #N/A. */
export const NOT_FOUND = -1;

/**
 * Index of the first cell equal to `key`: numbers and booleans by value, text case-insensitively
 * and, when `key` holds `*`, `?` or `~`, as an Excel wildcard pattern. A number never matches
 * text that reads as one, nor a boolean; empty cells and errors match nothing.
 */
export function findExact(key: LookupKey, cells: LookupVector): number {
	const matches: (cell: LookupCell) => boolean =
		typeof key === 'string' ? textMatcher(key) : (cell) => cell === key;
	for (let index = 0; index < cells.length; index++) {
		if (matches(cells.at(index))) return index;
	}
	return NOT_FOUND;
}

function textMatcher(key: string): (cell: LookupCell) => boolean {
	const matchesText = wildcardMatcher(key);
	return (cell) => typeof cell === 'string' && matchesText(cell);
}

/** Excel's sort order across types: numbers, then text, then FALSE and TRUE. */
function typeRank(value: LookupKey): number {
	return typeof value === 'number' ? 0 : typeof value === 'string' ? 1 : 2;
}

function compareLookup(a: LookupKey, b: LookupKey): number {
	const rank = typeRank(a) - typeRank(b);
	if (rank !== 0) return rank;
	if (typeof a === 'string') {
		const [left, right] = [a.toLowerCase(), (b as string).toLowerCase()];
		return left < right ? -1 : left > right ? 1 : 0;
	}
	return Number(a) - Number(b);
}

/**
 * The sorted lookups (MATCH 1 and -1, VLOOKUP/HLOOKUP TRUE) by binary search, as Excel does:
 * ascending finds the last cell ≤ `key`, descending the last cell ≥ `key`. Only a cell of the
 * key's own type (number, text, boolean) is a match; empty cells and errors sort after
 * everything, so a column with trailing blanks searches as the filled part does.
 */
export function findSorted(key: LookupKey, cells: LookupVector, order: 'ascending' | 'descending') {
	const holds = (cell: LookupCell): boolean => {
		if (cell === null || typeof cell === 'object') return false;
		const comparison = compareLookup(cell, key);
		return order === 'ascending' ? comparison <= 0 : comparison >= 0;
	};
	let low = 0;
	let high = cells.length - 1;
	let found = NOT_FOUND;
	while (low <= high) {
		const middle = (low + high) >>> 1;
		if (holds(cells.at(middle))) {
			found = middle;
			low = middle + 1;
		} else high = middle - 1;
	}
	if (found === NOT_FOUND) return NOT_FOUND;
	const cell = cells.at(found) as LookupKey;
	return typeRank(cell) === typeRank(key) ? found : NOT_FOUND;
}
