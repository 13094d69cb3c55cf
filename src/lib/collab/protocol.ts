/**
 * The collaboration wire protocol, shared by the browser, the server, tests and benchmarks: the
 * y-websocket frame format (as in y-websocket's server utils: every frame starts with a message
 * type — 0 sync (step 1, step 2 or update, from y-protocols/sync), 1 awareness, 2 auth,
 * 3 query awareness), the frames the server builds, the decoding of the frames it receives, and
 * the WebSocket close codes the endpoint ends a connection with. Pure: no DOM, no Node.
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { writePermissionDenied } from 'y-protocols/auth';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';

/**
 * WebSocket close codes the collaboration endpoint uses. The 44xx codes mirror HTTP statuses so
 * a browser (which never sees the upgrade's HTTP status) can tell what went wrong.
 */
export const CloseCode = {
	/** A frame that is not a binary y-websocket message. */
	unsupportedData: 1003,
	/**
	 * The client broke a fair-use rule: too many sync step 1 messages a minute, or awareness far
	 * past its byte budget.
	 */
	policyViolation: 1008,
	/** A frame larger than `maxPayloadBytes` (sent by `ws` itself). */
	messageTooBig: 1009,
	/** Something failed on the server; reconnecting resyncs from the database. */
	internalError: 1011,
	/** The server is restarting or the room was unloaded; reconnect. */
	serviceRestart: 1012,
	/** The client reads too slowly (its unsent buffer grew past the bound). */
	tryAgainLater: 1013,
	/**
	 * A message that does not decode, or an update that was refused (malformed, over the size
	 * cap, or not fitting the document schema); nothing of it was stored.
	 */
	badRequest: 4400,
	/** No session (and no share link), or the session ended. */
	unauthorized: 4401,
	/** No access to this workbook, access revoked, or a foreign Origin. */
	forbidden: 4403,
	/** No such workbook (or it was deleted, or the person may not see it). */
	notFound: 4404,
	/** An update that would take the workbook past `WORKBOOK_MAX_BYTES`; nothing of it was stored. */
	workbookTooLarge: 4413
} as const;

/** One of {@link CloseCode}'s values. */
export type CloseCodeValue = (typeof CloseCode)[keyof typeof CloseCode];

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

/** The frame that tells a y-websocket client it may read but not write. */
export function encodeReadOnlyNotice(): Uint8Array {
	const encoder = encoding.createEncoder();
	encoding.writeVarUint(encoder, MessageType.auth);
	writePermissionDenied(encoder, 'read-only');
	return encoding.toUint8Array(encoder);
}

/** A frame that is not a valid y-websocket message. */
export class MalformedMessageError extends Error {
	constructor(reason: string) {
		super(`malformed message: ${reason}`);
		this.name = 'MalformedMessageError';
	}
}

/** A frame a client sent, decoded. */
export type ClientFrame =
	| {
			type: 'syncStep1';
			/** The encoded state vector, as sent. */
			stateVector: Uint8Array;
			/** The same, decoded (client id → clock). */
			decodedVector: Map<number, number>;
	  }
	| { type: 'update'; update: Uint8Array }
	| { type: 'awareness'; update: Uint8Array }
	| { type: 'queryAwareness' };

function read<T>(what: string, reader: () => T): T {
	try {
		return reader();
	} catch {
		throw new MalformedMessageError(what);
	}
}

/**
 * Decodes a frame from a client: sync step 1 (with its state vector), an update (sync step 2 or
 * update: both carry an update to apply), awareness, or a query for awareness. Throws
 * {@link MalformedMessageError} for anything else, including auth frames (only servers send them).
 */
export function decodeClientFrame(frame: Uint8Array): ClientFrame {
	const decoder = decoding.createDecoder(frame);
	const type = read('type', () => decoding.readVarUint(decoder));
	switch (type) {
		case MessageType.sync: {
			const syncType = read('sync type', () => decoding.readVarUint(decoder));
			const payload = read('sync payload', () => decoding.readVarUint8Array(decoder));
			if (syncType === SyncType.step1) {
				const decodedVector = read('state vector', () => Y.decodeStateVector(payload));
				return { type: 'syncStep1', stateVector: payload, decodedVector };
			}
			if (syncType === SyncType.step2 || syncType === SyncType.update) {
				return { type: 'update', update: payload };
			}
			throw new MalformedMessageError('unknown sync type');
		}
		case MessageType.awareness:
			return {
				type: 'awareness',
				update: read('awareness', () => decoding.readVarUint8Array(decoder))
			};
		case MessageType.queryAwareness:
			return { type: 'queryAwareness' };
		default:
			throw new MalformedMessageError('unknown message type');
	}
}
