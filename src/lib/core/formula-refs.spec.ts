import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { referenceContext } from './document-view';
import { InvalidFormulaError, UnknownSheetError } from './errors';
import { renderFormula, storeFormula, quoteSheetName } from './formula-refs';
import { tokenizeFormula } from './formula-tokens';
import { defineName } from './operations/names';
import { addSheet } from './operations/sheets';

function workbook() {
	const doc = new Y.Doc();
	const sheet1 = addSheet(doc, 'Sheet1');
	const other = addSheet(doc, 'Other sheet');
	defineName(doc, 'Price', 'Sheet1!B2');
	return { doc, sheet1, other };
}

function roundTrip(text: string): string {
	const { doc, sheet1 } = workbook();
	let rendered = '';
	doc.transact(() => {
		const stored = storeFormula(text, sheet1, referenceContext(doc));
		rendered = renderFormula(stored, sheet1, referenceContext(doc));
	});
	return rendered;
}

describe('formula references', () => {
	it.each([
		'=A1',
		'=$A$1+A$1+$A1',
		'=SUM(A1:B2)',
		'=SUM($A$1:$B$20)',
		'=SUM(A:A)',
		'=SUM($A:$C)',
		'=SUM(3:3)',
		'=SUM($3:$5)',
		"='Other sheet'!B2",
		"=SUM('Other sheet'!A1:B2)",
		'=Sheet1!C3*2',
		'=Price*12',
		'=IF(A1>0,"A1 is positive",#N/A)',
		'=LOG10(A2)+ATAN2(B1,C1)',
		'=#REF!+1',
		'=-A1%',
		'={1,2;3,4}',
		'=A200'
	])('renders %s back exactly as typed', (text) => {
		expect(roundTrip(text)).toBe(text);
	});

	it('does not mistake text, function names or names for references', () => {
		const tokens = tokenizeFormula('CONCAT("B2", LOG10(1), Price, "say ""A1""")');
		expect(tokens.filter((token) => token.type === 'ref')).toEqual([]);
		expect(tokens.filter((token) => token.type === 'function').map((t) => t.text)).toEqual([
			'CONCAT',
			'LOG10'
		]);
	});

	it('rejects unbalanced parentheses, unterminated text and unknown sheets', () => {
		const { doc, sheet1 } = workbook();
		const context = referenceContext(doc);
		expect(() => storeFormula('=SUM(A1', sheet1, context)).toThrow(InvalidFormulaError);
		expect(() => storeFormula('="abc', sheet1, context)).toThrow(InvalidFormulaError);
		expect(() => storeFormula('=Nowhere!A1', sheet1, context)).toThrow(UnknownSheetError);
	});

	it('shifts relative parts only when rendering with an offset', () => {
		const { doc, sheet1 } = workbook();
		doc.transact(() => {
			const context = referenceContext(doc);
			const stored = storeFormula('=A1+$A$1+A$1+$A1+SUM(A1:B2)', sheet1, context);
			expect(renderFormula(stored, sheet1, context, { rowOffset: 2, colOffset: 1 })).toBe(
				'=B3+$A$1+B$1+$A3+SUM(B3:C4)'
			);
			expect(renderFormula(stored, sheet1, context, { rowOffset: -1 })).toBe(
				'=#REF!+$A$1+A$1+#REF!+SUM(#REF!)'
			);
		});
	});

	it('quotes sheet names that are not plain identifiers', () => {
		expect(quoteSheetName('Sheet1')).toBe('Sheet1');
		expect(quoteSheetName('My sheet')).toBe("'My sheet'");
		expect(quoteSheetName("Bob's")).toBe("'Bob''s'");
		expect(quoteSheetName('A1')).toBe("'A1'");
	});
});
