/**
 * Template charts into the document: each {@link TemplateChart} becomes an ordinary chart (see
 * `charts.ts`), so a workbook made from a template opens with its charts, which people can then
 * edit or delete like any other. `seedTemplate` calls this inside its one transaction.
 */
import type * as Y from 'yjs';
import { addChart } from '../charts';
import { transact, type Origin } from '../operations/shared';
import type { TemplateChart } from './types';

/**
 * Adds `charts` (ranges on each chart's `sheet`) after the document's existing charts, in one
 * transaction with `origin` (joining the caller's, when there is one). Returns the new ids.
 *
 * @throws the chart operations' typed errors when a chart names a missing sheet or a bad range
 *   (a template bug: the templates' specs seed every template and read every chart).
 */
export function addTemplateCharts(doc: Y.Doc, charts: TemplateChart[], origin?: Origin): string[] {
	return transact(doc, origin, () =>
		charts.map((chart) =>
			addChart(
				doc,
				{
					type: chart.type,
					title: chart.title,
					sheet: chart.sheet,
					labels: chart.labelsRange,
					series: chart.series.map((series) => ({ ...series }))
				},
				origin
			)
		)
	);
}
