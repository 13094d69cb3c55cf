/**
 * `GET /api/v1/workbooks/:id/reports/schedule-e?year=` (viewers and view-only links): the
 * Schedule E report as the workbook's own formulas compute it, evaluated on an evaluation worker
 * (core/books/schedule-e-report.ts), as JSON or as a CSV, XLSX or PDF file; `&line=` lists the
 * ledger rows behind one line (the drill-down).
 */
import { ledgerRowsFor, type DrillRow } from '../../core/books/ledger-drill';
import { TAX_YEARS, type ScheduleEReport } from '../../core/books/schedule-e-report';
import { SCHEDULE_E_LINES } from '../../core/templates/property/schedule-e';
import { getRoomRegistry } from '../collab/room-registry';
import { invalidInput } from '../errors';
import type { Requester } from '../workbook-access';
import { evaluateInRoom } from '../workbook-cells';
import { getWorkbookSummary } from '../workbooks';
import { booksErrorToAppError, inBooksRoom } from './books-errors';

/** The report with the property's name (the workbook title). */
export type ScheduleEAnswer = ScheduleEReport & { property: string };

/** The tax year of `?year=`: this year when absent, 400 unless a whole year in range. */
export function readTaxYear(value: string | null): number {
	if (value === null || value === '') return new Date().getUTCFullYear();
	const year = Number(value);
	if (!Number.isInteger(year) || year < TAX_YEARS.min || year > TAX_YEARS.max) {
		throw invalidInput(`year must be a year from ${TAX_YEARS.min} to ${TAX_YEARS.max}.`, 'year');
	}
	return year;
}

/** The Schedule E line of `?line=`, 400 unless one of the form's lines. */
export function readLine(value: string): number {
	const line = Number(value);
	if (!SCHEDULE_E_LINES.some(([n]) => n === line)) {
		throw invalidInput('line must be a Schedule E line number from 3 to 21.', 'line');
	}
	return line;
}

/** The report for `year`. */
export async function scheduleEReport(
	who: Requester,
	workbookId: string,
	year: number
): Promise<ScheduleEAnswer> {
	const summary = await getWorkbookSummary(who, workbookId, 'viewer');
	try {
		const report = await evaluateInRoom(workbookId, { kind: 'schedule-e', year });
		return {
			year: report.year,
			property: summary.title,
			lines: report.lines,
			owners: report.owners
		};
	} catch (error) {
		throw booksErrorToAppError(error);
	}
}

/** The ledger rows behind `line` in `year` (lines 20 and 21 list every expense row / all rows). */
export async function scheduleELineRows(
	who: Requester,
	workbookId: string,
	year: number,
	line: number
): Promise<{ year: number; line: number; rows: DrillRow[] }> {
	await getWorkbookSummary(who, workbookId, 'viewer');
	const lines =
		line === 20 ? range(5, 19) : line === 21 ? range(3, 19) : line === 18 ? [18] : [line];
	const rows = await inBooksRoom(() =>
		getRoomRegistry().read(workbookId, (doc) =>
			lines.flatMap((n) => ledgerRowsFor(doc, year, n)).sort((a, b) => a.row - b.row)
		)
	);
	return { year, line, rows };
}

function range(from: number, to: number): number[] {
	return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}
