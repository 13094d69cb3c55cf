/**
 * Pure mapping from {@link ChartData} (what `readChartData` computes) to Chart.js: the config a
 * new chart is built with, and the in-place update that redraws it when values change. Kept
 * apart from `ChartView.svelte` so it can be tested without a canvas.
 */
import type { ChartConfiguration, ChartDataset, TooltipItem } from 'chart.js';
import type { ChartData, ChartType } from '$lib/core/charts';

/**
 * Series and slice colours: twenty distinguishable on white (hue and lightness both vary),
 * starting with the app's accent. A pie with more slices groups its smallest as "Other" (see
 * {@link groupSmallSlices}), so no two slices share a colour.
 */
export const CHART_COLORS = [
	'#0f766e',
	'#2563eb',
	'#d97706',
	'#7c3aed',
	'#dc2626',
	'#0891b2',
	'#db2777',
	'#4b5563',
	'#65a30d',
	'#92400e',
	'#1e3a8a',
	'#f472b6',
	'#facc15',
	'#14b8a6',
	'#9f1239',
	'#818cf8',
	'#ea580c',
	'#166534',
	'#c084fc',
	'#a3a3a3'
] as const;

/** Label of the slice that gathers the smallest ones. */
export const OTHER_LABEL = 'Other';

/**
 * A pie's or doughnut's data with at most {@link CHART_COLORS}.length slices: when there are
 * more, the largest keep their place and the rest are summed into one "Other" slice at the end.
 * Other chart types, and pies that fit, are returned unchanged.
 */
export function groupSmallSlices(data: ChartData): ChartData {
	const limit = CHART_COLORS.length;
	if (!isCircular(data.type) || data.labels.length <= limit || data.datasets.length === 0) {
		return data;
	}
	const values = data.datasets[0].data;
	const order = values
		.map((value, index) => ({ value: Math.abs(value ?? 0), index }))
		.sort((x, y) => y.value - x.value);
	const kept = new Set(order.slice(0, limit - 1).map((entry) => entry.index));
	const labels: string[] = [];
	const grouped = data.datasets.map((series) => ({
		label: series.label,
		data: [] as (number | null)[]
	}));
	const others = data.datasets.map(() => 0);
	data.labels.forEach((label, index) => {
		if (kept.has(index)) {
			labels.push(label);
			data.datasets.forEach((series, s) => grouped[s].data.push(series.data[index] ?? null));
		} else data.datasets.forEach((series, s) => (others[s] += series.data[index] ?? 0));
	});
	labels.push(OTHER_LABEL);
	grouped.forEach((series, s) => series.data.push(others[s]));
	return { ...data, labels, datasets: grouped };
}

/** Turns a number into text as its cells show it (series index given for per-series formats). */
export type ValueFormatter = (value: number, series: number) => string;

const plainNumber: ValueFormatter = (value) => value.toLocaleString('en-US');

/** The Chart.js type that draws a chart type (`stackedBar` is a bar chart with stacked axes). */
export function chartJsType(type: ChartType): 'bar' | 'line' | 'pie' | 'doughnut' {
	return type === 'stackedBar' ? 'bar' : type;
}

/** Whether the chart has slices (pie, doughnut) rather than axes. */
export function isCircular(type: ChartType): boolean {
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

/**
 * The Chart.js configuration of a new chart showing `data`; tooltips and the value axis show
 * numbers through `format` (as the cells show them). Pies and doughnuts get no Chart.js legend:
 * `ChartView` lists every slice itself, however many there are.
 */
export function chartConfig(
	data: ChartData,
	format: ValueFormatter = plainNumber
): ChartConfiguration {
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
				legend: { display: !circular && data.datasets.length > 1, position: 'bottom' },
				tooltip: {
					callbacks: {
						label: (item: TooltipItem<'bar'>) => {
							const raw = item.raw;
							const value = typeof raw === 'number' ? format(raw, item.datasetIndex) : '';
							const name = circular ? item.label : item.dataset.label;
							return name ? `${name}: ${value}` : value;
						}
					}
				}
			},
			scales: circular
				? {}
				: {
						x: { stacked },
						y: {
							stacked,
							beginAtZero: data.type !== 'line',
							ticks: {
								callback: (value: number | string) =>
									typeof value === 'number' ? format(value, 0) : value
							}
						}
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
