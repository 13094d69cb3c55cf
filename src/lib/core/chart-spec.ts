/**
 * Charts as callers describe them: the spec of a new chart, the patch of an edit, their limits,
 * and the validators that turn untrusted JSON (API bodies, the chart dialog) into those types.
 * Ranges here are A1 text (`B2:B13` on the chart's sheet, or `'Other sheet'!B2:B13`); binding
 * them to row and column identities happens in `chart-ranges.ts`.
 */
import { InvalidChartError } from './chart-errors';
import type { TemplateChartType } from './templates/types';

/** Chart kinds: Chart.js types, `stackedBar` being a bar chart with stacked series. */
export type ChartType = TemplateChartType;

/** Every {@link ChartType}, in the order the chart dialog offers them. */
export const CHART_TYPES: readonly ChartType[] = ['bar', 'stackedBar', 'line', 'pie', 'doughnut'];

/** Most series one chart may have. */
export const MAX_CHART_SERIES = 24;
/** Longest chart title, in characters. */
export const MAX_CHART_TITLE = 200;
/** Longest series name, in characters. */
export const MAX_SERIES_NAME = 100;
/** Most cells one chart range may span (a chart of more points is unreadable anyway). */
export const MAX_CHART_POINTS = 5_000;
/** Longest range text accepted. */
const MAX_RANGE_TEXT = 300;

/** One series as callers give it: legend name and A1 range of its values. */
export interface ChartSeriesSpec {
	name: string;
	range: string;
}

/**
 * A new chart. `sheet` (a sheet name) is where unqualified ranges live; when omitted, the sheet
 * of the first qualified range, else the first sheet. `labels` null means the categories are
 * numbered 1, 2, 3, ….
 */
export interface ChartSpec {
	type: ChartType;
	title: string;
	sheet?: string;
	labels: string | null;
	series: ChartSeriesSpec[];
}

/** An edit of a chart: only the fields given change (`sheet` only qualifies the ranges given). */
export interface ChartPatch {
	type?: ChartType;
	title?: string;
	sheet?: string;
	labels?: string | null;
	series?: ChartSeriesSpec[];
}

/** Whether `value` is a {@link ChartType}. */
export function isChartType(value: unknown): value is ChartType {
	return typeof value === 'string' && (CHART_TYPES as readonly string[]).includes(value);
}

function readObject(value: unknown, what: string): Record<string, unknown> {
	if (typeof value !== 'object' || value === null || Array.isArray(value)) {
		throw new InvalidChartError(`${what} must be an object`);
	}
	return value as Record<string, unknown>;
}

function readType(value: unknown): ChartType {
	if (!isChartType(value)) {
		throw new InvalidChartError(`type must be one of ${CHART_TYPES.join(', ')}`);
	}
	return value;
}

function readTitle(value: unknown): string {
	if (typeof value !== 'string') throw new InvalidChartError('title must be text');
	const title = value.trim();
	if (title.length > MAX_CHART_TITLE) {
		throw new InvalidChartError(`the title is longer than ${MAX_CHART_TITLE} characters`);
	}
	return title;
}

function readSheet(value: unknown): string {
	if (typeof value !== 'string' || value.trim() === '') {
		throw new InvalidChartError('sheet must be the name of a sheet');
	}
	return value.trim();
}

function readRange(value: unknown, what: string): string {
	if (typeof value !== 'string' || value.trim() === '') {
		throw new InvalidChartError(`${what} must be a range such as B2:B13`);
	}
	if (value.length > MAX_RANGE_TEXT) throw new InvalidChartError(`${what} is too long`);
	return value.trim();
}

function readLabels(value: unknown): string | null {
	if (value === null || value === undefined || value === '') return null;
	return readRange(value, 'labels');
}

function readSeries(value: unknown): ChartSeriesSpec[] {
	if (!Array.isArray(value) || value.length === 0) {
		throw new InvalidChartError('series must be a list of at least one { name, range }');
	}
	if (value.length > MAX_CHART_SERIES) {
		throw new InvalidChartError(`a chart can have at most ${MAX_CHART_SERIES} series`);
	}
	return value.map((item: unknown, index) => {
		const entry = readObject(item, `series[${index}]`);
		const name = entry.name ?? '';
		if (typeof name !== 'string') throw new InvalidChartError(`series[${index}].name must be text`);
		if (name.trim().length > MAX_SERIES_NAME) {
			throw new InvalidChartError(`series[${index}].name is longer than ${MAX_SERIES_NAME}`);
		}
		return { name: name.trim(), range: readRange(entry.range, `series[${index}].range`) };
	});
}

/**
 * Checks a chart spec from JSON: `{ type, title?, sheet?, labels?, series: [{ name, range }] }`.
 * Range syntax and sheet names are checked against the document when the chart is added.
 *
 * @throws InvalidChartError naming the first bad field.
 */
export function parseChartSpec(value: unknown): ChartSpec {
	const body = readObject(value, 'the chart');
	const spec: ChartSpec = {
		type: readType(body.type),
		title: body.title === undefined ? '' : readTitle(body.title),
		labels: readLabels(body.labels),
		series: readSeries(body.series)
	};
	if (body.sheet !== undefined && body.sheet !== null) spec.sheet = readSheet(body.sheet);
	return spec;
}

/**
 * Checks a chart edit from JSON: any of `type`, `title`, `sheet`, `labels` (null to number the
 * categories), `series`; at least one of them.
 *
 * @throws InvalidChartError naming the first bad field, or when nothing would change.
 */
export function parseChartPatch(value: unknown): ChartPatch {
	const body = readObject(value, 'the change');
	const patch: ChartPatch = {};
	if (body.type !== undefined) patch.type = readType(body.type);
	if (body.title !== undefined) patch.title = readTitle(body.title);
	if (body.sheet !== undefined && body.sheet !== null) patch.sheet = readSheet(body.sheet);
	if (body.labels !== undefined) patch.labels = readLabels(body.labels);
	if (body.series !== undefined) patch.series = readSeries(body.series);
	if (Object.keys(patch).length === 0) {
		throw new InvalidChartError('give at least one of type, title, labels or series');
	}
	return patch;
}
