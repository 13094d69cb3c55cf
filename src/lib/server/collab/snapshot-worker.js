/**
 * Worker thread that builds snapshots (see snapshot-builder.ts). It receives a document's stored
 * parts (its last snapshot, then every committed update after it), applies them to a fresh
 * document and answers with that document's state, so the encoding — tens of milliseconds for
 * a large workbook — never blocks the server's event loop.
 *
 * Plain JavaScript: it must start the same way under tsx, `vite dev` and the built server.
 */
import { parentPort } from 'node:worker_threads';
import * as Y from 'yjs';

/**
 * @param {Uint8Array[]} parts
 * @returns {Uint8Array}
 */
function buildState(parts) {
	const doc = new Y.Doc();
	try {
		doc.transact(() => {
			for (const part of parts) Y.applyUpdate(doc, part);
		});
		return Y.encodeStateAsUpdate(doc);
	} finally {
		doc.destroy();
	}
}

parentPort?.on(
	'message',
	/** @param {{ id: number, parts: Uint8Array[] }} job */
	({ id, parts }) => {
		try {
			const state = buildState(parts);
			parentPort?.postMessage({ id, state }, [state.buffer]);
		} catch (error) {
			parentPort?.postMessage({
				id,
				error: error instanceof Error ? error.message : String(error)
			});
		}
	}
);
