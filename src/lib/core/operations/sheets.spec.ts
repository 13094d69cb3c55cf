import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { InvalidNameError, LastSheetError, NameConflictError } from '../errors';
import { listSheets, readCells, seedBlankWorkbook } from '../workbook-api';
import { setCellInput } from './cells';
import { addSheet, deleteSheet, moveSheet, renameSheet } from './sheets';

function blank() {
	const doc = new Y.Doc();
	seedBlankWorkbook(doc);
	return { doc, sheet1: listSheets(doc)[0].id };
}

describe('sheet operations', () => {
	it('creates sheets with a logical size and keeps them in order', () => {
		const { doc } = blank();
		addSheet(doc, 'Big', { rows: 100_000, cols: 10 });
		addSheet(doc, 'First', { index: 0 });
		expect(listSheets(doc).map((s) => [s.name, s.rowCount])).toEqual([
			['First', 100],
			['Sheet1', 100],
			['Big', 100_000]
		]);
	});

	it('updates every formula that mentions a sheet when it is renamed', () => {
		const { doc, sheet1 } = blank();
		const other = addSheet(doc, 'Inputs');
		setCellInput(doc, sheet1, 'A1', '=Inputs!B2*2');
		renameSheet(doc, other, 'Loan terms');
		expect(readCells(doc, 'Sheet1', 'A1')[0][0].input).toBe("='Loan terms'!B2*2");
	});

	it('refuses invalid, duplicate and last-sheet changes', () => {
		const { doc, sheet1 } = blank();
		expect(() => addSheet(doc, 'sheet1')).toThrow(NameConflictError);
		expect(() => addSheet(doc, 'a/b')).toThrow(InvalidNameError);
		expect(() => addSheet(doc, '  ')).toThrow(InvalidNameError);
		expect(() => deleteSheet(doc, sheet1)).toThrow(LastSheetError);
	});

	it('reorders sheets and turns references to a deleted sheet into #REF!', () => {
		const { doc, sheet1 } = blank();
		const b = addSheet(doc, 'B');
		addSheet(doc, 'C');
		moveSheet(doc, b, 5);
		expect(listSheets(doc).map((s) => s.name)).toEqual(['Sheet1', 'C', 'B']);
		setCellInput(doc, sheet1, 'A1', '=B!A1+1');
		deleteSheet(doc, b);
		expect(readCells(doc, 'Sheet1', 'A1')[0][0]).toMatchObject({
			input: '=#REF!+1',
			value: '#REF!'
		});
	});
});
