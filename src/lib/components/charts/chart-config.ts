/**
 * Pure mapping from {@link ChartData} (what `readChartData` computes) to Chart.js: the config a
 * new chart is built with, and the in-place update that redraws it when values change. Kept
 * apart from `ChartView.svelte` so it can be tested without a canvas.
 */
import type { ChartConfiguration, ChartDataset } from 'chart.js';
import type { ChartData, ChartType } from '$lib/core/charts';

/** Series colours: distinguishable, readable on white, starting with the app's accent. */
export const CHART_COLORS = [
	'#0f766e',
	'#2563eb',
	'#d97706',
	'#7c3aed',
	'#dc2626',
	'#0891b2',
	'#db2777',
	'#4b5563'
] as const;

/** The Chart.js type that draws a chart type (`stackedBar` is a bar chart with stacked axes). */
export function chartJsType(type: ChartType): 'bar' | 'line' | 'pie' | 'doughnut' {
	return type === 'stackedBar' ? 'bar' : type;
}

/** Whether the chart has slices (pie, doughnut) rather than axes. */
function isCircular(type: ChartType): boolean {
	return type === 'pie' || type === 'doughnut';
}

function colorAt(index: number): string {
	return CHART_COLORS[index % CHART_COLORS.length];
}

/** One Chart.js dataset for series `index` of a chart of `type`. */
function datasetFor(
	type: ChartType,
	series: ChartData['datasets'][number],
	index: number
): ChartDataset<'bar' | 'line' | 'pie' | 'doughnut', (number | null)[]> {
	const data = [...series.data];
	if (isCircular(type)) {
		return {
			label: series.label,
			data,
			backgroundColor: data.map((_, i) => colorAt(i)),
			borderColor: '#ffffff',
			borderWidth: 1
		};
	}
	const color = colorAt(index);
	return type === 'line'
		? {
				label: series.label,
				data,
				borderColor: color,
				backgroundColor: color,
				pointRadius: data.length > 40 ? 0 : 3,
				tension: 0.2,
				spanGaps: false
			}
		: { label: series.label, data, backgroundColor: color, borderColor: color, borderWidth: 0 };
}

/** The Chart.js configuration of a new chart showing `data`. */
export function chartConfig(data: ChartData): ChartConfiguration {
	const circular = isCircular(data.type);
	const stacked = data.type === 'stackedBar';
	return {
		type: chartJsType(data.type),
		data: {
			labels: [...data.labels],
			datasets: data.datasets.map((series, index) => datasetFor(data.type, series, index))
		},
		options: {
			responsive: true,
			maintainAspectRatio: false,
			animation: { duration: 250 },
			plugins: {
				legend: { display: circular || data.datasets.length > 1, position: 'bottom' }
			},
			scales: circular
				? {}
				: {
						x: { stacked },
						y: { stacked, beginAtZero: data.type !== 'line' }
					}
		}
	} as ChartConfiguration;
}

/** The part of a Chart.js instance {@link applyChartData} writes (so specs can pass a fake). */
export interface UpdatableChart {
	data: ChartConfiguration['data'];
}

/**
 * Writes `data` into an existing chart of the same type, reusing its dataset objects so Chart.js
 * animates from the old values instead of redrawing from scratch. Call `chart.update()` after.
 * A change of chart type needs a new chart (Chart.js cannot switch controllers in place).
 */
export function applyChartData(chart: UpdatableChart, data: ChartData): void {
	chart.data.labels = [...data.labels];
	const datasets = chart.data.datasets;
	data.datasets.forEach((series, index) => {
		const next = datasetFor(data.type, series, index);
		if (datasets[index]) Object.assign(datasets[index], next);
		else datasets.push(next as (typeof datasets)[number]);
	});
	datasets.length = data.datasets.length;
}
