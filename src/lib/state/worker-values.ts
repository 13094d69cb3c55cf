/**
 * Computed values from a Web Worker (see `evaluator.worker.ts`) for workbooks too large to
 * evaluate on the main thread without janking typing and scrolling. Plain inputs are read from
 * the document directly, so they paint at once; formula results arrive from the worker.
 *
 * The worker can be started before the document has loaded: it receives every update of the
 * document from the first one on, so its script loads and its replica fills while IndexedDB and
 * the socket are still loading here; {@link WorkerValues.start} then only builds the engine.
 */
import * as Y from 'yjs';
import { cellKey, isFormulaInput } from '$lib/core/document';
import { sheetById } from '$lib/core/document-view';
import type { CellResult } from '$lib/core/evaluator';
import type { CellValueSource } from './cell-values';
import { handleError } from '$lib/utils/handle-error';
import EvaluatorWorker from './evaluator.worker?worker';

/** `[sheetId:rowId:colId, value, errorCode?, errorMessage?]` as the worker posts it. */
export type WorkerValueEntry = [string, CellResult['value'], string?, string?];

/** Values computed by a worker that follows the document's updates. */
export class WorkerValues implements CellValueSource {
	private readonly worker: Worker;
	private readonly results = new Map<string, CellResult>();
	private readonly listeners = new Set<() => void>();
	private readonly handleUpdate = (update: Uint8Array) => {
		this.worker.postMessage({ type: 'update', update });
	};

	constructor(private readonly doc: Y.Doc) {
		this.worker = new EvaluatorWorker();
		this.worker.onmessage = (event: MessageEvent<{ entries: WorkerValueEntry[] }>) => {
			for (const [key, value, code, message] of event.data.entries) {
				this.results.set(
					key,
					code ? { value, error: { code, message: message ?? code } } : { value }
				);
			}
			for (const listener of this.listeners) listener();
		};
		this.worker.onerror = (event) => {
			handleError(
				event.error ?? event.message,
				'Formulas could not be calculated. Reload to retry.'
			);
		};
		// An empty document needs no snapshot: every update from here on is forwarded.
		const state = doc.store.clients.size > 0 ? Y.encodeStateAsUpdate(doc) : undefined;
		if (state) this.worker.postMessage({ type: 'update', update: state });
		doc.on('update', this.handleUpdate);
	}

	/** Builds the engine on what the document holds by now and posts every formula's value. */
	start(): void {
		this.worker.postMessage({ type: 'init' });
	}

	getValue(sheetId: string, rowId: string, colId: string): CellResult {
		const input = sheetById(this.doc, sheetId)?.cells.get(cellKey(rowId, colId));
		if (input === undefined) return { value: null };
		if (!isFormulaInput(input)) return { value: input };
		return this.results.get(`${sheetId}:${rowId}:${colId}`) ?? { value: null };
	}

	onChange(listener: () => void): () => void {
		this.listeners.add(listener);
		return () => this.listeners.delete(listener);
	}

	destroy(): void {
		this.doc.off('update', this.handleUpdate);
		this.worker.terminate();
		this.listeners.clear();
	}
}
