import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { inferFormulaFormat, shouldReplaceFormat, type FormatLookup } from './auto-format';
import { cellKey, isFormulaInput } from './document';
import { axisOf, nameById, sheetById } from './document-view';
import { defineName } from './operations/names';
import { setCellInput, setNumberFormat } from './operations/cells';
import { listSheets, readCells, seedBlankWorkbook } from './workbook-api';

function workbook() {
	const doc = new Y.Doc();
	seedBlankWorkbook(doc);
	const sheetId = listSheets(doc)[0].id;
	const lookup: FormatLookup = {
		format: (id, key) => sheetById(doc, id)?.formats.get(key),
		input: (id, key) => sheetById(doc, id)?.cells.get(key),
		nameExpression: (id) => nameById(doc, id)?.expr
	};
	const inferAt = (address: string) => {
		const sheet = sheetById(doc, sheetId)!;
		const [col, row] = [address.charCodeAt(0) - 65, Number(address.slice(1)) - 1];
		const key = cellKey(axisOf(doc, sheet, 'rows').ids[row], axisOf(doc, sheet, 'cols').ids[col]);
		const input = sheet.cells.get(key);
		return isFormulaInput(input) ? inferFormulaFormat(input.f, sheetId, lookup) : 'not a formula';
	};
	return { doc, sheetId, inferAt };
}

describe('inferFormulaFormat', () => {
	it('shows PMT in the currency of its inputs, following names and formulas', () => {
		const { doc, sheetId, inferAt } = workbook();
		setCellInput(doc, sheetId, 'B1', '€250,000');
		setNumberFormat(doc, sheetId, 'B1', '"€"#,##0.00');
		setCellInput(doc, sheetId, 'B2', '6.5%');
		defineName(doc, 'Rate', 'Sheet1!$B$2');
		setCellInput(doc, sheetId, 'B3', '=PMT(Rate/12,360,-B1)');
		expect(inferAt('B3')).toBe('"€"#,##0.00');
		setCellInput(doc, sheetId, 'B4', '=B3*12');
		expect(inferAt('B4')).toBe('"€"#,##0.00');
	});

	it('shows PMT in dollars when no input has a currency, and rate functions as percents', () => {
		const { doc, sheetId, inferAt } = workbook();
		setCellInput(doc, sheetId, 'A1', '=PMT(0.05/12,360,-200000)');
		expect(inferAt('A1')).toBe('"$"#,##0.00');
		setCellInput(doc, sheetId, 'A2', '=IRR({-100,30,40,50})');
		expect(inferAt('A2')).toBe('0.00%');
		setCellInput(doc, sheetId, 'A3', '=RATE(360,-1000,150000)');
		expect(inferAt('A3')).toBe('0.00%');
	});

	it('takes the first referenced format, but not for counts, and not General', () => {
		const { doc, sheetId, inferAt } = workbook();
		setCellInput(doc, sheetId, 'A1', '$1,200');
		setCellInput(doc, sheetId, 'A2', '5%');
		setCellInput(doc, sheetId, 'A3', '7');
		setCellInput(doc, sheetId, 'B1', '=A2*A1');
		expect(inferAt('B1')).toBe('0%');
		setCellInput(doc, sheetId, 'B2', '=COUNT(A1:A3)');
		expect(inferAt('B2')).toBeUndefined();
		setCellInput(doc, sheetId, 'B3', '=A3+1');
		expect(inferAt('B3')).toBeUndefined();
	});

	it('stops on a circular chain of formulas', () => {
		const { doc, sheetId, inferAt } = workbook();
		setCellInput(doc, sheetId, 'A1', '=B1+1');
		setCellInput(doc, sheetId, 'B1', '=A1+1');
		expect(inferAt('A1')).toBeUndefined();
	});
});

describe('shouldReplaceFormat', () => {
	it('keeps a percent format with its decimals when a percent is typed', () => {
		expect(shouldReplaceFormat('0.00%', '0%')).toBe(false);
		expect(shouldReplaceFormat('"$"#,##0.00', '"$"#,##0')).toBe(false);
		expect(shouldReplaceFormat('m/d/yyyy', 'yyyy-mm-dd')).toBe(false);
		expect(shouldReplaceFormat(undefined, '0%')).toBe(true);
		expect(shouldReplaceFormat('"$"#,##0.00', '0%')).toBe(true);
	});

	it('is what typing 7% into a cell formatted 0.00% does', () => {
		const { doc, sheetId } = workbook();
		setNumberFormat(doc, sheetId, 'A1', '0.00%');
		setCellInput(doc, sheetId, 'A1', '7%');
		const [[cell]] = readCells(doc, 'Sheet1', 'A1');
		expect(cell.display).toBe('7.00%');
		expect(cell.value).toBe(0.07);
	});
});
