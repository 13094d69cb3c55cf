import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addChart, getChart } from '$lib/core/charts';
import { createEvaluator } from '$lib/core/evaluator';
import { setCellInputs } from '$lib/core/operations/cells';
import { addSheet } from '$lib/core/operations/sheets';
import { deleteLines } from '$lib/core/operations/structure';
import { listSheets, seedBlankWorkbook } from '$lib/core/workbook-api';
import {
	affectsCharts,
	chartValueFormatter,
	draftFromChart,
	patchFromDraft,
	readPanelCharts
} from './chart-panel';

function workbook() {
	const doc = new Y.Doc();
	seedBlankWorkbook(doc);
	const sheetId = listSheets(doc)[0].id;
	setCellInputs(doc, sheetId, [
		{ address: 'A1', text: 'Jan' },
		{ address: 'B1', text: '5' }
	]);
	const id = addChart(doc, {
		type: 'line',
		title: 'Rent',
		sheet: 'Sheet1',
		labels: 'A1:A2',
		series: [{ name: 'Rent', range: 'B1:B2' }]
	});
	return { doc, sheetId, id };
}

describe('chart panel helpers', () => {
	it('formats tooltip numbers as the series cells show them, else grouped to two decimals', () => {
		const { doc, sheetId, id } = workbook();
		const plain = chartValueFormatter(doc, getChart(doc, id));
		expect(plain(11852.353, 0)).toBe('11,852.35');
		setCellInputs(doc, sheetId, [{ address: 'B1', text: '$5.00' }]);
		expect(chartValueFormatter(doc, getChart(doc, id))(11852.353, 0)).toBe('$11,852.35');
	});

	it('reads every chart with its data and flags a chart whose rows were deleted', () => {
		const { doc, sheetId, id } = workbook();
		const evaluator = createEvaluator(doc);
		expect(readPanelCharts(doc, evaluator)).toEqual([
			expect.objectContaining({
				broken: false,
				data: expect.objectContaining({ datasets: [{ label: 'Rent', data: [5, null] }] })
			})
		]);
		deleteLines(doc, sheetId, 'rows', 0, 2);
		expect(readPanelCharts(doc, evaluator)[0]).toMatchObject({ info: { id }, broken: true });
		evaluator.destroy();
	});

	it('recomputes after structural, chart and cell changes but not after unrelated ones', () => {
		const { doc, sheetId } = workbook();
		const seen: boolean[] = [];
		doc.on('afterTransaction', (transaction: Y.Transaction) =>
			seen.push(affectsCharts(transaction, doc))
		);
		setCellInputs(doc, sheetId, [{ address: 'C1', text: '1' }]);
		addSheet(doc, 'Other');
		doc.transact(() => doc.getMap('meta').set('currency', 'EUR'));
		expect(seen).toEqual([true, true, false]);
	});

	it('shows every range with its sheet in the editor and saves them back there', () => {
		const { doc, id } = workbook();
		addSheet(doc, 'Other sheet');
		const info = getChart(doc, id);
		const draft = draftFromChart(info);
		expect(draft).toEqual({
			type: 'line',
			title: 'Rent',
			labels: 'Sheet1!A1:A2',
			series: [{ name: 'Rent', range: 'Sheet1!B1:B2' }]
		});
		draft.series[0].range = 'B1:B2';
		draft.series.push({ name: ' Other ', range: " 'Other sheet'!B1:B2 " }, { name: '', range: '' });
		draft.labels = ' ';
		expect(patchFromDraft(draft, info.sheet)).toEqual({
			type: 'line',
			title: 'Rent',
			sheet: 'Sheet1',
			labels: null,
			series: [
				{ name: 'Rent', range: 'B1:B2' },
				{ name: 'Other', range: "'Other sheet'!B1:B2" }
			]
		});
	});
});
