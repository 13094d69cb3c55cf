/**
 * The tab's what-if calculator: asks the what-if worker (see `what-if.worker.ts`) for scenario
 * comparisons, sensitivity tables and goal seeks over the open document. Every update of the
 * document is forwarded, so an answer always reflects every change made before the request.
 */
import * as Y from 'yjs';
import type {
	Comparison,
	GoalSeekRequest,
	GoalSeekResult,
	SensitivityRequest,
	SensitivityTable
} from '$lib/core/scenario-evaluation';
import WhatIfWorker from './what-if.worker?worker';

/** What the worker can be asked. */
export type WhatIfTask =
	| { kind: 'compare'; names: string[] | null }
	| ({ kind: 'sensitivity' } & SensitivityRequest)
	| ({ kind: 'goalSeek' } & GoalSeekRequest);

/** What each task answers. */
export interface WhatIfResults {
	compare: Comparison;
	sensitivity: SensitivityTable;
	goalSeek: GoalSeekResult;
}

/** A refusal from the core (unknown name, no solution…), with its code and message. */
export class WhatIfError extends Error {
	constructor(
		readonly code: string,
		message: string
	) {
		super(message);
	}
}

type Pending = { resolve: (value: unknown) => void; reject: (error: Error) => void };

/** One worker per open workbook tab, started on first use; call {@link destroy} when leaving. */
export class WhatIfCalculator {
	private worker: Worker | null = null;
	private nextId = 1;
	private readonly pending = new Map<number, Pending>();
	private readonly handleUpdate = (update: Uint8Array) =>
		this.worker?.postMessage({ type: 'update', update });

	constructor(private readonly doc: Y.Doc) {}

	/** Runs `task` on the worker with the document as it is now. */
	run<K extends WhatIfTask['kind']>(task: WhatIfTask & { kind: K }): Promise<WhatIfResults[K]> {
		const worker = this.start();
		const id = this.nextId++;
		return new Promise((resolve, reject) => {
			this.pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
			worker.postMessage({ type: 'request', id, task });
		});
	}

	destroy(): void {
		this.doc.off('update', this.handleUpdate);
		this.worker?.terminate();
		this.worker = null;
		for (const { reject } of this.pending.values()) reject(new Error('closed'));
		this.pending.clear();
	}

	private start(): Worker {
		if (this.worker) return this.worker;
		const worker = new WhatIfWorker();
		worker.onmessage = (
			event: MessageEvent<{
				id: number;
				value?: unknown;
				error?: { code: string; message: string };
			}>
		) => {
			const waiting = this.pending.get(event.data.id);
			if (!waiting) return;
			this.pending.delete(event.data.id);
			const { error } = event.data;
			if (error) waiting.reject(new WhatIfError(error.code, error.message));
			else waiting.resolve(event.data.value);
		};
		worker.postMessage({ type: 'update', update: Y.encodeStateAsUpdate(this.doc) });
		this.doc.on('update', this.handleUpdate);
		this.worker = worker;
		return worker;
	}
}
