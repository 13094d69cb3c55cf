import { describe, expect, it } from 'vitest';
import type { ChartData } from '$lib/core/charts';
import {
	CHART_COLORS,
	OTHER_LABEL,
	applyChartData,
	chartConfig,
	chartJsType,
	groupSmallSlices
} from './chart-config';

const DATA: ChartData = {
	type: 'stackedBar',
	title: 'Value',
	labels: ['Fund A', 'Fund B'],
	datasets: [
		{ label: 'Distributions', data: [10, null] },
		{ label: 'Valuation', data: [20, 30] }
	]
};

describe('chart.js configuration from chart data', () => {
	it('draws a stacked bar as a bar chart with stacked axes and a legend', () => {
		const config = chartConfig(DATA);
		expect(config.type).toBe('bar');
		expect(config.options?.scales).toMatchObject({ x: { stacked: true }, y: { stacked: true } });
		expect(config.options?.plugins?.legend?.display).toBe(true);
		expect(config.data.datasets.map((dataset) => dataset.backgroundColor)).toEqual([
			CHART_COLORS[0],
			CHART_COLORS[1]
		]);
	});

	it('colours each slice of a pie and drops the axes', () => {
		const config = chartConfig({ ...DATA, type: 'pie', datasets: [DATA.datasets[1]] });
		expect(chartJsType('pie')).toBe('pie');
		expect(config.options?.scales).toEqual({});
		expect(config.data.datasets[0].backgroundColor).toEqual([CHART_COLORS[0], CHART_COLORS[1]]);
	});

	it('copies the data so Chart.js never holds the caller’s arrays', () => {
		const config = chartConfig(DATA);
		expect(config.data.labels).not.toBe(DATA.labels);
		expect(config.data.datasets[1].data).not.toBe(DATA.datasets[1].data);
	});

	it('updates a chart in place, keeping its dataset objects and trimming removed series', () => {
		const chart = { data: chartConfig(DATA).data };
		const first = chart.data.datasets[0];
		applyChartData(chart, {
			...DATA,
			labels: ['Fund A', 'Fund B', 'Fund C'],
			datasets: [{ label: 'Distributions', data: [11, 12, 13] }]
		});
		expect(chart.data.labels).toEqual(['Fund A', 'Fund B', 'Fund C']);
		expect(chart.data.datasets).toHaveLength(1);
		expect(chart.data.datasets[0]).toBe(first);
		expect(first.data).toEqual([11, 12, 13]);
	});

	it('adds datasets for new series', () => {
		const chart = { data: chartConfig({ ...DATA, datasets: [DATA.datasets[0]] }).data };
		applyChartData(chart, DATA);
		expect(chart.data.datasets.map((dataset) => dataset.label)).toEqual([
			'Distributions',
			'Valuation'
		]);
	});
});

describe('slices, legends and tooltips', () => {
	const categories = Array.from({ length: 25 }, (_, i) => `Line ${i + 1}`);
	const many: ChartData = {
		type: 'doughnut',
		title: 'Expenses',
		labels: categories,
		datasets: [{ label: 'Annual', data: categories.map((_, i) => (i + 1) * 100) }]
	};

	it('has twenty distinct colours, so a pie of fifteen lines never repeats one', () => {
		expect(new Set(CHART_COLORS).size).toBeGreaterThanOrEqual(20);
		const fifteen = { ...many, labels: categories.slice(0, 15) };
		fifteen.datasets = [{ label: 'Annual', data: many.datasets[0].data.slice(0, 15) }];
		const colours = chartConfig(groupSmallSlices(fifteen)).data.datasets[0].backgroundColor;
		expect(new Set(colours as string[]).size).toBe(15);
	});

	it('groups the smallest slices as Other past twenty, keeping the total', () => {
		const grouped = groupSmallSlices(many);
		expect(grouped.labels).toHaveLength(CHART_COLORS.length);
		expect(grouped.labels.at(-1)).toBe(OTHER_LABEL);
		expect(grouped.labels).toContain('Line 25');
		expect(grouped.labels).not.toContain('Line 1');
		const total = (data: ChartData) =>
			data.datasets[0].data.reduce<number>((sum, v) => sum + (v ?? 0), 0);
		expect(total(grouped)).toBe(total(many));
		expect(groupSmallSlices(DATA)).toBe(DATA);
	});

	it('formats tooltips as the cells show their numbers, and leaves pie legends to the page', () => {
		const config = chartConfig(many, (value) => `$${value.toFixed(2)}`);
		expect(config.options?.plugins?.legend?.display).toBe(false);
		const label = config.options?.plugins?.tooltip?.callbacks?.label as (item: unknown) => string;
		expect(label({ raw: 11852.353, datasetIndex: 0, label: 'Depreciation', dataset: {} })).toBe(
			'Depreciation: $11852.35'
		);
	});
});
