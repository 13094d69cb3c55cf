/**
 * What the grid reads computed values from. The session provides one (state/values/: the core
 * evaluator on the main thread, or a Web Worker for large workbooks); the editor's pure logic
 * only needs this shape, so it does not depend on the session.
 */
import type { CellResult } from '$lib/core/evaluator';

/** Computed values by cell identity. */
export interface CellValueSource {
	getValue(sheetId: string, rowId: string, colId: string): CellResult;
	/** Calls `listener` whenever values may have changed (after the doc or the worker moved). */
	onChange(listener: () => void): () => void;
	destroy(): void;
}
