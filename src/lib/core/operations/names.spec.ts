import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { InvalidNameError, NameConflictError, UnknownNameError } from '../errors';
import { listNames, listSheets, readCells, seedBlankWorkbook } from '../workbook-api';
import { setCellInput } from './cells';
import { defineName, removeName, renameName } from './names';

function blank() {
	const doc = new Y.Doc();
	seedBlankWorkbook(doc);
	return { doc, sheet: listSheets(doc)[0].id };
}

describe('defined names', () => {
	it('defines a name, evaluates it and lets formulas use it', () => {
		const { doc, sheet } = blank();
		setCellInput(doc, sheet, 'B2', '250000');
		defineName(doc, 'PurchasePrice', 'Sheet1!B2');
		setCellInput(doc, sheet, 'C1', '=PurchasePrice*0.2');
		expect(listNames(doc)).toEqual([{ name: 'PurchasePrice', ref: 'Sheet1!$B$2', value: 250000 }]);
		expect(readCells(doc, 'Sheet1', 'C1')[0][0].value).toBe(50000);
	});

	it('updates formulas when a name is renamed and shows #NAME? once removed', () => {
		const { doc, sheet } = blank();
		defineName(doc, 'Rate', '0.05');
		setCellInput(doc, sheet, 'A1', '=Rate*100');
		renameName(doc, 'rate', 'InterestRate');
		expect(readCells(doc, 'Sheet1', 'A1')[0][0]).toMatchObject({
			input: '=InterestRate*100',
			value: 5
		});
		removeName(doc, 'InterestRate');
		expect(readCells(doc, 'Sheet1', 'A1')[0][0].value).toBe('#NAME?');
	});

	it('refuses names that clash with cell addresses, logical values or other names', () => {
		const { doc } = blank();
		defineName(doc, 'Price', 'Sheet1!A1');
		expect(() => defineName(doc, 'AB12', 'Sheet1!A1')).toThrow(InvalidNameError);
		expect(() => defineName(doc, 'R1C1', 'Sheet1!A1')).toThrow(InvalidNameError);
		expect(() => defineName(doc, 'TRUE', 'Sheet1!A1')).toThrow(InvalidNameError);
		expect(() => defineName(doc, '1st', 'Sheet1!A1')).toThrow(InvalidNameError);
		expect(() => defineName(doc, 'price', 'Sheet1!A2')).toThrow(NameConflictError);
		expect(() => removeName(doc, 'Nothing')).toThrow(UnknownNameError);
	});
});
