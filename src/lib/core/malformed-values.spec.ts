/**
 * Readers stay total: values that do not fit the schema (written straight into a Y.Doc, as a
 * raw update stored before the schema was checked would have) read as errors or are left out,
 * never thrown on.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addChart, listCharts, readChartData } from './charts';
import { chartsMap, namesMap } from './document';
import { listSheetEntries } from './document-view';
import { createEvaluator } from './evaluator';
import { setCellInput } from './operations/cells';
import { defineName } from './operations/names';
import { insertLines } from './operations/structure';
import { listNames, listSheets, readCells, seedBlankWorkbook } from './workbook-api';

const MALFORMED: unknown[] = [
	{ f: 'not-an-object' },
	{ f: { parts: 'x', refs: 3 } },
	{ x: 1 },
	[1, 2],
	{ f: { parts: ['', ''], refs: [{ a: 5 }] } }
];

function workbookWithMalformedValues() {
	const doc = new Y.Doc();
	seedBlankWorkbook(doc);
	const sheet = listSheetEntries(doc)[0];
	setCellInput(doc, sheet.id, 'A1', '5');
	setCellInput(doc, sheet.id, 'A2', '=A1*2');
	defineName(doc, 'Price', 'Sheet1!A1');
	const chartId = addChart(doc, {
		type: 'bar',
		title: 'T',
		labels: null,
		series: [{ name: 'S', range: 'A1:A2' }]
	});
	const evaluator = createEvaluator(doc);
	const rows = sheet.rows.toArray();
	const cols = sheet.cols.toArray();
	doc.transact(() => {
		MALFORMED.forEach((value, i) => sheet.cells.set(`${rows[i]}:${cols[2]}`, value as never));
		sheet.cells.set(`${rows[0]}:${cols[3]}`, null as never);
		sheet.map.set('name', 'x'.repeat(5000));
		namesMap(doc).set('zz', { name: 'Bad', expr: 'oops' } as never);
		namesMap(doc).set('zy', { name: 5, expr: null } as never);
		(chartsMap(doc).get(chartId) as Y.Map<unknown>).set('series', [{ name: 'S', range: 'x' }]);
	});
	return { doc, sheet, chartId, evaluator };
}

describe('readers of a document holding malformed values', () => {
	it('show each malformed cell as #VALUE! and every other cell as before', () => {
		const { doc, evaluator } = workbookWithMalformedValues();
		const sheetName = listSheets(doc)[0].name;
		for (const reader of [evaluator, createEvaluator(doc)]) {
			const cells = readCells(doc, sheetName, 'A1:D5', reader);
			expect(cells[0][0].value).toBe(5);
			expect(cells[1][0].value).toBe(10);
			for (let row = 0; row < MALFORMED.length; row++) {
				expect(cells[row][2]).toMatchObject({ input: '=#VALUE!', error: { code: '#VALUE!' } });
			}
			expect(cells[0][3]).toMatchObject({ input: '', value: null });
		}
	});

	it('give a sheet with a malformed name a plain name', () => {
		const { doc } = workbookWithMalformedValues();
		expect(listSheets(doc).map((sheet) => sheet.name)).toEqual(['Sheet']);
	});

	it('leave malformed defined names and chart ranges out', () => {
		const { doc, chartId, evaluator } = workbookWithMalformedValues();
		expect(listNames(doc, evaluator).map((entry) => entry.name)).toEqual(['Price']);
		expect(listCharts(doc)[0].series).toEqual([]);
		expect(readChartData(doc, evaluator, chartId).datasets).toEqual([]);
	});

	it('let structural edits run past malformed formulas', () => {
		const { doc, sheet, evaluator } = workbookWithMalformedValues();
		insertLines(doc, sheet.id, 'rows', 0, 1);
		const cells = readCells(doc, listSheets(doc)[0].name, 'A2:A3', evaluator);
		expect(cells.map((row) => row[0].value)).toEqual([5, 10]);
	});
});
