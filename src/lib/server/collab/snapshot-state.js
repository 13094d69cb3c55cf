/**
 * The state of the document a room's stored parts make: shared by the snapshot worker and its
 * fallback on the event loop (snapshot-builder.ts). Plain JavaScript, like the worker.
 */
import * as Y from 'yjs';

/**
 * Applies `parts` (a snapshot, then the updates after it) to a fresh document, in order, and
 * returns its state as one update.
 * @param {readonly Uint8Array[]} parts
 * @returns {Uint8Array}
 */
export function buildState(parts) {
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
