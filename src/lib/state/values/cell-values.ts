/**
 * Where the grid reads computed values from: the core evaluator on the main thread for ordinary
 * workbooks, or a Web Worker for large ones (see `worker-values.ts`). Both follow the Y.Doc.
 */
import type * as Y from 'yjs';
import { cellKey, isFormulaInput } from '$lib/core/document';
import { sheetById } from '$lib/core/document-view';
import { createEvaluator, type CellResult, type WorkbookEvaluator } from '$lib/core/evaluator';
import type { CellValueSource } from '$lib/editor/value-source';

export type { CellValueSource };

/** Cells above which evaluation moves off the main thread. */
export const WORKER_THRESHOLD_CELLS = 20_000;

/** The core evaluator, evaluated synchronously on this thread. */
export class MainThreadValues implements CellValueSource {
	private readonly evaluator: WorkbookEvaluator;

	constructor(doc: Y.Doc) {
		this.evaluator = createEvaluator(doc);
	}

	getValue(sheetId: string, rowId: string, colId: string): CellResult {
		return this.evaluator.getValue(sheetId, rowId, colId);
	}

	onChange(listener: () => void): () => void {
		return this.evaluator.onChange(() => listener());
	}

	destroy(): void {
		this.evaluator.destroy();
	}
}

/**
 * The inputs themselves, without formulas: the fallback when the formula engine refuses a
 * workbook (HyperFormula's default limit is 40,000 rows a sheet), so the sheet still opens.
 */
export class InputOnlyValues implements CellValueSource {
	constructor(private readonly doc: Y.Doc) {}

	getValue(sheetId: string, rowId: string, colId: string): CellResult {
		const input = sheetById(this.doc, sheetId)?.cells.get(cellKey(rowId, colId));
		if (input === undefined) return { value: null };
		if (isFormulaInput(input)) {
			return {
				value: '#N/A',
				error: { code: '#N/A', message: 'Formulas are not calculated in this workbook.' }
			};
		}
		return { value: input };
	}

	onChange(): () => void {
		return () => {};
	}

	destroy(): void {}
}
