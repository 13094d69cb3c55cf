import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { axisOf, sheetById } from '$lib/core/document-view';
import { createEvaluator } from '$lib/core/evaluator';
import { setCellInputs, setNumberFormat } from '$lib/core/operations/cells';
import { addSheet } from '$lib/core/operations/sheets';
import { renderWindow } from './grid-model';

function setup() {
	const doc = new Y.Doc();
	const sheetId = addSheet(doc, 'Sheet1');
	setCellInputs(doc, sheetId, [
		{ address: 'B2', text: '1250' },
		{ address: 'C2', text: '=1/0' },
		{ address: 'B3', text: 'rent' }
	]);
	const sheet = sheetById(doc, sheetId)!;
	const rowIds = axisOf(doc, sheet, 'rows').ids;
	const colIds = axisOf(doc, sheet, 'cols').ids;
	const values = createEvaluator(doc);
	/** Renders rows and columns [`start`, `end`), with `source`'s values or none. */
	const render = (start: number, end: number, source: typeof values | null) =>
		renderWindow(doc, sheet, rowIds, colIds, { start, end }, { start, end }, source, 'USD');
	return { values, render };
}

describe('renderWindow', () => {
	it('gives every cell of the window its A1 address, column and view', () => {
		const { values, render } = setup();
		const rows = render(1, 3, values);
		expect(rows.map((row) => row.row)).toEqual([1, 2]);
		expect(rows.map((row) => row.cells.map((cell) => cell.ref))).toEqual([
			['B2', 'C2'],
			['B3', 'C3']
		]);
		const [number, error] = rows[0].cells;
		expect(number).toMatchObject({ col: 1, text: '1250', numeric: true, bold: false });
		expect(number.error).toBeUndefined();
		expect(error).toMatchObject({ col: 2, text: '#DIV/0!', numeric: false });
		expect(error.error).toMatch(/.+/);
		expect(rows[1].cells[0]).toMatchObject({ text: 'rent', numeric: false });
		expect(rows[1].cells[1]).toMatchObject({ text: '', numeric: false });
		values.destroy();
	});

	it('shows a PMT result in the currency of its inputs unless the cell has its own format', () => {
		const doc = new Y.Doc();
		const sheetId = addSheet(doc, 'Sheet1');
		setCellInputs(doc, sheetId, [
			{ address: 'A1', text: '$250,000' },
			{ address: 'A2', text: '=PMT(0.065/12,360,-A1)' },
			{ address: 'A3', text: '=A2' }
		]);
		setNumberFormat(doc, sheetId, 'A3', '0.0');
		const sheet = sheetById(doc, sheetId)!;
		const values = createEvaluator(doc);
		const [, second, third] = renderWindow(
			doc,
			sheet,
			axisOf(doc, sheet, 'rows').ids,
			axisOf(doc, sheet, 'cols').ids,
			{ start: 0, end: 3 },
			{ start: 0, end: 1 },
			values,
			'USD'
		);
		expect(second.cells[0].text).toBe('$1,580');
		expect(third.cells[0].text).toBe('1580.2');
		values.destroy();
	});

	it('shows empty cells until there is a value source', () => {
		const { values, render } = setup();
		const [row] = render(1, 2, null);
		expect(row.cells).toEqual([
			{ text: '', numeric: false, bold: false, error: undefined, col: 1, ref: 'B2' }
		]);
		values.destroy();
	});
});

describe('text overflow', () => {
	it('lets text spill over empty cells to its right, never numbers, up to the next content', () => {
		const doc = new Y.Doc();
		const sheetId = addSheet(doc, 'Sheet1');
		setCellInputs(doc, sheetId, [
			{ address: 'A1', text: 'A long heading that runs on' },
			{ address: 'D1', text: 'next' },
			{ address: 'A3', text: 'short' },
			{ address: 'A2', text: '123456789012345' }
		]);
		const sheet = sheetById(doc, sheetId)!;
		const values = createEvaluator(doc);
		const [first, second, third] = renderWindow(
			doc,
			sheet,
			axisOf(doc, sheet, 'rows').ids,
			axisOf(doc, sheet, 'cols').ids,
			{ start: 0, end: 3 },
			{ start: 0, end: 6 },
			values,
			'USD',
			[0, 100, 200, 300, 400, 500, 600]
		);
		// 27 characters need about 210 px: three 100 px columns, stopped by D1 anyway. "next"
		// fits its own column.
		const spills = first.cells.map((cell) => cell.spill ?? 0);
		expect(spills).toEqual([2, 0, 0, 0, 0, 0]);
		expect(first.cells.map((cell) => cell.joined === true)).toEqual([
			true,
			true,
			false,
			false,
			false,
			false
		]);
		expect(second.cells[0].spill).toBeUndefined();
		expect(third.cells[0].spill).toBeUndefined();
		values.destroy();
	});
});
