/**
 * Charts, part of the workbook document so everyone with the workbook open sees them live.
 *
 * Schema: the root `charts` Y.Map<chartId, Y.Map> (see `document.ts`), one nested Y.Map per chart
 * so concurrent edits of different fields (one person retitles, another changes the type) both
 * survive; edits of the same field are last-writer-wins; an edit racing a delete is dropped.
 * - `type`      {@link ChartType}
 * - `title`     string (may be empty)
 * - `labels`    StoredFormula | null — one sheet-qualified range (see `chart-ranges.ts`); null
 *               numbers the categories 1, 2, 3, …
 * - `series`    Array<{ name: string; range: StoredFormula }> (plain JSON, replaced whole)
 * - `position`  fractional order key (see `ids.ts`); charts are listed by (position, id)
 * - `createdAt` milliseconds since the epoch
 * Ranges are bound to row, column and sheet identities, so a chart follows inserted, moved and
 * deleted rows as formulas do. Entries that are not Y.Maps or lack a type are ignored by readers.
 */
import * as Y from 'yjs';
import { UnknownChartError } from './chart-errors';
import {
	bindChartRange,
	chartRangeSheetId,
	parseChartRange,
	renderChartRange,
	resolveChartRange,
	type ParsedChartRange
} from './chart-ranges';
import {
	isChartType,
	parseChartPatch,
	parseChartSpec,
	type ChartPatch,
	type ChartSpec,
	type ChartType
} from './chart-spec';
import { cellKey, chartsMap, metaMap } from './document';
import { isStoredFormula } from './document-schema';
import { listSheetEntries, requireSheet, sheetById } from './document-view';
import { UnknownSheetError } from './errors';
import type { CellResult } from './evaluator';
import type { StoredFormula } from './formula-refs';
import { createId, positionBetween } from './ids';
import { formatValue, type CurrencyCode } from './number-format';
import { transact, type Origin } from './operations/shared';

export { InvalidChartError, UnknownChartError } from './chart-errors';
export { chartFromSelection } from './chart-selection';
export {
	CHART_TYPES,
	MAX_CHART_SERIES,
	isChartType,
	parseChartPatch,
	parseChartSpec,
	type ChartPatch,
	type ChartSeriesSpec,
	type ChartSpec,
	type ChartType
} from './chart-spec';

/**
 * Where chart data reads computed values: a `WorkbookEvaluator`, or any source with the same
 * `getValue` (the browser's worker-backed values).
 */
export interface ChartValueSource {
	getValue(sheetId: string, rowId: string, colId: string): CellResult;
}

/** A chart as listed: ranges rendered as sheet-qualified A1 text (`#REF!` once deleted). */
export interface ChartInfo {
	id: string;
	type: ChartType;
	title: string;
	/** Name of the sheet of the first series (where unqualified edits resolve), if it exists. */
	sheet: string | null;
	labels: string | null;
	series: { name: string; range: string }[];
	position: string;
	createdAt: number;
}

/** What a chart draws: category labels and one list of numbers per series (null = gap). */
export interface ChartData {
	type: ChartType;
	title: string;
	labels: string[];
	datasets: { label: string; data: (number | null)[] }[];
}

interface StoredSeries {
	name: string;
	range: StoredFormula;
}

function chartEntries(doc: Y.Doc): { id: string; map: Y.Map<unknown>; position: string }[] {
	const entries: { id: string; map: Y.Map<unknown>; position: string }[] = [];
	chartsMap(doc).forEach((map, id) => {
		if (!(map instanceof Y.Map) || !isChartType(map.get('type'))) return;
		entries.push({ id, map, position: String(map.get('position') ?? '') });
	});
	return entries.sort((x, y) =>
		x.position < y.position ? -1 : x.position > y.position ? 1 : x.id < y.id ? -1 : 1
	);
}

function requireChart(doc: Y.Doc, chartId: string): Y.Map<unknown> {
	const map = chartsMap(doc).get(chartId);
	if (!(map instanceof Y.Map) || !isChartType(map.get('type'))) {
		throw new UnknownChartError(chartId);
	}
	return map;
}

function storedSeries(map: Y.Map<unknown>): StoredSeries[] {
	const series = map.get('series');
	// Malformed entries (stored before the schema was checked) are left out, never thrown on.
	if (!Array.isArray(series)) return [];
	return (series as StoredSeries[]).filter(
		(entry) => typeof entry?.name === 'string' && isStoredFormula(entry.range)
	);
}

function toInfo(doc: Y.Doc, id: string, map: Y.Map<unknown>): ChartInfo {
	const storedLabels: unknown = map.get('labels');
	const labels = isStoredFormula(storedLabels) ? storedLabels : null;
	const series = storedSeries(map);
	const sheetId = series[0] ? chartRangeSheetId(series[0].range) : undefined;
	return {
		id,
		type: map.get('type') as ChartType,
		title: String(map.get('title') ?? ''),
		sheet: (sheetId && sheetById(doc, sheetId)?.name) ?? null,
		labels: labels ? renderChartRange(doc, labels) : null,
		series: series.map((entry) => ({
			name: entry.name,
			range: renderChartRange(doc, entry.range)
		})),
		position: String(map.get('position') ?? ''),
		createdAt: Number(map.get('createdAt') ?? 0)
	};
}

/** Every chart of the workbook in display order. */
export function listCharts(doc: Y.Doc): ChartInfo[] {
	return chartEntries(doc).map(({ id, map }) => toInfo(doc, id, map));
}

/**
 * One chart by id.
 *
 * @throws UnknownChartError when the workbook has no such chart.
 */
export function getChart(doc: Y.Doc, chartId: string): ChartInfo {
	return toInfo(doc, chartId, requireChart(doc, chartId));
}

interface ParsedRanges {
	labels?: ParsedChartRange | null;
	series?: { name: string; range: ParsedChartRange }[];
}

function parseRanges(doc: Y.Doc, change: ChartPatch, defaultSheetId: string): ParsedRanges {
	const parsed: ParsedRanges = {};
	if (change.labels !== undefined) {
		parsed.labels =
			change.labels === null ? null : parseChartRange(doc, change.labels, defaultSheetId);
	}
	if (change.series) {
		parsed.series = change.series.map((entry) => ({
			name: entry.name,
			range: parseChartRange(doc, entry.range, defaultSheetId)
		}));
	}
	return parsed;
}

function writeRanges(doc: Y.Doc, map: Y.Map<unknown>, parsed: ParsedRanges): void {
	if (parsed.labels !== undefined) {
		map.set('labels', parsed.labels === null ? null : bindChartRange(doc, parsed.labels));
	}
	if (parsed.series) {
		const series: StoredSeries[] = parsed.series.map((entry) => ({
			name: entry.name,
			range: bindChartRange(doc, entry.range)
		}));
		map.set('series', series);
	}
}

/** The sheet unqualified ranges of `spec` resolve on (see {@link ChartSpec}). */
function defaultSheetOf(doc: Y.Doc, sheet: string | undefined, fallbackId?: string): string {
	if (sheet !== undefined) return requireSheet(doc, sheet).id;
	if (fallbackId && sheetById(doc, fallbackId)) return fallbackId;
	const first = listSheetEntries(doc)[0];
	if (!first) throw new UnknownSheetError('Sheet1');
	return first.id;
}

/**
 * Adds a chart after the existing ones in one transaction with `origin`; returns its id. The
 * spec is validated with {@link parseChartSpec} (so JSON from the network may be passed as is)
 * and every range checked before anything is written.
 *
 * @throws InvalidChartError, UnknownSheetError, InvalidAddressError, LimitExceededError; the
 *   document is untouched when it throws.
 */
export function addChart(doc: Y.Doc, spec: ChartSpec, origin?: Origin): string {
	const checked = parseChartSpec(spec);
	const parsed = parseRanges(doc, checked, defaultSheetOf(doc, checked.sheet));
	const entries = chartEntries(doc);
	const last = entries.at(-1)?.position;
	const id = createId(doc);
	transact(doc, origin, () => {
		const map = new Y.Map<unknown>();
		chartsMap(doc).set(id, map);
		map.set('type', checked.type);
		map.set('title', checked.title);
		map.set('position', positionBetween(last || undefined));
		map.set('createdAt', Date.now());
		writeRanges(doc, map, parsed);
	});
	return id;
}

/**
 * Changes the fields `patch` gives, in one transaction with `origin`. Unqualified ranges resolve
 * on `patch.sheet`, else on the chart's current sheet.
 *
 * @throws UnknownChartError, InvalidChartError, UnknownSheetError, InvalidAddressError,
 *   LimitExceededError; the document is untouched when it throws.
 */
export function updateChart(doc: Y.Doc, chartId: string, patch: ChartPatch, origin?: Origin): void {
	const checked = parseChartPatch(patch);
	const map = requireChart(doc, chartId);
	const first = storedSeries(map)[0];
	const current = first ? chartRangeSheetId(first.range) : undefined;
	const parsed = parseRanges(doc, checked, defaultSheetOf(doc, checked.sheet, current));
	transact(doc, origin, () => {
		if (checked.type !== undefined && checked.type !== map.get('type')) {
			map.set('type', checked.type);
		}
		if (checked.title !== undefined && checked.title !== map.get('title')) {
			map.set('title', checked.title);
		}
		writeRanges(doc, map, parsed);
	});
}

/**
 * Deletes a chart in one transaction with `origin`.
 *
 * @throws UnknownChartError when the workbook has no such chart.
 */
export function deleteChart(doc: Y.Doc, chartId: string, origin?: Origin): void {
	requireChart(doc, chartId);
	transact(doc, origin, () => chartsMap(doc).delete(chartId));
}

/** Cells of a resolved range in reading order (row by row), as [sheetId, rowId, colId]. */
function cellsOf(doc: Y.Doc, stored: StoredFormula | null | undefined): [string, string, string][] {
	const range = stored ? resolveChartRange(doc, stored) : null;
	if (!range) return [];
	const cells: [string, string, string][] = [];
	for (const rowId of range.rowIds) {
		for (const colId of range.colIds) cells.push([range.sheetId, rowId, colId]);
	}
	return cells;
}

/**
 * What a chart draws now: labels as the cells show them (with their number format, so dates
 * read as dates) and each series' numbers; text, booleans, errors and empty cells become null.
 * Series shorter than the labels are padded with null; labels shorter than the longest series
 * are padded with ''. A range whose rows were deleted (`#REF!`) yields no points.
 *
 * @throws UnknownChartError when the workbook has no such chart.
 */
export function readChartData(doc: Y.Doc, evaluator: ChartValueSource, chartId: string): ChartData {
	const map = requireChart(doc, chartId);
	const currency = (metaMap(doc).get('currency') as CurrencyCode | undefined) ?? 'USD';
	const series = storedSeries(map).map((entry) => ({
		label: entry.name,
		data: cellsOf(doc, entry.range).map(([sheetId, rowId, colId]) => {
			const { value, error } = evaluator.getValue(sheetId, rowId, colId);
			return !error && typeof value === 'number' && Number.isFinite(value) ? value : null;
		})
	}));
	const labelCells = map.get('labels') ? cellsOf(doc, map.get('labels') as StoredFormula) : null;
	let labels: string[];
	if (labelCells) {
		labels = labelCells.map(([sheetId, rowId, colId]) => {
			const { value, error } = evaluator.getValue(sheetId, rowId, colId);
			const format = sheetById(doc, sheetId)?.formats.get(cellKey(rowId, colId));
			return formatValue(error ? { error: error.code } : value, format, { currency });
		});
	} else {
		labels = [];
	}
	const length = Math.max(labels.length, ...series.map((entry) => entry.data.length));
	if (!labelCells) for (let i = labels.length; i < length; i++) labels.push(String(i + 1));
	while (labels.length < length) labels.push('');
	for (const entry of series) while (entry.data.length < length) entry.data.push(null);
	return {
		type: map.get('type') as ChartType,
		title: String(map.get('title') ?? ''),
		labels,
		datasets: series
	};
}
