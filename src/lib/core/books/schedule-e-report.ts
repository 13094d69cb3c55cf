/**
 * The Schedule E report as the workbook computes it: the Schedule E sheet's lines for a tax
 * year, for the property and per owner. For a year other than the sheet's own, the year cell is
 * set in the evaluator's engine only (never in the document), read, and put back: the numbers
 * are the workbook's formulas, and nobody's view of the workbook changes.
 */
import type * as Y from 'yjs';
import { parseCellAddress } from '../addresses';
import { sheetByName } from '../document-view';
import type { WorkbookEvaluator } from '../evaluator';
import { OWNERS, SCHEDULE_E, SHEETS } from '../templates/property/layout';
import {
	SCHEDULE_E_LINES,
	SCHEDULE_E_OWNERS,
	scheduleERow
} from '../templates/property/schedule-e';
import { BooksError } from './errors';

/** Schedule E amounts by line number (`"3"` … `"21"`). */
export type ScheduleELines = Record<string, number>;

/** The report for one property and tax year. */
export interface ScheduleEReport {
	year: number;
	lines: ScheduleELines;
	owners: { name: string; share: number; lines: ScheduleELines }[];
}

/** Earliest and latest tax years a report may ask for. */
export const TAX_YEARS = { min: 1950, max: 2200 } as const;

function numberAt(evaluator: WorkbookEvaluator, sheet: string, address: string): number {
	const { value } = evaluator.getValueAt(sheet, address);
	return typeof value === 'number' ? Math.round(value * 100) / 100 : 0;
}

/** Reads the report (see the module comment); 404 when the workbook has no Schedule E sheet. */
export function readScheduleE(
	doc: Y.Doc,
	evaluator: WorkbookEvaluator,
	year: number
): ScheduleEReport {
	if (!sheetByName(doc, SHEETS.scheduleE) || !sheetByName(doc, SHEETS.owners)) {
		throw new BooksError(
			'no_schedule_e',
			'This workbook has no Schedule E and Owners sheets; create it from the property template.',
			404
		);
	}
	const { engine } = evaluator;
	const sheetId = engine.getSheetId(SHEETS.scheduleE)!;
	const { row, col } = parseCellAddress(SCHEDULE_E.year);
	const address = { sheet: sheetId, row, col };
	const previous = engine.getCellSerialized(address);
	const overridden = engine.getCellValue(address) !== year;
	if (overridden) engine.setCellContents(address, year);
	try {
		return readLines(evaluator, year);
	} finally {
		if (overridden) engine.setCellContents(address, previous);
	}
}

function readLines(evaluator: WorkbookEvaluator, year: number): ScheduleEReport {
	const linesOf = (column: string): ScheduleELines => {
		const lines: ScheduleELines = {};
		for (const [line] of SCHEDULE_E_LINES) {
			lines[String(line)] = numberAt(evaluator, SHEETS.scheduleE, `${column}${scheduleERow(line)}`);
		}
		return lines;
	};
	const owners: ScheduleEReport['owners'] = [];
	let total = 0;
	for (let i = 0; i < SCHEDULE_E_OWNERS; i++) {
		const r = OWNERS.firstRow + i;
		const name = evaluator.getValueAt(SHEETS.owners, `A${r}`).value;
		if (typeof name !== 'string' || name.trim() === '') continue;
		const share = evaluator.getValueAt(SHEETS.owners, `C${r}`).value;
		const value = typeof share === 'number' ? share : 0;
		total += value;
		const column = String.fromCharCode(SCHEDULE_E.firstOwnerColumn.charCodeAt(0) + i);
		owners.push({ name: name.trim(), share: value, lines: linesOf(column) });
	}
	if (owners.length > 0 && Math.abs(total - 1) > 1e-6) {
		throw new BooksError(
			'owner_shares',
			`The owners' shares on the Owners sheet total ${Math.round(total * 1e6) / 1e4}%; they must total 100%.`,
			422
		);
	}
	return { year, lines: linesOf(SCHEDULE_E.propertyColumn), owners };
}
