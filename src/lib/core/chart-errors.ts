/**
 * Typed errors of the chart operations (see `charts.ts`). Like every deliberate core error they
 * extend {@link WorkbookError}, so routes map them to a 4xx with their message.
 */
import { WorkbookError } from './errors';

/** A chart spec or patch that is malformed: unknown type, bad range, too many series, … */
export class InvalidChartError extends WorkbookError {
	constructor(reason: string) {
		super('invalid_chart', `Invalid chart: ${reason}.`);
	}
}

/** A chart id that the workbook does not have (never created, or deleted). */
export class UnknownChartError extends WorkbookError {
	constructor(chartId: string) {
		super('unknown_chart', `There is no chart "${chartId}" in this workbook.`, 'missing');
	}
}
