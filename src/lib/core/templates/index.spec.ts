import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { parseRange } from '../addresses';
import { listSheets } from '../workbook-api';
import {
	TEMPLATES,
	UnknownTemplateError,
	WorkbookNotEmptyError,
	isTemplateId,
	seedTemplate,
	templateCharts
} from './index';

/** Number of cells an A1 range of one row or one column spans. */
function lengthOf(range: string): number {
	const bounds = parseRange(range);
	const rows = bounds.bottom - bounds.top + 1;
	const cols = bounds.right - bounds.left + 1;
	expect(rows === 1 || cols === 1, `${range} is one row or one column`).toBe(true);
	return rows * cols;
}

describe('template registry', { timeout: 60_000 }, () => {
	it('lists the five templates with an id, a title and a description', () => {
		expect(TEMPLATES.map((t) => t.id)).toEqual([
			'property',
			'budget',
			'forecast',
			'networth',
			'portfolio'
		]);
		for (const template of TEMPLATES) {
			expect(template.title).not.toBe('');
			expect(template.description).not.toBe('');
			expect(isTemplateId(template.id)).toBe(true);
		}
		expect(isTemplateId('castle')).toBe(false);
	});

	it('seeds each template in one transaction with the given origin', () => {
		for (const { id } of TEMPLATES) {
			const doc = new Y.Doc();
			const origins: unknown[] = [];
			doc.on('afterTransaction', (transaction: Y.Transaction) => origins.push(transaction.origin));
			seedTemplate(doc, id, 'seed-origin');
			expect(origins, id).toEqual(['seed-origin']);
			expect(doc.getMap('meta').get('schemaVersion')).toBe(2);
		}
	});

	it('describes charts whose sheets exist and whose ranges line up', () => {
		for (const { id } of TEMPLATES) {
			const doc = new Y.Doc();
			seedTemplate(doc, id);
			const sheets = listSheets(doc).map((sheet) => sheet.name);
			const charts = templateCharts(id);
			expect(charts.length, id).toBeGreaterThan(0);
			for (const chart of charts) {
				expect(sheets, chart.title).toContain(chart.sheet);
				const labels = lengthOf(chart.labelsRange);
				for (const series of chart.series) expect(lengthOf(series.range), series.name).toBe(labels);
			}
		}
	});

	it('hands out copies of the chart data', () => {
		templateCharts('property')[0].series[0].name = 'changed';
		expect(templateCharts('property')[0].series[0].name).not.toBe('changed');
	});

	it('refuses an unknown template id with a typed error', () => {
		expect(() => seedTemplate(new Y.Doc(), 'castle')).toThrow(UnknownTemplateError);
		expect(() => templateCharts('castle')).toThrow(UnknownTemplateError);
	});

	it('refuses a document that already has sheets, writing nothing', () => {
		const doc = new Y.Doc();
		seedTemplate(doc, 'budget');
		const before = Y.encodeStateVector(doc);
		expect(() => seedTemplate(doc, 'networth')).toThrow(WorkbookNotEmptyError);
		expect(Y.encodeStateVector(doc)).toEqual(before);
	});
});
