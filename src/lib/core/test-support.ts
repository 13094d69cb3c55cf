/**
 * Helpers for specs and the fuzz script: a canonical rendering of a document (for comparing
 * replicas) and a snapshot of every computed value (for comparing evaluators).
 */
import { listOverrideCells, listScenarios } from './scenarios';
import type * as Y from 'yjs';
import { formatCellAddress } from './addresses';
import { isFormulaInput } from './document';
import { axisOf, listNameEntries, listSheetEntries, referenceContext } from './document-view';
import type { WorkbookEvaluator } from './evaluator';
import { renderFormula } from './formula-refs';

/** The document as people see it: sheets in order with rendered cells, formats and names. */
export function canonicalDocument(doc: Y.Doc): unknown {
	const context = referenceContext(doc);
	return {
		sheets: listSheetEntries(doc).map((sheet) => {
			const rows = axisOf(doc, sheet, 'rows');
			const cols = axisOf(doc, sheet, 'cols');
			const cells: Record<string, unknown> = {};
			for (const [key, input] of [...sheet.cells.entries()].sort()) {
				const [rowId, colId] = key.split(':');
				const row = rows.indexOf.get(rowId);
				const col = cols.indexOf.get(colId);
				if (row === undefined || col === undefined) continue;
				cells[formatCellAddress({ row, col })] = isFormulaInput(input)
					? renderFormula(input.f, sheet.id, context)
					: input;
			}
			return { id: sheet.id, name: sheet.name, rows: rows.ids, cols: cols.ids, cells };
		}),
		names: listNameEntries(doc).map((entry) => ({
			name: entry.name,
			expr: renderFormula(entry.expr, '', context, { forceAbsolute: true })
		})),
		scenarios: listScenarios(doc).map((scenario) => ({
			id: scenario.id,
			name: scenario.name,
			overrides: listOverrideCells(doc, scenario).map((cell) => ({
				sheet: cell.sheetId,
				at: formatCellAddress({ row: cell.row, col: cell.col }),
				value: cell.value
			}))
		}))
	};
}

/** Every non-empty cell's computed value per sheet, keyed by A1 address. */
export function snapshotValues(doc: Y.Doc, evaluator: WorkbookEvaluator): unknown {
	const result: Record<string, Record<string, unknown>> = {};
	for (const sheet of listSheetEntries(doc)) {
		const rows = axisOf(doc, sheet, 'rows');
		const cols = axisOf(doc, sheet, 'cols');
		const values: Record<string, unknown> = {};
		for (const key of [...sheet.cells.keys()].sort()) {
			const [rowId, colId] = key.split(':');
			const row = rows.indexOf.get(rowId);
			const col = cols.indexOf.get(colId);
			if (row === undefined || col === undefined) continue;
			const result = evaluator.getValue(sheet.id, rowId, colId);
			values[formatCellAddress({ row, col })] = result.error ? result.error.code : result.value;
		}
		result[sheet.name] = values;
	}
	return result;
}
