/**
 * Evaluation off the main thread for large workbooks: a replica of the Y.Doc fed with the
 * tab's updates, the core evaluator on it, and computed values of formula cells posted back
 * (the messages are in evaluator-messages.ts). With `cache`, the values of every formula and
 * the document state they belong to are kept on the device after the first evaluation and
 * after changes (see cached-values.ts).
 */
import * as Y from 'yjs';
import { createEvaluator, type WorkbookEvaluator } from '$lib/core/evaluator';
import { listVolatileFunctionNames } from '$lib/core/formula-engine';
import {
	collectFormulaEntries,
	documentFingerprint,
	toValueEntry,
	usesVolatileFunctions,
	type ValueEntry
} from './cached-values';
import {
	clearCachedValues,
	writeCachedValues,
	type ValuesCacheOptions
} from './values-cache-store';
import type { FromEvaluatorWorker, ToEvaluatorWorker } from './evaluator-messages';

/** Quiet time after a change before the values are kept again: saving is not free. */
const SAVE_DELAY_MS = 1_000;

const doc = new Y.Doc();
let evaluator: WorkbookEvaluator | null = null;
let cache: ValuesCacheOptions | null = null;
let saveTimer: ReturnType<typeof setTimeout> | null = null;

function entry(sheetId: string, rowId: string, colId: string): ValueEntry {
	return toValueEntry(`${sheetId}:${rowId}:${colId}`, evaluator!.getValue(sheetId, rowId, colId));
}

function saveValues(entries?: ValueEntry[]): void {
	saveTimer = null;
	if (!cache || !evaluator) return;
	if (usesVolatileFunctions(doc, listVolatileFunctionNames())) {
		void clearCachedValues(cache.key);
		return;
	}
	const fingerprint = documentFingerprint(doc);
	entries ??= collectFormulaEntries(doc, (...id) => evaluator!.getValue(...id));
	void writeCachedValues(cache.key, { appVersion: cache.appVersion, fingerprint, entries });
}

function scheduleSave(): void {
	if (!cache || !evaluator) return;
	if (saveTimer !== null) clearTimeout(saveTimer);
	saveTimer = setTimeout(() => saveValues(), SAVE_DELAY_MS);
}

function post(message: FromEvaluatorWorker): void {
	self.postMessage(message);
}

self.onmessage = (event: MessageEvent<ToEvaluatorWorker>) => {
	const message = event.data;
	if (message.type === 'init' && !evaluator) {
		if (message.state) Y.applyUpdate(doc, message.state, 'main');
		evaluator = createEvaluator(doc);
		const entries = collectFormulaEntries(doc, (...id) => evaluator!.getValue(...id));
		evaluator.onChange((changes) => {
			post({
				entries: changes.map((change) => entry(change.sheetId, change.rowId, change.colId))
			});
		});
		post({ entries });
		cache = message.cache ?? null;
		// At once: the tab may be closed soon after its values appear.
		saveValues(entries);
	} else if (message.type === 'update' && message.update) {
		Y.applyUpdate(doc, message.update, 'main');
		scheduleSave();
	}
};
