/**
 * Worker thread that builds snapshots (see snapshot-builder.ts). It receives a document's stored
 * parts (its last snapshot, then every committed update after it) and answers with the state
 * they make, so the encoding — tens of milliseconds for a large workbook — never blocks the
 * server's event loop.
 *
 * Plain JavaScript: it must start the same way under tsx, `vite dev` and the built server.
 */
import { answerRequests } from '../threads/answer-requests.js';
import { buildState } from './snapshot-state.js';

answerRequests(
	(/** @type {{ parts: Uint8Array[] }} */ { parts }) => buildState(parts),
	// Handed over, not copied: encodeStateAsUpdate returns bytes of their own.
	(/** @type {Uint8Array} */ state) => [/** @type {ArrayBuffer} */ (state.buffer)]
);
