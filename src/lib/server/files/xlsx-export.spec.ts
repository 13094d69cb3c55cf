import { describe, expect, it } from 'vitest';
import { excelErrorCode, excelWidthFromPixels, toExcelFormula } from './xlsx-export';
import { pixelsFromExcelWidth, typedFormula } from './xlsx-import';

describe('toExcelFormula', () => {
	it('drops the leading = and prefixes functions Excel added after 2007', () => {
		expect(toExcelFormula('=SUM(A1:A3)')).toBe('SUM(A1:A3)');
		expect(toExcelFormula('=IFNA(MATCH(1,A:A,0),0)+ifs(A1>0,1)')).toBe(
			'_xlfn.IFNA(MATCH(1,A:A,0),0)+_xlfn.ifs(A1>0,1)'
		);
	});

	it('leaves string literals alone', () => {
		expect(toExcelFormula('="IFS(" & CONCAT(A1)')).toBe('="IFS(" & _xlfn.CONCAT(A1)'.slice(1));
	});

	it('is undone by the importer', () => {
		expect(typedFormula(toExcelFormula("=XLOOKUP(1,'My sheet'!A:A,B:B)"))).toBe(
			"=XLOOKUP(1,'My sheet'!A:A,B:B)"
		);
	});
});

describe('widths and errors', () => {
	it('converts pixel widths to Excel characters and back', () => {
		for (const pixels of [40, 100, 180, 640]) {
			expect(pixelsFromExcelWidth(excelWidthFromPixels(pixels))).toBe(pixels);
		}
	});

	it('caches errors Excel lacks as #VALUE!', () => {
		expect(excelErrorCode('#DIV/0!')).toBe('#DIV/0!');
		expect(excelErrorCode('#CYCLE!')).toBe('#VALUE!');
	});
});
