/**
 * A workbook read once into plain data for the file exporters (XLSX, CSV, PDF): each sheet's
 * cells with what was typed (formulas rendered to A1 text), the computed value, the number
 * format and bold, column widths, and the defined names. Capturing inside a room read keeps the
 * document's state consistent for the whole file; the exporters then work on plain data and never
 * touch Yjs, so they can run after the read (and off the document's turn).
 */
import type * as Y from 'yjs';
import { isFormulaInput, metaMap, splitCellKey, type CellInput } from '../../core/document';
import {
	axisOf,
	listNameEntries,
	listSheetEntries,
	referenceContext
} from '../../core/document-view';
import type { CellResult, WorkbookEvaluator } from '../../core/evaluator';
import { renderFormula } from '../../core/formula-refs';
import type { CurrencyCode } from '../../core/number-format';
import { AppError } from '../errors';

/** Most cells one export may carry (the import limit, so whatever we export can come back). */
export const MAX_EXPORT_CELLS = 1_000_000;

/** One non-empty cell of a captured sheet (zero-based position). */
export interface CapturedCell {
	row: number;
	col: number;
	/** A formula as A1 text with its leading `=`, or the stored value. */
	input: { formula: string } | number | boolean | string | null;
	result: CellResult;
	format?: string;
	bold?: boolean;
}

/** One captured sheet, cells in row-major order. */
export interface CapturedSheet {
	name: string;
	rowCount: number;
	colCount: number;
	/** Column widths in pixels by zero-based column index (only those set). */
	colWidths: Map<number, number>;
	cells: CapturedCell[];
}

/** A whole workbook as plain data. */
export interface CapturedWorkbook {
	currency: CurrencyCode;
	sheets: CapturedSheet[];
	/** Defined names with their reference as absolute A1 text without `=` (`Inputs!$B$2`). */
	names: { name: string; ref: string }[];
}

/**
 * Reads `doc` into plain data with values from `evaluator`. Only `sheetNames` when given (in
 * that order, case-insensitive). Throws 413 `too_many_cells` past {@link MAX_EXPORT_CELLS}.
 */
export function captureWorkbook(
	doc: Y.Doc,
	evaluator: WorkbookEvaluator,
	sheetNames?: string[]
): CapturedWorkbook {
	const context = referenceContext(doc);
	const wanted = sheetNames?.map((name) => name.trim().toLowerCase());
	const sheets: CapturedSheet[] = [];
	let total = 0;
	for (const sheet of listSheetEntries(doc)) {
		if (wanted && !wanted.includes(sheet.name.toLowerCase())) continue;
		const rows = axisOf(doc, sheet, 'rows');
		const cols = axisOf(doc, sheet, 'cols');
		const keys = new Set<string>([...sheet.cells.keys(), ...sheet.formats.keys()]);
		for (const key of sheet.styles.keys()) keys.add(key);
		total += keys.size;
		if (total > MAX_EXPORT_CELLS) {
			throw new AppError(
				413,
				'too_many_cells',
				`This workbook has more than ${MAX_EXPORT_CELLS} cells, the most one export can hold.`
			);
		}
		const cells: CapturedCell[] = [];
		for (const key of keys) {
			const { rowId, colId } = splitCellKey(key);
			const row = rows.indexOf.get(rowId);
			const col = cols.indexOf.get(colId);
			if (row === undefined || col === undefined) continue;
			const stored = sheet.cells.get(key) as CellInput | undefined;
			const cell: CapturedCell = {
				row,
				col,
				input:
					stored === undefined || stored === null
						? null
						: isFormulaInput(stored)
							? { formula: renderFormula(stored.f, sheet.id, context) }
							: stored,
				result: stored === undefined ? { value: null } : evaluator.getValue(sheet.id, rowId, colId)
			};
			const format = sheet.formats.get(key);
			if (format) cell.format = format;
			if (sheet.styles.get(key)?.bold) cell.bold = true;
			cells.push(cell);
		}
		cells.sort((a, b) => a.row - b.row || a.col - b.col);
		const colWidths = new Map<number, number>();
		for (const [colId, width] of sheet.colWidths.entries()) {
			const index = cols.indexOf.get(colId);
			if (index !== undefined && typeof width === 'number') colWidths.set(index, width);
		}
		sheets.push({
			name: sheet.name,
			rowCount: rows.ids.length,
			colCount: cols.ids.length,
			colWidths,
			cells
		});
	}
	const names = listNameEntries(doc).map((entry) => ({
		name: entry.name,
		ref: renderFormula(entry.expr, '', context, { forceAbsolute: true }).slice(1)
	}));
	const currency = (metaMap(doc).get('currency') as CurrencyCode | undefined) ?? 'USD';
	return { currency, sheets, names };
}
