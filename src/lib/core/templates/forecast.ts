/**
 * The cash-flow forecast template: obligations in any ISO 4217 currency expand into dated
 * occurrences (rule in `forecast/occurrence.ts`), convert to the base currency at the FX
 * sheet's rates (a missing rate is an error, never 1), and sum into a 13-week view (Forecast)
 * and a 12-month view (Monthly): scheduled in and out, confidence-weighted expected net, actual
 * payments and variance for past periods, and the running balance from the cash Accounts with
 * its low point and the first week below a minimum. Schedule and Status show each obligation's
 * due dates and what became of them.
 *
 * Every total covers whole columns of the input sheets (`forecast/refs.ts`), so a row typed
 * anywhere on Obligations, Payments, FX or Accounts counts, also after rows are inserted.
 */
import type { TemplateSpec } from './builder';
import {
	buildAccounts,
	buildCurrencies,
	buildFx,
	buildObligations,
	buildPayments
} from './forecast/inputs';
import { expandColumnNames } from './forecast/refs';
import { buildSchedule, buildStatus } from './forecast/schedule';
import { WEEK_FIRST, WEEK_LAST, buildForecast, buildMonthly } from './forecast/views';
import type { TemplateChart } from './types';

/** Builds the forecast template's description in base currency `currency` (default USD). */
export function buildForecastTemplate(options: { currency?: string } = {}): TemplateSpec {
	const sheets = [
		buildForecast(options.currency ?? 'USD'),
		buildObligations(),
		buildPayments(),
		buildFx(),
		buildAccounts(),
		buildMonthly(),
		buildSchedule(),
		buildStatus(),
		buildCurrencies()
	];
	for (const sheet of sheets) {
		for (const [address, text] of sheet.cells) {
			if (text.startsWith('=')) sheet.cells.set(address, expandColumnNames(text));
		}
	}
	return { sheets };
}

/** Charts the forecast template asks for. */
export const FORECAST_CHARTS: TemplateChart[] = [
	{
		type: 'line',
		title: 'Weekly balance',
		sheet: 'Forecast',
		labelsRange: `B${WEEK_FIRST}:B${WEEK_LAST}`,
		series: [{ name: 'Balance', range: `J${WEEK_FIRST}:J${WEEK_LAST}` }]
	},
	{
		type: 'bar',
		title: 'Scheduled vs actual net by week',
		sheet: 'Forecast',
		labelsRange: `B${WEEK_FIRST}:B${WEEK_LAST}`,
		series: [
			{ name: 'Expected net', range: `F${WEEK_FIRST}:F${WEEK_LAST}` },
			{ name: 'Actual net', range: `G${WEEK_FIRST}:G${WEEK_LAST}` }
		]
	}
];
