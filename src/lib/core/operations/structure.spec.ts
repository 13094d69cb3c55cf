import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { canonicalDocument } from '../test-support';
import { readCells, seedBlankWorkbook, listSheets } from '../workbook-api';
import { setCellInput } from './cells';
import { deleteLines, insertLines, moveLines } from './structure';
import { InvalidAddressError } from '../errors';

function sheetWith(formula: string) {
	const doc = new Y.Doc();
	seedBlankWorkbook(doc);
	const sheet = listSheets(doc)[0].id;
	setCellInput(doc, sheet, 'C1', formula);
	const formulaText = () => readCells(doc, 'Sheet1', 'C1')[0][0].input;
	return { doc, sheet, formulaText };
}

describe('rows and columns', () => {
	it('grows a range when rows are inserted inside it, as Excel does', () => {
		const { doc, sheet, formulaText } = sheetWith('=SUM(A2:A5)');
		insertLines(doc, sheet, 'rows', 3, 2);
		expect(formulaText()).toBe('=SUM(A2:A7)');
	});

	it('shifts but does not grow a range when rows are inserted at its top edge', () => {
		const { doc, sheet, formulaText } = sheetWith('=SUM(A2:A5)');
		insertLines(doc, sheet, 'rows', 1, 1);
		expect(formulaText()).toBe('=SUM(A3:A6)');
	});

	it('does not grow a range when rows are inserted just below it', () => {
		const { doc, sheet, formulaText } = sheetWith('=SUM(A2:A5)');
		insertLines(doc, sheet, 'rows', 5, 1);
		expect(formulaText()).toBe('=SUM(A2:A5)');
	});

	it('shrinks a range when its edge rows are deleted', () => {
		const { doc, sheet, formulaText } = sheetWith('=SUM(A2:A5)');
		deleteLines(doc, sheet, 'rows', 4, 1);
		expect(formulaText()).toBe('=SUM(A2:A4)');
		deleteLines(doc, sheet, 'rows', 1, 1);
		expect(formulaText()).toBe('=SUM(A2:A3)');
	});

	it('shrinks a range when rows inside it are deleted', () => {
		const { doc, sheet, formulaText } = sheetWith('=SUM(A2:A5)+$B$10');
		deleteLines(doc, sheet, 'rows', 2, 2);
		expect(formulaText()).toBe('=SUM(A2:A3)+$B$8');
	});

	it('turns a reference into #REF! when its whole range or its cell is deleted', () => {
		const { doc, sheet, formulaText } = sheetWith('=SUM(A2:A3)+A7');
		deleteLines(doc, sheet, 'rows', 1, 2);
		expect(formulaText()).toBe('=SUM(#REF!)+A5');
		deleteLines(doc, sheet, 'rows', 4, 1);
		expect(formulaText()).toBe('=SUM(#REF!)+#REF!');
	});

	it('makes references follow moved rows and columns', () => {
		const { doc, sheet, formulaText } = sheetWith('=A2*B3');
		moveLines(doc, sheet, 'rows', 1, 1, 9);
		expect(formulaText()).toBe('=A10*B2');
		moveLines(doc, sheet, 'cols', 0, 1, 3);
		expect(readCells(doc, 'Sheet1', 'B1')[0][0].input).toBe('=D10*A2');
	});

	it('shrinks a range when its edge columns are deleted and grows it on inserts', () => {
		const { doc, sheet } = sheetWith('=1');
		setCellInput(doc, sheet, 'A1', '=SUM(C2:F2)');
		deleteLines(doc, sheet, 'cols', 2, 1);
		expect(readCells(doc, 'Sheet1', 'A1')[0][0].input).toBe('=SUM(C2:E2)');
		insertLines(doc, sheet, 'cols', 3, 1);
		expect(readCells(doc, 'Sheet1', 'A1')[0][0].input).toBe('=SUM(C2:F2)');
	});

	it('keeps whole-column and whole-row references whole', () => {
		const { doc, sheet, formulaText } = sheetWith('=SUM(A:A)+SUM(5:5)');
		insertLines(doc, sheet, 'rows', 1, 1);
		expect(formulaText()).toBe('=SUM(A:A)+SUM(6:6)');
	});

	it('rejects positions outside the sheet and leaves the document untouched', () => {
		const { doc, sheet } = sheetWith('=A1');
		const before = JSON.stringify(canonicalDocument(doc));
		expect(() => deleteLines(doc, sheet, 'rows', 100, 1)).toThrow(InvalidAddressError);
		expect(() => moveLines(doc, sheet, 'rows', 0, 1, 100)).toThrow(InvalidAddressError);
		expect(JSON.stringify(canonicalDocument(doc))).toBe(before);
	});
});
