import { describe, expect, it } from 'vitest';
import { boundWholeColumns, rowCountsOf } from './xlsx-bounded-columns';

const rows = rowCountsOf([
	{ name: 'Obligations', rowCount: 53 },
	{ name: "Owner's cash", rowCount: 12 },
	{ name: 'Schedule', rowCount: 40 }
]);

describe('boundWholeColumns', () => {
	it('bounds a sheet-qualified whole column to the rows of that sheet', () => {
		expect(boundWholeColumns('=SUM(Obligations!C:C)', rows, 'Schedule')).toBe(
			'=SUM(Obligations!C$1:C$53)'
		);
		expect(boundWholeColumns('=SUMIFS(Obligations!$C:$C,Obligations!$A:$B,"x")', rows, null)).toBe(
			'=SUMIFS(Obligations!$C$1:$C$53,Obligations!$A$1:$B$53,"x")'
		);
	});

	it('bounds an unqualified whole column to the current sheet and is case-insensitive', () => {
		expect(boundWholeColumns('=COUNTA(a:a)+SUM($T:$V)', rows, 'schedule')).toBe(
			'=COUNTA(a$1:a$40)+SUM($T$1:$V$40)'
		);
		expect(boundWholeColumns('=SUM(OBLIGATIONS!AB:AB)', rows, null)).toBe(
			'=SUM(OBLIGATIONS!AB$1:AB$53)'
		);
	});

	it('handles quoted sheet names, including ones that look like references', () => {
		expect(boundWholeColumns("=SUM('Owner''s cash'!B:B)", rows, 'Schedule')).toBe(
			"=SUM('Owner''s cash'!B$1:B$12)"
		);
		expect(boundWholeColumns("='A:A sheet'!B2", rows, 'Schedule')).toBe("='A:A sheet'!B2");
	});

	it('leaves cell ranges, string literals, names and unknown sheets alone', () => {
		const untouched = [
			'=SUM(A1:B20)',
			'=SUM($A$1:$A$9)+Obligations!C2:C9',
			'="A:A" & B1',
			'=IF(A1>0,"x:y",Rate)',
			'=SUM(Elsewhere!C:C)',
			'=SUM(1:3)'
		];
		for (const formula of untouched)
			expect(boundWholeColumns(formula, rows, 'Schedule')).toBe(formula);
	});

	it('leaves whole columns whole without a current sheet to bound them by', () => {
		expect(boundWholeColumns('=SUM(C:C)', rows, null)).toBe('=SUM(C:C)');
	});

	it('covers at least one row for an empty grid', () => {
		expect(boundWholeColumns('=SUM(C:C)', new Map([['s', 0]]), 'S')).toBe('=SUM(C$1:C$1)');
	});
});
