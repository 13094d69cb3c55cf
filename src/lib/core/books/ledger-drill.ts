/**
 * The ledger rows behind a Schedule E line for a tax year (the report's drill-down), read from
 * the document as the Schedule E sheet's SUMIFS selects them: the line in column D and the date
 * in column A within the year.
 */
import type * as Y from 'yjs';
import { cellKey, type CellInput } from '../document';
import { axisOf } from '../document-view';
import { serialFromDate } from '../values';
import { LEDGER_COLUMNS, requireLedger } from './ledger-doc';

/** One ledger row as the drill-down lists it (`row` is the 1-based sheet row). */
export interface DrillRow {
	row: number;
	rowId: string;
	date: number;
	payee: string;
	amount: number;
	direction: 'in' | 'out' | '';
	memo: string;
}

/** Most rows one drill-down answers. */
export const MAX_DRILL_ROWS = 5_000;

const text = (value: CellInput | undefined) =>
	value === undefined || typeof value === 'object' ? '' : String(value);

/** The ledger rows of `line` dated in `year`, in sheet order (at most {@link MAX_DRILL_ROWS}). */
export function ledgerRowsFor(doc: Y.Doc, year: number, line: number): DrillRow[] {
	const sheet = requireLedger(doc);
	const rowIds = axisOf(doc, sheet, 'rows').ids;
	const colIds = axisOf(doc, sheet, 'cols').ids;
	const from = serialFromDate(year, 1, 1);
	const to = serialFromDate(year, 12, 31);
	const rows: DrillRow[] = [];
	for (let r = 1; r < rowIds.length && rows.length < MAX_DRILL_ROWS; r++) {
		const get = (c: number) =>
			colIds[c] === undefined ? undefined : sheet.cells.get(cellKey(rowIds[r], colIds[c]));
		if (get(LEDGER_COLUMNS.line) !== line) continue;
		const date = get(LEDGER_COLUMNS.date);
		if (typeof date !== 'number' || date < from || date >= to + 1) continue;
		const amount = get(LEDGER_COLUMNS.amount);
		const direction = text(get(LEDGER_COLUMNS.direction)).toLowerCase();
		rows.push({
			row: r + 1,
			rowId: rowIds[r],
			date,
			payee: text(get(LEDGER_COLUMNS.payee)),
			amount: typeof amount === 'number' ? amount : 0,
			direction: direction === 'in' || direction === 'out' ? direction : '',
			memo: text(get(LEDGER_COLUMNS.memo))
		});
	}
	return rows;
}
