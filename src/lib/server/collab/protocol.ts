/**
 * The y-websocket wire format (as in y-websocket's server utils): every frame starts with a
 * message type — 0 sync (step 1, step 2 or update, from y-protocols/sync), 1 awareness,
 * 3 query awareness. These helpers build the frames the server sends (and the frames tests and
 * benchmarks send it).
 */
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';

/** Message types of the y-websocket protocol. */
export const MessageType = { sync: 0, awareness: 1, auth: 2, queryAwareness: 3 } as const;

/** Sync sub-types of y-protocols/sync. */
export const SyncType = {
	step1: syncProtocol.messageYjsSyncStep1,
	step2: syncProtocol.messageYjsSyncStep2,
	update: syncProtocol.messageYjsUpdate
} as const;

/** Sync step 1 carrying `doc`'s state vector: asks the peer for what the server lacks. */
export function encodeSyncStep1(doc: Y.Doc): Uint8Array {
	const encoder = encoding.createEncoder();
	encoding.writeVarUint(encoder, MessageType.sync);
	syncProtocol.writeSyncStep1(encoder, doc);
	return encoding.toUint8Array(encoder);
}

/** Sync step 2: everything in `doc` the peer with `stateVector` lacks. */
export function encodeSyncStep2(doc: Y.Doc, stateVector: Uint8Array): Uint8Array {
	return encodeSyncStep2FromUpdate(Y.encodeStateAsUpdate(doc, stateVector));
}

/** Sync step 2 carrying an already-encoded update (e.g. a stored snapshot, as is). */
export function encodeSyncStep2FromUpdate(update: Uint8Array): Uint8Array {
	const encoder = encoding.createEncoder();
	encoding.writeVarUint(encoder, MessageType.sync);
	encoding.writeVarUint(encoder, SyncType.step2);
	encoding.writeVarUint8Array(encoder, update);
	return encoding.toUint8Array(encoder);
}

/** A relayed document update. */
export function encodeSyncUpdate(update: Uint8Array): Uint8Array {
	const encoder = encoding.createEncoder();
	encoding.writeVarUint(encoder, MessageType.sync);
	syncProtocol.writeUpdate(encoder, update);
	return encoding.toUint8Array(encoder);
}

/** An awareness frame wrapping an encoded awareness update. */
export function encodeAwarenessFrame(awarenessUpdate: Uint8Array): Uint8Array {
	const encoder = encoding.createEncoder();
	encoding.writeVarUint(encoder, MessageType.awareness);
	encoding.writeVarUint8Array(encoder, awarenessUpdate);
	return encoding.toUint8Array(encoder);
}
