import { describe, expect, it } from 'vitest';
import {
	columnIndexFromLetters,
	columnLetters,
	formatRange,
	looksLikeCellAddress,
	parseCellAddress,
	parseColumnSpec,
	parseRange,
	splitSheetQualifier
} from './addresses';
import { InvalidAddressError } from './errors';

describe('addresses', () => {
	it('converts column letters to indices and back for single, double and triple letters', () => {
		for (const [letters, index] of [
			['A', 0],
			['Z', 25],
			['AA', 26],
			['AZ', 51],
			['XFD', 16383]
		] as const) {
			expect(columnIndexFromLetters(letters)).toBe(index);
			expect(columnLetters(index)).toBe(letters);
		}
		expect(columnIndexFromLetters('XFE')).toBe(-1);
	});

	it('parses cell addresses with or without dollar signs, case-insensitively', () => {
		expect(parseCellAddress('B3')).toEqual({ row: 2, col: 1 });
		expect(parseCellAddress('$b$3')).toEqual({ row: 2, col: 1 });
		expect(() => parseCellAddress('B0')).toThrow(InvalidAddressError);
		expect(() => parseCellAddress('3B')).toThrow(InvalidAddressError);
	});

	it('parses ranges, whole columns and whole rows, normalising reversed corners', () => {
		expect(parseRange('C10:A1')).toMatchObject({
			kind: 'cells',
			top: 0,
			left: 0,
			bottom: 9,
			right: 2
		});
		expect(parseRange('B:D')).toMatchObject({ kind: 'columns', left: 1, right: 3 });
		expect(parseRange('3:5')).toMatchObject({ kind: 'rows', top: 2, bottom: 4 });
		expect(formatRange(parseRange('A1:C3'))).toBe('A1:C3');
		expect(formatRange(parseRange('B:D'))).toBe('B:D');
		expect(formatRange(parseRange('3:5'))).toBe('3:5');
		expect(() => parseRange('A1:B2:C3')).toThrow(InvalidAddressError);
		expect(() => parseRange('hello')).toThrow(InvalidAddressError);
	});

	it('tells cell-like names apart from other names', () => {
		expect(looksLikeCellAddress('AB12')).toBe(true);
		expect(looksLikeCellAddress('Price')).toBe(false);
		expect(looksLikeCellAddress('A1B')).toBe(false);
	});

	it('accepts columns as letters or 1-based numbers', () => {
		expect(parseColumnSpec('C')).toBe(2);
		expect(parseColumnSpec(3)).toBe(2);
		expect(() => parseColumnSpec(0)).toThrow(InvalidAddressError);
	});

	it('splits sheet-qualified references, unquoting quoted sheet names', () => {
		expect(splitSheetQualifier("'Bob''s sheet'!A1:B2")).toEqual({
			sheet: "Bob's sheet",
			local: 'A1:B2'
		});
		expect(splitSheetQualifier('B2')).toEqual({ local: 'B2' });
	});
});
