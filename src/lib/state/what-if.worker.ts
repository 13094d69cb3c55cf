/**
 * Scenario comparisons, sensitivity tables and goal seeks in the browser, off the main thread:
 * a replica of the Y.Doc fed the tab's updates and one evaluator on it, switched between
 * scenario overlays by the core (`scenario-evaluation.ts`, the same code the server runs, so
 * both show the same numbers). The engine is built at the first request and then follows the
 * replica incrementally, and comparisons remember each scenario's outputs until a change may
 * move them (`scenario-cache.ts`): a keystroke in one scenario re-evaluates that scenario only.
 *
 * In: `{ type: 'update', update }`, `{ type: 'request', id, task }`. Out: `{ id, value }` or
 * `{ id, error: { code, message } }`.
 */
import * as Y from 'yjs';
import { WorkbookError } from '$lib/core/errors';
import { createEvaluator, type WorkbookEvaluator } from '$lib/core/evaluator';
import { ComparisonCache } from '$lib/core/scenario-cache';
import { compareScenarios, goalSeek, runSensitivity } from '$lib/core/scenario-evaluation';
import type { WhatIfTask } from './what-if';

const doc = new Y.Doc();
let evaluator: WorkbookEvaluator | null = null;
const comparisons = new ComparisonCache(doc);

function perform(task: WhatIfTask): unknown {
	evaluator ??= createEvaluator(doc);
	switch (task.kind) {
		case 'compare':
			return compareScenarios(doc, evaluator, task.names, comparisons);
		case 'sensitivity':
			return runSensitivity(doc, evaluator, task);
		case 'goalSeek':
			return goalSeek(doc, evaluator, task);
	}
}

self.onmessage = (
	event: MessageEvent<{ type: string; update?: Uint8Array; id?: number; task?: WhatIfTask }>
) => {
	const message = event.data;
	if (message.type === 'update' && message.update) {
		Y.applyUpdate(doc, message.update, 'main');
	} else if (message.type === 'request' && message.task) {
		try {
			self.postMessage({ id: message.id, value: perform(message.task) });
		} catch (error) {
			const known = error instanceof WorkbookError;
			self.postMessage({
				id: message.id,
				error: {
					code: known ? error.code : 'internal',
					message: known ? error.message : 'This could not be calculated.'
				}
			});
		}
	}
};
