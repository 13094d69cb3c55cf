import { describe, expect, it } from 'vitest';
import type { ChartData } from '$lib/core/charts';
import { CHART_COLORS, applyChartData, chartConfig, chartJsType } from './chart-config';

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
