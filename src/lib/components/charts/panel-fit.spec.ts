import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { sheetByName } from '$lib/core/document-view';
import { setCellInput, setColumnWidth } from '$lib/core/operations/cells';
import { seedTemplate } from '$lib/core/templates';
import { listSheets, seedBlankWorkbook } from '$lib/core/workbook-api';
import { DEFAULT_PANEL_WIDTH, panelFitsBeside, usedColumnsWidth } from './panel-fit';

describe('usedColumnsWidth', () => {
	it('measures from column A to the right edge of the rightmost column holding a cell', () => {
		const doc = new Y.Doc();
		seedBlankWorkbook(doc);
		const { id, name } = listSheets(doc)[0];
		expect(usedColumnsWidth(doc, sheetByName(doc, name)!)).toBe(0);
		setCellInput(doc, id, 'C7', 'rent');
		expect(usedColumnsWidth(doc, sheetByName(doc, name)!)).toBe(300);
		setColumnWidth(doc, id, 'B', 150);
		setCellInput(doc, id, 'A1', '1');
		expect(usedColumnsWidth(doc, sheetByName(doc, name)!)).toBe(350);
	});

	it('keeps the panel shut by itself on the property Ledger at 1440 px, whose summary runs to column M', () => {
		const doc = new Y.Doc();
		seedTemplate(doc, 'property');
		const ledger = sheetByName(doc, 'Ledger')!;
		const used = usedColumnsWidth(doc, ledger);
		expect(used).toBeGreaterThan(1440);
		expect(panelFitsBeside(used, 1440, DEFAULT_PANEL_WIDTH)).toBe(false);
	});
});

describe('panelFitsBeside', () => {
	it('lets the panel open only when row headers, used columns, scrollbar and panel all fit', () => {
		expect(panelFitsBeside(600, 1440, DEFAULT_PANEL_WIDTH)).toBe(true);
		expect(panelFitsBeside(990, 1440, DEFAULT_PANEL_WIDTH)).toBe(true);
		expect(panelFitsBeside(1040, 1440, DEFAULT_PANEL_WIDTH)).toBe(false);
		expect(panelFitsBeside(600, 0, DEFAULT_PANEL_WIDTH)).toBe(false);
	});
});
