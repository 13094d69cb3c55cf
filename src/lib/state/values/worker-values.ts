/**
 * Computed values from a Web Worker (see `evaluator.worker.ts`) for workbooks too large to
 * evaluate on the main thread without janking typing and scrolling. Plain inputs are read from
 * the document directly, so they paint at once; formula results arrive from the worker.
 *
 * The worker can be started before the document has loaded: it receives every update of the
 * document from the first one on, so its script loads and its replica fills while IndexedDB and
 * the socket are still loading here; {@link WorkerValues.start} then only builds the engine.
 *
 * With a cache (see `cached-values.ts`), the values kept from the last visit are shown as soon
 * as the document has loaded, if it is exactly the document they were computed from; they give
 * way to the worker's at its first answer, or to blanks at the first change before that.
 */
import * as Y from 'yjs';
import { cellKey, isFormulaInput } from '$lib/core/document';
import { sheetById } from '$lib/core/document-view';
import type { CellResult } from '$lib/core/evaluator';
import type { CellValueSource } from './cell-values';
import { entryToResult, matchingCachedEntries, type CachedValues } from './cached-values';
import type { ValuesCacheOptions } from './values-cache-store';
import { handleError } from '../handle-error';
import type { FromEvaluatorWorker, ToEvaluatorWorker } from './evaluator-messages';
import EvaluatorWorker from './evaluator.worker?worker';

/** Where the worker keeps values, and the values kept from the last visit (read early). */
export interface WorkerValuesCache {
	options: ValuesCacheOptions;
	kept: Promise<CachedValues | null>;
}

/** Values computed by a worker that follows the document's updates. */
export class WorkerValues implements CellValueSource {
	private readonly worker: Worker;
	private readonly results = new Map<string, CellResult>();
	private readonly listeners = new Set<() => void>();
	/** Whether {@link results} holds cached values (none from the worker yet). */
	private showingCached = false;
	private answered = false;
	private readonly handleUpdate = (update: Uint8Array) => {
		this.send({ type: 'update', update });
		if (this.showingCached) {
			// The cached values belong to the document as it was: none may be shown as current.
			this.showingCached = false;
			this.results.clear();
			this.notify();
		}
	};

	/** `cache`: where values are kept between visits; none for a session that keeps nothing. */
	constructor(
		private readonly doc: Y.Doc,
		private readonly cache?: WorkerValuesCache
	) {
		this.worker = new EvaluatorWorker();
		this.worker.onmessage = (event: MessageEvent<FromEvaluatorWorker>) => {
			if (this.showingCached) this.results.clear();
			this.showingCached = false;
			this.answered = true;
			for (const entry of event.data.entries) this.results.set(entry[0], entryToResult(entry));
			this.notify();
		};
		this.worker.onerror = (event) => {
			handleError(
				event.error ?? event.message,
				'Formulas could not be calculated. Reload to retry.'
			);
		};
		// An empty document needs no snapshot: every update from here on is forwarded.
		const state = doc.store.clients.size > 0 ? Y.encodeStateAsUpdate(doc) : undefined;
		if (state) this.send({ type: 'update', update: state });
		doc.on('update', this.handleUpdate);
	}

	/**
	 * Builds the engine on what the document holds by now and posts every formula's value;
	 * meanwhile shows the cached values if they belong to exactly this document.
	 */
	start(): void {
		const cache = this.cache;
		if (!cache) {
			this.send({ type: 'init' });
			return;
		}
		this.send({ type: 'init', cache: cache.options });
		void cache.kept.then((cached) => {
			if (this.answered) return;
			const entries = matchingCachedEntries(cached, this.doc, cache.options.appVersion);
			if (!entries) return;
			for (const entry of entries) this.results.set(entry[0], entryToResult(entry));
			this.showingCached = true;
			this.notify();
		});
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

	private send(message: ToEvaluatorWorker): void {
		this.worker.postMessage(message);
	}

	private notify(): void {
		for (const listener of this.listeners) listener();
	}
}
