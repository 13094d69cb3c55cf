/**
 * "Fit to data" for a double-clicked column edge: the widest shown text in the column, measured
 * with the grid's font on a canvas, plus padding.
 */
import type * as Y from 'yjs';
import { splitCellKey } from '$lib/core/document';
import { sheetById } from '$lib/core/document-view';
import { axisOf } from '$lib/core/document-view';
import type { CurrencyCode } from '$lib/core/number-format';
import { formatLookup, viewCell } from './cell-display';
import { DEFAULT_COL_WIDTH, MIN_COL_WIDTH } from './grid-geometry';
import type { CellValueSource } from './value-source';

/** What fitting a column reads: the open workbook (the session provides it). */
export interface ColumnSource {
	readonly doc: Y.Doc;
	readonly values: CellValueSource | null;
	readonly currency: CurrencyCode;
}

let context: CanvasRenderingContext2D | null = null;

/** The width in pixels that shows every value of column `col` in full. */
export function fitColumnWidth(session: ColumnSource, sheetId: string, col: number): number {
	const sheet = sheetById(session.doc, sheetId);
	const colId = sheet ? axisOf(session.doc, sheet, 'cols').ids[col] : undefined;
	if (!sheet || !colId) return DEFAULT_COL_WIDTH;
	context ??= document.createElement('canvas').getContext('2d');
	if (!context) return DEFAULT_COL_WIDTH;
	let widest = 0;
	for (const key of sheet.cells.keys()) {
		const { rowId, colId: keyCol } = splitCellKey(key);
		if (keyCol !== colId) continue;
		const result = session.values?.getValue(sheetId, rowId, colId) ?? { value: null };
		const view = viewCell(sheet, rowId, colId, result, session.currency, formatLookup(session.doc));
		context.font = `${view.bold ? 'bold ' : ''}13px Arial, Roboto, sans-serif`;
		widest = Math.max(widest, context.measureText(view.text).width);
	}
	return widest === 0 ? DEFAULT_COL_WIDTH : Math.max(MIN_COL_WIDTH, Math.ceil(widest + 12));
}
