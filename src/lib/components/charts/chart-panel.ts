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
import { chartsMap, sheetsMap } from '$lib/core/document';
import { quoteSheetName } from '$lib/core/formula-refs';

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
	/** True when a range lost all its rows or its sheet (renders `#REF!`). */
	broken: boolean;
}

/** Every chart in order with its data; a chart that fails to read gets null data. */
export function readPanelCharts(doc: Y.Doc, values: ChartValueSource): PanelChart[] {
	return listCharts(doc).map((info) => {
		const broken =
			info.labels === '#REF!' || info.series.some((series) => series.range === '#REF!');
		try {
			return { info, data: readChartData(doc, values, info.id), broken };
		} catch {
			return { info, data: null, broken: true };
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

function localRange(range: string | null, sheet: string | null): string {
	if (!range) return '';
	const prefix = sheet === null ? null : `${quoteSheetName(sheet)}!`;
	return prefix && range.startsWith(prefix) ? range.slice(prefix.length) : range;
}

/** The dialog's form for an existing chart. */
export function draftFromChart(info: ChartInfo): ChartDraft {
	return {
		type: info.type,
		title: info.title,
		labels: localRange(info.labels, info.sheet),
		series: info.series.map((series) => ({
			name: series.name,
			range: localRange(series.range, info.sheet)
		}))
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
