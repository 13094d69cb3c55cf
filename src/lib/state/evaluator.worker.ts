/**
 * Evaluation off the main thread for large workbooks: a replica of the Y.Doc fed with the
 * tab's updates, the core evaluator on it, and computed values of formula cells posted back.
 * Messages in: `{ type: 'update', update }` (any time, also before init) and `{ type: 'init',
 * state? }` (builds the engine on the replica, after applying `state` if given). Out: `{ entries }`.
 */
import * as Y from 'yjs';
import { isFormulaInput, splitCellKey } from '$lib/core/document';
import { listSheetEntries } from '$lib/core/document-view';
import { createEvaluator, type WorkbookEvaluator } from '$lib/core/evaluator';
import type { WorkerValueEntry } from './worker-values';

const doc = new Y.Doc();
let evaluator: WorkbookEvaluator | null = null;

function entry(sheetId: string, rowId: string, colId: string): WorkerValueEntry {
	const result = evaluator!.getValue(sheetId, rowId, colId);
	return [`${sheetId}:${rowId}:${colId}`, result.value, result.error?.code, result.error?.message];
}

self.onmessage = (
	event: MessageEvent<{ type: string; state?: Uint8Array; update?: Uint8Array }>
) => {
	const message = event.data;
	if (message.type === 'init' && !evaluator) {
		if (message.state) Y.applyUpdate(doc, message.state, 'main');
		evaluator = createEvaluator(doc);
		const entries: WorkerValueEntry[] = [];
		for (const sheet of listSheetEntries(doc)) {
			sheet.cells.forEach((input, key) => {
				if (!isFormulaInput(input)) return;
				const { rowId, colId } = splitCellKey(key);
				entries.push(entry(sheet.id, rowId, colId));
			});
		}
		evaluator.onChange((changes) => {
			self.postMessage({
				entries: changes.map((change) => entry(change.sheetId, change.rowId, change.colId))
			});
		});
		self.postMessage({ entries });
	} else if (message.type === 'update' && message.update) {
		Y.applyUpdate(doc, message.update, 'main');
	}
};
