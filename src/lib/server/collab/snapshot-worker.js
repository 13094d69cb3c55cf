/**
 * Worker thread that builds snapshots (see snapshot-builder.ts). It receives a document's stored
 * parts (its last snapshot, then every committed update after it) and answers with the state
 * they make, so the encoding — tens of milliseconds for a large workbook — never blocks the
 * server's event loop.
 *
 * Plain JavaScript: it must start the same way under tsx, `vite dev` and the built server.
 */
import { parentPort } from 'node:worker_threads';
import { buildState } from './snapshot-state.js';

parentPort?.on(
	'message',
	/** @param {{ id: number, parts: Uint8Array[] }} job */
	({ id, parts }) => {
		try {
			const state = buildState(parts);
			// Handed over, not copied: encodeStateAsUpdate returns bytes of their own.
			parentPort?.postMessage({ id, state }, [/** @type {ArrayBuffer} */ (state.buffer)]);
		} catch (error) {
			parentPort?.postMessage({
				id,
				error: error instanceof Error ? error.message : String(error)
			});
		}
	}
);
