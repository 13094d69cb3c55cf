/**
 * Workbook templates: the registry people pick from when they create a workbook, and
 * {@link seedTemplate}, which fills a new, empty document with one of them in a single Yjs
 * transaction using only the core operations (so the result is an ordinary workbook: every
 * number visible and editable, key inputs and outputs as defined names).
 */
import type * as Y from 'yjs';
import { namesMap } from '../document';
import { listSheetEntries } from '../document-view';
import { transact, type Origin } from '../operations/shared';
import { writeTemplate, type TemplateSpec } from './builder';
import { addTemplateCharts } from './charts-seed';
import { UnknownTemplateError, WorkbookNotEmptyError } from './errors';
import { BUDGET_CHARTS, buildBudgetTemplate } from './budget';
import { FORECAST_CHARTS, buildForecastTemplate } from './forecast';
import { NETWORTH_CHARTS, buildNetWorthTemplate } from './networth';
import { PORTFOLIO_CHARTS, buildPortfolioTemplate } from './portfolio';
import { PROPERTY_CHARTS, buildPropertyTemplate } from './property';
import type { TemplateChart, TemplateInfo } from './types';

export { UnknownTemplateError, WorkbookNotEmptyError } from './errors';
export type { TemplateChart, TemplateChartSeries, TemplateChartType, TemplateInfo } from './types';

interface TemplateDefinition extends TemplateInfo {
	build: () => TemplateSpec;
	charts: TemplateChart[];
}

const DEFINITIONS: TemplateDefinition[] = [
	{
		id: 'property',
		title: 'Rental property',
		description:
			'Purchase, financing, rents by unit, Schedule E expenses, loan amortisation, a 10-year ' +
			'projection with IRR, depreciation and a ledger of actuals against plan.',
		build: buildPropertyTemplate,
		charts: PROPERTY_CHARTS
	},
	{
		id: 'budget',
		title: 'Monthly budget',
		description:
			'Budget and actual spending by category for each month of a year; unspent money rolls ' +
			'forward into the next month, with variances and a year-to-date view.',
		build: buildBudgetTemplate,
		charts: BUDGET_CHARTS
	},
	{
		id: 'forecast',
		title: '13-week cash-flow forecast',
		description:
			'Obligations in any currency (weekly, monthly, quarterly or once) expand into a weekly ' +
			'schedule: inflows, outflows, ending balance and a confidence-weighted balance.',
		build: buildForecastTemplate,
		charts: FORECAST_CHARTS
	},
	{
		id: 'networth',
		title: 'Net worth',
		description:
			'Assets and liabilities by category with a value for each month: net worth over time ' +
			'and the allocation of assets against target percentages.',
		build: buildNetWorthTemplate,
		charts: NETWORTH_CHARTS
	},
	{
		id: 'portfolio',
		title: 'Investment portfolio',
		description:
			'Funds and companies with contributions, fees, distributions and valuations: MOIC, ' +
			'TVPI, DPI and IRR from dated cash flows, and quarterly KPIs per company.',
		build: buildPortfolioTemplate,
		charts: PORTFOLIO_CHARTS
	}
];

/** The templates offered when creating a workbook, in display order. */
export const TEMPLATES: readonly TemplateInfo[] = DEFINITIONS.map(({ id, title, description }) => ({
	id,
	title,
	description
}));

function definitionOf(templateId: string): TemplateDefinition {
	const definition = DEFINITIONS.find((candidate) => candidate.id === templateId);
	if (!definition) throw new UnknownTemplateError(templateId);
	return definition;
}

/** Whether `templateId` names a template in {@link TEMPLATES}. */
export function isTemplateId(templateId: string): boolean {
	return DEFINITIONS.some((candidate) => candidate.id === templateId);
}

/**
 * The charts a template asks for, as plain data (the document's chart schema comes later).
 *
 * @throws UnknownTemplateError for an id not in {@link TEMPLATES}.
 */
export function templateCharts(templateId: string): TemplateChart[] {
	return definitionOf(templateId).charts.map((chart) => ({
		...chart,
		series: chart.series.map((series) => ({ ...series }))
	}));
}

/**
 * Fills an empty document (no sheets, no names) with template `templateId`: meta, sheets,
 * defined names, cells, formats, bold headers, column widths and charts (`charts-seed.ts`), all
 * in one transaction with `origin`. Call it instead of `seedBlankWorkbook` when a workbook is
 * created from a template.
 *
 * @throws UnknownTemplateError for an id not in {@link TEMPLATES};
 *   WorkbookNotEmptyError when the document already has sheets or names (nothing is written).
 */
export function seedTemplate(doc: Y.Doc, templateId: string, origin?: Origin): void {
	const definition = definitionOf(templateId);
	if (listSheetEntries(doc).length > 0 || namesMap(doc).size > 0) {
		throw new WorkbookNotEmptyError();
	}
	transact(doc, origin, () => {
		writeTemplate(doc, definition.build(), origin);
		addTemplateCharts(doc, definition.charts, origin);
	});
}
