import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addChart, deleteChart, listCharts, readChartData, updateChart } from './charts';
import { createEvaluator } from './evaluator';
import { setCellInputs } from './operations/cells';
import { deleteLines, insertLines } from './operations/structure';
import { listSheets, seedBlankWorkbook } from './workbook-api';

type Step =
	| { kind: 'title'; title: string }
	| { kind: 'type'; type: 'bar' | 'line' | 'pie' }
	| { kind: 'ranges'; last: number }
	| { kind: 'insertRows'; at: number }
	| { kind: 'deleteRow'; at: number }
	| { kind: 'add' }
	| { kind: 'delete' };

const step: fc.Arbitrary<Step> = fc.oneof(
	fc.constantFrom('A', 'B', 'C').map((title) => ({ kind: 'title' as const, title })),
	fc.constantFrom('bar' as const, 'line' as const, 'pie' as const).map((type) => ({
		kind: 'type' as const,
		type
	})),
	fc.integer({ min: 2, max: 8 }).map((last) => ({ kind: 'ranges' as const, last })),
	fc.integer({ min: 0, max: 8 }).map((at) => ({ kind: 'insertRows' as const, at })),
	fc.integer({ min: 0, max: 8 }).map((at) => ({ kind: 'deleteRow' as const, at })),
	fc.constant({ kind: 'add' as const }),
	fc.constant({ kind: 'delete' as const })
);

function apply(doc: Y.Doc, action: Step): void {
	const sheetId = listSheets(doc)[0].id;
	const first = listCharts(doc)[0]?.id;
	const spec = { type: 'bar' as const, title: 'New', labels: 'A1:A4', series: [] };
	switch (action.kind) {
		case 'title':
			if (first) updateChart(doc, first, { title: action.title });
			return;
		case 'type':
			if (first) updateChart(doc, first, { type: action.type });
			return;
		case 'ranges':
			if (first) updateChart(doc, first, { series: [{ name: 'S', range: `B1:B${action.last}` }] });
			return;
		case 'insertRows':
			insertLines(doc, sheetId, 'rows', action.at, 1);
			return;
		case 'deleteRow':
			deleteLines(doc, sheetId, 'rows', action.at, 1);
			return;
		case 'add':
			addChart(doc, { ...spec, series: [{ name: 'S', range: 'B2:B5' }] });
			return;
		case 'delete':
			if (first) deleteChart(doc, first);
	}
}

describe('charts converge across replicas', { timeout: 60_000 }, () => {
	it('agree on every chart and its data whatever two people do concurrently', () => {
		fc.assert(
			fc.property(
				fc.array(step, { maxLength: 6 }),
				fc.array(step, { maxLength: 6 }),
				(left, right) => {
					const a = new Y.Doc();
					seedBlankWorkbook(a);
					const sheetId = listSheets(a)[0].id;
					setCellInputs(
						a,
						sheetId,
						Array.from({ length: 10 }, (_, i) => [
							{ address: `A${i + 1}`, text: `L${i + 1}` },
							{ address: `B${i + 1}`, text: String(i + 1) }
						]).flat()
					);
					addChart(a, {
						type: 'bar',
						title: 'Start',
						labels: 'A1:A6',
						series: [{ name: 'S', range: 'B1:B6' }]
					});
					const b = new Y.Doc();
					Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
					for (const action of left) apply(a, action);
					for (const action of right) apply(b, action);
					Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
					Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
					expect(listCharts(a)).toEqual(listCharts(b));
					const [ea, eb] = [createEvaluator(a), createEvaluator(b)];
					try {
						for (const chart of listCharts(a)) {
							expect(readChartData(a, ea, chart.id)).toEqual(readChartData(b, eb, chart.id));
						}
					} finally {
						ea.destroy();
						eb.destroy();
					}
				}
			),
			{ numRuns: 40 }
		);
	});
});
