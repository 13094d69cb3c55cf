import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { cellKey } from '$lib/core/document';
import { axisOf, sheetById } from '$lib/core/document-view';
import { setCellInput, setNumberFormat } from '$lib/core/operations/cells';
import { listSheets, seedBlankWorkbook } from '$lib/core/workbook-api';
import { displayFormat, formatLookup } from './cell-display';

function workbook() {
	const doc = new Y.Doc();
	seedBlankWorkbook(doc);
	const sheetId = listSheets(doc)[0].id;
	/** The format the grid shows a number in at `address` (A1, columns A–Z). */
	const shownFormat = (address: string) => {
		const sheet = sheetById(doc, sheetId)!;
		const [col, row] = [address.charCodeAt(0) - 65, Number(address.slice(1)) - 1];
		const key = cellKey(axisOf(doc, sheet, 'rows').ids[row], axisOf(doc, sheet, 'cols').ids[col]);
		return displayFormat(sheet, key, 1, formatLookup(doc));
	};
	return { doc, sheetId, shownFormat };
}

describe('displayFormat', () => {
	it('uses one lookup per document, so what it infers is remembered between paints', () => {
		const { doc } = workbook();
		expect(formatLookup(doc)).toBe(formatLookup(doc));
		expect(formatLookup(new Y.Doc())).not.toBe(formatLookup(doc));
	});

	it('follows a change of a precedent’s format two formulas away after it was shown once', () => {
		const { doc, sheetId, shownFormat } = workbook();
		setCellInput(doc, sheetId, 'A1', '1200');
		setCellInput(doc, sheetId, 'B1', '=A1*12');
		setCellInput(doc, sheetId, 'C1', '=B1+1');
		expect(shownFormat('C1')).toBeUndefined();

		setNumberFormat(doc, sheetId, 'A1', '"$"#,##0.00');
		expect(shownFormat('C1')).toBe('"$"#,##0.00');
		expect(shownFormat('B1')).toBe('"$"#,##0.00');
	});

	it('follows a formula retyped to refer elsewhere, and a format set on the cell itself wins', () => {
		const { doc, sheetId, shownFormat } = workbook();
		setCellInput(doc, sheetId, 'A1', '$5');
		setCellInput(doc, sheetId, 'A2', '7%');
		setCellInput(doc, sheetId, 'B1', '=A1*2');
		expect(shownFormat('B1')).toMatch(/\$/);
		setCellInput(doc, sheetId, 'B1', '=A2*2');
		expect(shownFormat('B1')).toMatch(/%/);
		setNumberFormat(doc, sheetId, 'B1', '0.0');
		expect(shownFormat('B1')).toBe('0.0');
	});
});
