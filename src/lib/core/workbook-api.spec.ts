import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { InvalidAddressError, InvalidOperationError, UnknownSheetError } from './errors';
import { canonicalDocument } from './test-support';
import {
	applyCellUpdates,
	applyStructuralOps,
	listNames,
	listSheets,
	readCells,
	seedBlankWorkbook
} from './workbook-api';

function blank() {
	const doc = new Y.Doc();
	seedBlankWorkbook(doc);
	return doc;
}

describe('workbook api', () => {
	it('seeds a blank workbook with one sheet named Sheet1, once', () => {
		const doc = blank();
		seedBlankWorkbook(doc);
		expect(listSheets(doc)).toMatchObject([
			{ name: 'Sheet1', index: 0, rowCount: 100, colCount: 26 }
		]);
		expect(doc.getMap('meta').toJSON()).toEqual({ schemaVersion: 2, currency: 'USD' });
	});

	it('applies cell updates by address or by defined name and reads them back', () => {
		const doc = blank();
		applyCellUpdates(doc, { sheet: 'Sheet1', updates: [{ ref: 'B1', input: '1200' }] });
		applyStructuralOps(doc, [{ op: 'defineName', name: 'MonthlyRent', ref: 'Sheet1!B1' }]);
		applyCellUpdates(doc, {
			updates: [
				{ ref: 'MonthlyRent', input: '$1,500' },
				{ ref: 'Sheet1!B2', input: '=MonthlyRent*12' }
			]
		});
		const cells = readCells(doc, 'Sheet1', 'B1:B2');
		expect(cells[0][0]).toMatchObject({ ref: 'B1', value: 1500, display: '$1,500' });
		expect(cells[1][0]).toMatchObject({ ref: 'B2', input: '=MonthlyRent*12', value: 18000 });
		expect(listNames(doc)).toMatchObject([{ name: 'MonthlyRent', value: 1500 }]);
	});

	it('writes nothing when one update of a request is invalid', () => {
		const doc = blank();
		const before = JSON.stringify(canonicalDocument(doc));
		expect(() =>
			applyCellUpdates(doc, {
				sheet: 'Sheet1',
				updates: [
					{ ref: 'A1', input: '5' },
					{ ref: 'NotAName', input: '6' }
				]
			})
		).toThrow(InvalidAddressError);
		expect(() =>
			applyCellUpdates(doc, { sheet: 'Nope', updates: [{ ref: 'A1', input: '1' }] })
		).toThrow(UnknownSheetError);
		expect(JSON.stringify(canonicalDocument(doc))).toBe(before);
	});

	it('reports errors of computed cells with their message', () => {
		const doc = blank();
		applyCellUpdates(doc, { sheet: 'Sheet1', updates: [{ ref: 'A1', input: '=1/0' }] });
		expect(readCells(doc, 'Sheet1', 'A1')[0][0]).toMatchObject({
			display: '#DIV/0!',
			error: { code: '#DIV/0!' }
		});
	});

	it('applies structural operations atomically', () => {
		const doc = blank();
		applyCellUpdates(doc, { sheet: 'Sheet1', updates: [{ ref: 'A3', input: '=A1+A2' }] });
		const before = JSON.stringify(canonicalDocument(doc));
		expect(() =>
			applyStructuralOps(doc, [
				{ op: 'insertRows', sheet: 'Sheet1', at: 1, count: 2 },
				{ op: 'addSheet', name: 'Inputs' },
				{ op: 'renameSheet', sheet: 'Missing', name: 'X' }
			])
		).toThrow(UnknownSheetError);
		expect(JSON.stringify(canonicalDocument(doc))).toBe(before);
		applyStructuralOps(doc, [
			{ op: 'insertRows', sheet: 'Sheet1', at: 1, count: 2 },
			{ op: 'addSheet', name: 'Inputs' },
			{ op: 'reorderSheet', sheet: 'Inputs', index: 0 },
			{ op: 'insertColumns', sheet: 'Sheet1', at: 'A' },
			{ op: 'setNumberFormat', sheet: 'Sheet1', range: 'B5', format: '0.0' },
			{ op: 'setColumnWidth', sheet: 'Sheet1', column: 'B', width: 140 }
		]);
		expect(listSheets(doc).map((s) => s.name)).toEqual(['Inputs', 'Sheet1']);
		expect(readCells(doc, 'Sheet1', 'B5')[0][0]).toMatchObject({ input: '=B3+B4', display: '0.0' });
	});

	it('rejects malformed operations from the network with a typed error', () => {
		const doc = blank();
		for (const bad of [
			{},
			[{ op: 'explode' }],
			[{ op: 'insertRows', sheet: 'Sheet1' }],
			[{ op: 'insertRows', sheet: 'Sheet1', at: '3' }],
			[{ op: 'addSheet', name: 'X', extra: true }],
			[null]
		]) {
			expect(() => applyStructuralOps(doc, bad)).toThrow(InvalidOperationError);
		}
	});
});
