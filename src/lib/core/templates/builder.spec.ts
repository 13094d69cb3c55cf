import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createEvaluator } from '../evaluator';
import { listSheetEntries } from '../document-view';
import { listNames, readCells } from '../workbook-api';
import { SheetBuilder, absolute, shiftColumn, writeTemplate } from './builder';

describe('template builder', () => {
	it('keeps text that looks like a number, a date or a formula as text', () => {
		const sheet = new SheetBuilder('S');
		sheet
			.text('A1', '2025')
			.text('A2', '2025-01-01')
			.text('A3', '=not a formula')
			.text('A4', 'Rent');
		expect([...sheet.cells.values()]).toEqual(["'2025", "'2025-01-01", "'=not a formula", 'Rent']);
	});

	it('writes labelled rows with names, keys and notes', () => {
		const sheet = new SheetBuilder('Inputs');
		const next = sheet.labelled(2, [
			{ label: 'Inputs', heading: true },
			{ label: 'Price', value: 100, name: 'Price', note: 'typed' },
			{ label: 'Double', value: '=Price*2', key: 'double' }
		]);
		expect(next).toBe(5);
		expect(sheet.cells.get('B3')).toBe('100');
		expect(sheet.cells.get('C3')).toBe('typed');
		expect(sheet.names).toEqual([{ name: 'Price', address: 'B3' }]);
		expect(sheet.ref('double')).toBe('Inputs!$B$4');
		expect(sheet.boldRanges).toEqual(['A2']);
		expect(() => sheet.ref('missing')).toThrow();
	});

	it('addresses columns and cells', () => {
		expect(shiftColumn('B', 2)).toBe('D');
		expect(shiftColumn('Z', 1)).toBe('AA');
		expect(absolute('C12')).toBe('$C$12');
	});

	it('writes sheets, names, fills, merged formats and bold in one transaction', () => {
		const doc = new Y.Doc();
		const inputs = new SheetBuilder('My inputs');
		inputs.labelled(1, [
			{ label: 'Rate', value: 0.05, format: '0.00%', name: 'Rate' },
			{ label: 'Years', value: 3, format: '0.00%' }
		]);
		const table = new SheetBuilder('Table');
		table.headers('A1', ['Year', 'Growth']);
		for (let r = 2; r <= 4; r++) table.set(`A${r}`, r - 1);
		table.set('B2', "=(1+Rate)^A2-'My inputs'!B2*0").fillDown('B2:B4');
		let transactions = 0;
		doc.on('afterTransaction', () => transactions++);
		writeTemplate(doc, { sheets: [inputs, table] });
		expect(transactions).toBe(1);
		const [first, second] = listSheetEntries(doc);
		expect([...second.styles.values()]).toEqual([{ bold: true }, { bold: true }]);
		// The two single-cell formats above were merged into one range of the same format.
		expect([...first.formats.values()]).toEqual(['0.00%', '0.00%']);
		const evaluator = createEvaluator(doc);
		expect(listNames(doc, evaluator)).toMatchObject([{ name: 'Rate', ref: "'My inputs'!$B$1" }]);
		const cells = readCells(doc, 'Table', 'A1:B4', evaluator);
		// Filling shifts relative references, as a person's fill down does.
		expect(cells[3][1].input).toBe("=(1+Rate)^A4-'My inputs'!B4*0");
		expect(cells[3][1].value).toBeCloseTo(1.05 ** 3, 10);
		evaluator.destroy();
	});
});
