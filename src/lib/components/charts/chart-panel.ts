/**
 * Pure helpers of the chart panel: reading every chart with its data (one broken chart never
 * hides the others), deciding which document changes can move a chart's data, and converting
 * between a chart and the edit dialog's form.
 */
import * as Y from 'yjs';
import {
	listCharts,
	readChartData,
	type ChartData,
	type ChartInfo,
	type ChartPatch,
	type ChartType,
	type ChartValueSource
} from '$lib/core/charts';
import { parseRange } from '$lib/core/addresses';
import { cellKey, chartsMap, metaMap, sheetsMap } from '$lib/core/document';
import { axisOf, sheetByName } from '$lib/core/document-view';
import { formatValue, type CurrencyCode } from '$lib/core/number-format';
import { displayFormat, formatLookup } from '$lib/editor/cell-display';
import type { ValueFormatter } from './chart-config';

/** Names people see for each chart type. */
export const CHART_TYPE_LABELS: Record<ChartType, string> = {
	bar: 'Bar',
	stackedBar: 'Stacked bar',
	line: 'Line',
	pie: 'Pie',
	doughnut: 'Doughnut'
};

/** A chart as the panel shows it: null data when it could not be read. */
export interface PanelChart {
	info: ChartInfo;
	data: ChartData | null;
	/** Numbers as the first cell of each series shows them. */
	format: ValueFormatter;
	/** True when a range lost all its rows or its sheet (renders `#REF!`). */
	broken: boolean;
}

/** Every chart in order with its data; a chart that fails to read gets null data. */
export function readPanelCharts(doc: Y.Doc, values: ChartValueSource): PanelChart[] {
	return listCharts(doc).map((info) => {
		const broken =
			info.labels === '#REF!' || info.series.some((series) => series.range === '#REF!');
		const format = chartValueFormatter(doc, info);
		try {
			return { info, data: readChartData(doc, values, info.id), broken, format };
		} catch {
			return { info, data: null, broken: true, format };
		}
	});
}

/** Whether Yjs type `type` is `root` or nested inside it. */
function isWithin(type: { parent: unknown } | null, root: unknown): boolean {
	for (let current = type; current; current = current.parent as { parent: unknown } | null) {
		if (current === root) return true;
	}
	return false;
}

/**
 * Whether a transaction may change what a chart shows without the evaluator reporting new
 * values: rows or columns inserted, moved or deleted, sheets renamed, formats or charts edited.
 */
export function affectsCharts(transaction: Y.Transaction, doc: Y.Doc): boolean {
	const sheets = sheetsMap(doc);
	const charts = chartsMap(doc);
	for (const type of transaction.changed.keys()) {
		if (isWithin(type, sheets) || isWithin(type, charts)) return true;
	}
	return false;
}

/** What the edit dialog holds: ranges as typed, relative to the chart's sheet when on it. */
export interface ChartDraft {
	type: ChartType;
	title: string;
	labels: string;
	series: { name: string; range: string }[];
}

/** The format the first cell of a sheet-qualified range is shown in (set or automatic). */
function rangeFormat(doc: Y.Doc, range: string): string | undefined {
	const bang = range.lastIndexOf('!');
	if (bang < 0) return undefined;
	const quoted = range.slice(0, bang);
	const name = quoted.startsWith("'") ? quoted.slice(1, -1).replaceAll("''", "'") : quoted;
	const sheet = sheetByName(doc, name);
	if (!sheet) return undefined;
	try {
		const { top, left } = parseRange(range.slice(bang + 1));
		const rowId = axisOf(doc, sheet, 'rows').ids[top];
		const colId = axisOf(doc, sheet, 'cols').ids[left];
		if (rowId === undefined || colId === undefined) return undefined;
		return displayFormat(sheet, cellKey(rowId, colId), 0, formatLookup(doc));
	} catch {
		return undefined;
	}
}

/**
 * How a chart's tooltips and axis show numbers: in the format of each series' first cell (so
 * dollars stay dollars), else grouped with at most two decimals — never `11852.353`.
 */
export function chartValueFormatter(doc: Y.Doc, info: ChartInfo): ValueFormatter {
	const stored = metaMap(doc).get('currency');
	const currency = (typeof stored === 'string' ? stored : 'USD') as CurrencyCode;
	const formats = info.series.map((series) => rangeFormat(doc, series.range));
	return (value, series) => {
		const format =
			formats[series] ?? formats[0] ?? (Number.isInteger(value) ? '#,##0' : '#,##0.00');
		return formatValue(value, format, { currency });
	};
}

/**
 * The dialog's form for an existing chart: every range with its sheet (`'Cash flow'!B2:B13`), so
 * it is clear where the data comes from whichever sheet is shown.
 */
export function draftFromChart(info: ChartInfo): ChartDraft {
	return {
		type: info.type,
		title: info.title,
		labels: info.labels ?? '',
		series: info.series.map((series) => ({ name: series.name, range: series.range }))
	};
}

/** The patch a saved dialog applies (unqualified ranges resolve on `sheet`, the chart's sheet). */
export function patchFromDraft(draft: ChartDraft, sheet: string | null): ChartPatch {
	const patch: ChartPatch = {
		type: draft.type,
		title: draft.title,
		labels: draft.labels.trim() === '' ? null : draft.labels.trim(),
		series: draft.series
			.filter((series) => series.range.trim() !== '' || series.name.trim() !== '')
			.map((series) => ({ name: series.name.trim(), range: series.range.trim() }))
	};
	if (sheet !== null) patch.sheet = sheet;
	return patch;
}
