/**
 * An evaluation worker thread (see evaluation-pool.ts, which starts and replaces them). The
 * evaluation itself is the workbook core's TypeScript, so this entry registers tsx's loader on
 * its own thread first — a worker starts without the loader the server runs under — then answers
 * requests one after another with a ReplicaCache (evaluation-tasks.ts), reads and exports alike.
 *
 * Plain JavaScript: it must start the same way under tsx, `vite dev` and the built server.
 */
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';
import { answerRequests } from '../threads/answer-requests.js';

register();
const { ReplicaCache } = await import('./evaluation-tasks.ts');
const cache = new ReplicaCache(
	/** @type {{ cachedWorkbooks: number }} */ (workerData).cachedWorkbooks
);

/**
 * An export's file bytes and an import's document state are handed over to the server rather
 * than copied (export-build.ts and import-build.ts make them own their buffers).
 * @param {any} answer
 * @returns {ArrayBuffer[]}
 */
function handedOverBuffers(answer) {
	const value = answer?.kind === 'value' ? answer.value : undefined;
	const bytes = value?.bytes ?? value?.state;
	return bytes instanceof Uint8Array && bytes.buffer instanceof ArrayBuffer ? [bytes.buffer] : [];
}

answerRequests(
	(/** @type {any} */ request) => (request.kind === 'warm-up' ? null : cache.perform(request)),
	handedOverBuffers
);
