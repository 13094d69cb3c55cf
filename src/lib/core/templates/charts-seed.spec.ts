import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { listCharts, readChartData } from '../charts';
import { createEvaluator } from '../evaluator';
import { TEMPLATES, seedTemplate, templateCharts } from './index';

describe('template charts', { timeout: 60_000 }, () => {
	it.each(TEMPLATES.map((template) => template.id))(
		'seeds the %s template with its charts, every series drawing numbers',
		(id) => {
			const doc = new Y.Doc();
			seedTemplate(doc, id);
			const charts = listCharts(doc);
			expect(charts.map((chart) => chart.title)).toEqual(
				templateCharts(id).map((chart) => chart.title)
			);
			const evaluator = createEvaluator(doc);
			try {
				for (const chart of charts) {
					expect(chart.labels, chart.title).not.toContain('#REF!');
					const data = readChartData(doc, evaluator, chart.id);
					expect(data.labels.length, chart.title).toBeGreaterThan(0);
					expect(
						data.labels.some((label) => label !== ''),
						chart.title
					).toBe(true);
					for (const dataset of data.datasets) {
						expect(dataset.data.length, dataset.label).toBe(data.labels.length);
						expect(
							dataset.data.some((value) => value !== null),
							`${chart.title}: ${dataset.label}`
						).toBe(true);
					}
				}
			} finally {
				evaluator.destroy();
			}
		}
	);
});
