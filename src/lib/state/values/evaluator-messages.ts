/**
 * The messages between a tab and its evaluator worker (`evaluator.worker.ts`), typed once for
 * both sides.
 */
import type { ValueEntry } from './cached-values';
import type { ValuesCacheOptions } from './values-cache-store';

/**
 * To the worker: `update` forwards one of the document's updates (any time, also before
 * `init`); `init` builds the engine on the replica, after applying `state` if given, and with
 * `cache` keeps the values of every formula on the device (see cached-values.ts).
 */
export type ToEvaluatorWorker =
	| { type: 'update'; update: Uint8Array }
	| { type: 'init'; state?: Uint8Array; cache?: ValuesCacheOptions };

/** From the worker: computed values of formula cells (all of them after `init`, then changes). */
export interface FromEvaluatorWorker {
	entries: ValueEntry[];
}
