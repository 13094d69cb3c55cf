import { describe, expect, it } from 'vitest';
import { exportCsv, neutraliseFormulaTrigger } from './csv-export';
import type { SheetGrid } from './sheet-grid';

describe('neutraliseFormulaTrigger', () => {
	it('prefixes text a spreadsheet would run as a formula', () => {
		for (const text of [
			'=HYPERLINK("x")',
			"=cmd|' /C calc'!A0",
			'+1+1',
			'-2+3',
			'@SUM(1)',
			'\t=1',
			'\r=1'
		]) {
			expect(neutraliseFormulaTrigger(text, false)).toBe(`'${text}`);
		}
	});

	it('leaves negative numbers shown as numbers alone, but not a format literal posing as one', () => {
		expect(neutraliseFormulaTrigger('-1,200.00', true)).toBe('-1,200.00');
		expect(neutraliseFormulaTrigger('=cmd|x', true)).toBe("'=cmd|x");
		expect(neutraliseFormulaTrigger('Rent', false)).toBe('Rent');
	});
});

describe('exportCsv', () => {
	const grid: SheetGrid = {
		sheetName: 'Sheet1',
		colWidths: [100, 100],
		rows: [
			[
				{ value: 'a, "quoted"', display: 'a, "quoted"' },
				{ value: 1250.5, display: '$1,250.50' }
			],
			[
				{ value: { error: '#DIV/0!' }, display: '#DIV/0!' },
				{ value: true, display: 'TRUE' }
			]
		]
	};

	it('quotes per RFC 4180 and ends lines with CRLF', () => {
		expect(exportCsv(grid, 'display')).toBe('"a, ""quoted""","$1,250.50"\r\n#DIV/0!,TRUE');
	});

	it('writes raw values unformatted', () => {
		expect(exportCsv(grid, 'raw')).toBe('"a, ""quoted""",1250.5\r\n#DIV/0!,TRUE');
	});
});
