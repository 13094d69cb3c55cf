import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { InvalidChartError, addChart, chartFromSelection, listCharts } from './charts';
import { createEvaluator } from './evaluator';
import { setCellInputs, setNumberFormat } from './operations/cells';
import { listSheets, seedBlankWorkbook } from './workbook-api';

/** A Sheet1 holding `grid` from A1 (each string typed as a person would). */
function sheetWith(grid: string[][]) {
	const doc = new Y.Doc();
	seedBlankWorkbook(doc);
	const sheetId = listSheets(doc)[0].id;
	setCellInputs(
		doc,
		sheetId,
		grid.flatMap((row, r) =>
			row.map((text, c) => ({ address: `${String.fromCharCode(65 + c)}${r + 1}`, text }))
		)
	);
	return { doc, sheetId };
}

describe('chartFromSelection (quick chart)', () => {
	it('reads series names from the first row and labels from the first column', () => {
		const { doc, sheetId } = sheetWith([
			['', 'Rent', 'Costs'],
			['Jan', '1500', '400'],
			['Feb', '1600', '450'],
			['Mar', '1700', '500']
		]);
		expect(chartFromSelection(doc, sheetId, 'A1:C4', 'line')).toEqual({
			type: 'line',
			title: 'Rent and Costs',
			sheet: 'Sheet1',
			labels: 'A2:A4',
			series: [
				{ name: 'Rent', range: 'B2:B4' },
				{ name: 'Costs', range: 'C2:C4' }
			]
		});
	});

	it('runs series along the rows when the selection is wider than tall', () => {
		const { doc, sheetId } = sheetWith([
			['Year', 'Y1', 'Y2', 'Y3'],
			['Cash flow', '10', '12', '14']
		]);
		expect(chartFromSelection(doc, sheetId, 'A1:D2')).toMatchObject({
			type: 'bar',
			labels: 'B1:D1',
			series: [{ name: 'Cash flow', range: 'B2:D2' }]
		});
	});

	it('treats dated first columns as labels and numbers without a header as unnamed series', () => {
		const { doc, sheetId } = sheetWith([
			['2025-01-01', '5'],
			['2025-02-01', '6'],
			['2025-03-01', '7']
		]);
		setNumberFormat(doc, sheetId, 'A1:A3', 'mmm yyyy');
		expect(chartFromSelection(doc, sheetId, 'A1:B3')).toMatchObject({
			labels: 'A1:A3',
			series: [{ name: 'Column B', range: 'B1:B3' }]
		});
	});

	it('charts a single column of numbers under a heading, numbering the categories', () => {
		const { doc, sheetId } = sheetWith([['Rent'], ['1'], ['2']]);
		expect(chartFromSelection(doc, sheetId, 'A1:A3', 'pie')).toMatchObject({
			title: 'Rent',
			labels: null,
			series: [{ name: 'Rent', range: 'A2:A3' }]
		});
	});

	it('classifies formula cells by their computed value when given an evaluator', () => {
		const { doc, sheetId } = sheetWith([
			['', '="Rent "&2025'],
			['Jan', '=2+3'],
			['Feb', '6']
		]);
		expect(chartFromSelection(doc, sheetId, 'A1:B3')).toMatchObject({
			series: [{ name: 'Column B' }]
		});
		const evaluator = createEvaluator(doc);
		const spec = chartFromSelection(doc, sheetId, 'A1:B3', 'bar', evaluator);
		expect(spec).toMatchObject({
			labels: 'A2:A3',
			series: [{ name: 'Rent 2025', range: 'B2:B3' }]
		});
		evaluator.destroy();
	});

	it('gives a spec that addChart accepts', () => {
		const { doc, sheetId } = sheetWith([
			['Month', 'Rent'],
			['Jan', '1']
		]);
		addChart(doc, chartFromSelection(doc, sheetId, 'A1:B2'));
		expect(listCharts(doc)[0].series).toEqual([{ name: 'Rent', range: 'Sheet1!B2' }]);
	});

	it('refuses a selection with nothing left to chart, or whole columns', () => {
		const { doc, sheetId } = sheetWith([['Month'], ['Jan']]);
		expect(() => chartFromSelection(doc, sheetId, 'A1')).toThrow(InvalidChartError);
		expect(() => chartFromSelection(doc, sheetId, 'A:B')).toThrow(InvalidChartError);
	});
});
