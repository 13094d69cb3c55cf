import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
	InvalidChartError,
	UnknownChartError,
	addChart,
	deleteChart,
	getChart,
	listCharts,
	readChartData,
	updateChart,
	type ChartSpec
} from './charts';
import { InvalidAddressError, LimitExceededError, UnknownSheetError } from './errors';
import { createEvaluator } from './evaluator';
import { setCellInputs, setNumberFormat } from './operations/cells';
import { renameSheet } from './operations/sheets';
import { deleteLines, insertLines, moveLines } from './operations/structure';
import { listSheets, seedBlankWorkbook } from './workbook-api';

const RENT_SPEC: ChartSpec = {
	type: 'bar',
	title: 'Rent by month',
	sheet: 'Sheet1',
	labels: 'A2:A4',
	series: [{ name: 'Rent', range: 'B2:B4' }]
};

/** A workbook with months in A2:A4, rents in B2:B4 and costs in C2:C4. */
function rentWorkbook() {
	const doc = new Y.Doc();
	seedBlankWorkbook(doc);
	const sheetId = listSheets(doc)[0].id;
	const rows = [
		['Month', 'Rent', 'Costs'],
		['Jan', '1500', '400'],
		['Feb', '1600', '=C2*2'],
		['Mar', '1700', 'n/a']
	];
	setCellInputs(
		doc,
		sheetId,
		rows.flatMap((row, r) => row.map((text, c) => ({ address: `${'ABC'[c]}${r + 1}`, text })))
	);
	return { doc, sheetId };
}

function unchanged(doc: Y.Doc, act: () => void): void {
	const before = Y.encodeStateAsUpdate(doc);
	try {
		act();
	} finally {
		expect(Y.encodeStateAsUpdate(doc)).toEqual(before);
	}
}

describe('charts in the workbook document', () => {
	it('adds a chart whose ranges render with their sheet and whose data reads the cells', () => {
		const { doc } = rentWorkbook();
		const id = addChart(doc, {
			...RENT_SPEC,
			series: [...RENT_SPEC.series, { name: 'Costs', range: 'C2:C4' }]
		});
		expect(listCharts(doc)).toEqual([
			expect.objectContaining({
				id,
				type: 'bar',
				title: 'Rent by month',
				sheet: 'Sheet1',
				labels: 'Sheet1!A2:A4',
				series: [
					{ name: 'Rent', range: 'Sheet1!B2:B4' },
					{ name: 'Costs', range: 'Sheet1!C2:C4' }
				]
			})
		]);
		const evaluator = createEvaluator(doc);
		expect(readChartData(doc, evaluator, id)).toEqual({
			type: 'bar',
			title: 'Rent by month',
			labels: ['Jan', 'Feb', 'Mar'],
			datasets: [
				{ label: 'Rent', data: [1500, 1600, 1700] },
				{ label: 'Costs', data: [400, 800, null] }
			]
		});
		evaluator.destroy();
	});

	it('writes each operation as one transaction with the given origin', () => {
		const { doc } = rentWorkbook();
		const origins: unknown[] = [];
		doc.on('afterTransaction', (transaction: Y.Transaction) => origins.push(transaction.origin));
		const id = addChart(doc, RENT_SPEC, 'me');
		updateChart(doc, id, { title: 'Rents', type: 'line' }, 'me');
		deleteChart(doc, id, 'me');
		expect(origins).toEqual(['me', 'me', 'me']);
		expect(listCharts(doc)).toEqual([]);
	});

	it('lists charts in the order they were added', () => {
		const { doc } = rentWorkbook();
		const ids = ['One', 'Two', 'Three'].map((title) => addChart(doc, { ...RENT_SPEC, title }));
		expect(listCharts(doc).map((chart) => chart.id)).toEqual(ids);
	});

	it('redraws from new values: data follows edits of the cells', () => {
		const { doc, sheetId } = rentWorkbook();
		const id = addChart(doc, RENT_SPEC);
		const evaluator = createEvaluator(doc);
		setCellInputs(doc, sheetId, [{ address: 'B3', text: '=B2+1' }]);
		expect(readChartData(doc, evaluator, id).datasets[0].data).toEqual([1500, 1501, 1700]);
		evaluator.destroy();
	});

	it('shows dates as the labels format them and errors and text as gaps', () => {
		const { doc, sheetId } = rentWorkbook();
		setCellInputs(doc, sheetId, [
			{ address: 'A2', text: '2025-01-01' },
			{ address: 'B4', text: '=1/0' }
		]);
		setNumberFormat(doc, sheetId, 'A2', 'mmm yyyy');
		const id = addChart(doc, RENT_SPEC);
		const evaluator = createEvaluator(doc);
		const data = readChartData(doc, evaluator, id);
		expect(data.labels).toEqual(['Jan 2025', 'Feb', 'Mar']);
		expect(data.datasets[0].data).toEqual([1500, 1600, null]);
		evaluator.destroy();
	});

	it('numbers the categories when a chart has no labels', () => {
		const { doc } = rentWorkbook();
		const id = addChart(doc, { ...RENT_SPEC, labels: null });
		const evaluator = createEvaluator(doc);
		expect(readChartData(doc, evaluator, id).labels).toEqual(['1', '2', '3']);
		evaluator.destroy();
	});
});

describe('chart ranges follow rows, columns and sheets like formulas', () => {
	it('grows when a row is inserted inside the range and keeps reading the same cells', () => {
		const { doc, sheetId } = rentWorkbook();
		const id = addChart(doc, RENT_SPEC);
		insertLines(doc, sheetId, 'rows', 2, 1);
		expect(getChart(doc, id)).toMatchObject({ labels: 'Sheet1!A2:A5' });
		expect(getChart(doc, id).series[0].range).toBe('Sheet1!B2:B5');
		const evaluator = createEvaluator(doc);
		expect(readChartData(doc, evaluator, id).datasets[0].data).toEqual([1500, null, 1600, 1700]);
		evaluator.destroy();
	});

	it('shifts when rows are inserted above and when columns move', () => {
		const { doc, sheetId } = rentWorkbook();
		const id = addChart(doc, RENT_SPEC);
		insertLines(doc, sheetId, 'rows', 0, 2);
		moveLines(doc, sheetId, 'cols', 1, 1, 3);
		expect(getChart(doc, id).series[0].range).toBe('Sheet1!D4:D6');
		expect(getChart(doc, id).labels).toBe('Sheet1!A4:A6');
	});

	it('shrinks when its last row is deleted, and follows a renamed sheet', () => {
		const { doc, sheetId } = rentWorkbook();
		const id = addChart(doc, RENT_SPEC);
		deleteLines(doc, sheetId, 'rows', 3, 1);
		renameSheet(doc, sheetId, 'Rents 2025');
		expect(getChart(doc, id)).toMatchObject({
			sheet: 'Rents 2025',
			labels: "'Rents 2025'!A2:A3",
			series: [{ name: 'Rent', range: "'Rents 2025'!B2:B3" }]
		});
	});

	it('renders #REF! and draws nothing once every row of its range is deleted', () => {
		const { doc, sheetId } = rentWorkbook();
		const id = addChart(doc, RENT_SPEC);
		deleteLines(doc, sheetId, 'rows', 1, 3);
		expect(getChart(doc, id).series[0].range).toBe('#REF!');
		const evaluator = createEvaluator(doc);
		expect(readChartData(doc, evaluator, id)).toMatchObject({
			labels: [],
			datasets: [{ data: [] }]
		});
		evaluator.destroy();
	});
});

describe('editing and deleting charts', () => {
	it('changes only the fields a patch gives, resolving new ranges on the chart sheet', () => {
		const { doc } = rentWorkbook();
		const id = addChart(doc, RENT_SPEC);
		updateChart(doc, id, { series: [{ name: 'Costs', range: 'C2:C4' }] });
		expect(getChart(doc, id)).toMatchObject({
			type: 'bar',
			title: 'Rent by month',
			labels: 'Sheet1!A2:A4',
			series: [{ name: 'Costs', range: 'Sheet1!C2:C4' }]
		});
		updateChart(doc, id, { labels: null, type: 'doughnut' });
		expect(getChart(doc, id)).toMatchObject({ type: 'doughnut', labels: null });
	});

	it('refuses bad input with typed errors and leaves the document untouched', () => {
		const { doc } = rentWorkbook();
		const id = addChart(doc, RENT_SPEC);
		const bad: [unknown, new (...args: never[]) => Error][] = [
			[{ ...RENT_SPEC, type: 'radar' }, InvalidChartError],
			[{ ...RENT_SPEC, series: [] }, InvalidChartError],
			[{ ...RENT_SPEC, title: 42 }, InvalidChartError],
			[{ ...RENT_SPEC, sheet: 'Nope' }, UnknownSheetError],
			[{ ...RENT_SPEC, labels: 'Nope!A1:A3' }, UnknownSheetError],
			[{ ...RENT_SPEC, series: [{ name: 'x', range: 'B:B' }] }, InvalidChartError],
			[{ ...RENT_SPEC, series: [{ name: 'x', range: 'B2:ZZ' }] }, InvalidAddressError],
			[{ ...RENT_SPEC, series: [{ name: 'x', range: 'A1:Z1000' }] }, LimitExceededError],
			['not a chart', InvalidChartError]
		];
		for (const [spec, error] of bad) {
			unchanged(doc, () => expect(() => addChart(doc, spec as ChartSpec)).toThrow(error));
		}
		unchanged(doc, () => expect(() => updateChart(doc, id, {})).toThrow(InvalidChartError));
		unchanged(doc, () =>
			expect(() =>
				updateChart(doc, id, { title: 'ok', series: [{ name: 'x', range: 'B2:' }] })
			).toThrow(InvalidAddressError)
		);
		unchanged(doc, () =>
			expect(() => updateChart(doc, 'nope', { title: 'x' })).toThrow(UnknownChartError)
		);
		unchanged(doc, () => expect(() => deleteChart(doc, 'nope')).toThrow(UnknownChartError));
		const evaluator = createEvaluator(doc);
		expect(() => readChartData(doc, evaluator, 'nope')).toThrow(UnknownChartError);
		evaluator.destroy();
	});
});

describe('charts edited on two replicas', () => {
	function replicas() {
		const { doc: a } = rentWorkbook();
		const b = new Y.Doc();
		Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
		const sync = () => {
			const fromA = Y.encodeStateAsUpdate(a, Y.encodeStateVector(b));
			const fromB = Y.encodeStateAsUpdate(b, Y.encodeStateVector(a));
			Y.applyUpdate(b, fromA);
			Y.applyUpdate(a, fromB);
		};
		return { a, b, sync };
	}

	it('keeps both of two concurrent edits of different fields, and a row inserted meanwhile', () => {
		const { a, b, sync } = replicas();
		const id = addChart(a, RENT_SPEC);
		sync();
		updateChart(a, id, { title: 'Retitled' });
		updateChart(b, id, { type: 'line' });
		insertLines(b, listSheets(b)[0].id, 'rows', 2, 1);
		sync();
		expect(listCharts(a)).toEqual(listCharts(b));
		expect(getChart(a, id)).toMatchObject({
			title: 'Retitled',
			type: 'line',
			series: [{ range: 'Sheet1!B2:B5' }]
		});
	});

	it('converges when charts are added concurrently and one is deleted while edited', () => {
		const { a, b, sync } = replicas();
		const shared = addChart(a, RENT_SPEC);
		sync();
		const fromA = addChart(a, { ...RENT_SPEC, title: 'A' });
		const fromB = addChart(b, { ...RENT_SPEC, title: 'B' });
		deleteChart(a, shared);
		updateChart(b, shared, { title: 'edited while deleted' });
		sync();
		expect(listCharts(a)).toEqual(listCharts(b));
		expect(
			listCharts(a)
				.map((chart) => chart.id)
				.sort()
		).toEqual([fromA, fromB].sort());
	});
});
