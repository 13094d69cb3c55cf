/**
 * Plain data shared by the workbook templates: which templates exist and the charts each one
 * should get once the document has a chart schema (see `chartsMap` in `document.ts`).
 */

/** Chart kinds a template may ask for (Chart.js types; `stackedBar` is a bar chart stacked). */
export type TemplateChartType = 'line' | 'bar' | 'stackedBar' | 'pie' | 'doughnut';

/** One series of a template chart: its legend name and the A1 range of its values. */
export interface TemplateChartSeries {
	name: string;
	range: string;
}

/**
 * A chart a template wants, as data only: `labelsRange` and each series' `range` are A1 ranges
 * on `sheet`, of the same length (a row or a column).
 */
export interface TemplateChart {
	type: TemplateChartType;
	title: string;
	sheet: string;
	labelsRange: string;
	series: TemplateChartSeries[];
}

/** A template as listed to people: stable id, title and a one-sentence description. */
export interface TemplateInfo {
	id: string;
	title: string;
	description: string;
}
