/**
 * Handles one y-websocket frame from an authorised connection: sync step 1 is answered with the
 * durable document state, updates (sync step 2 and update) go through the commit pipeline (never
 * from viewers), awareness is filtered to the connection's own client ids and person. Anything
 * that does not decode closes the connection with 4400; nobody else is affected.
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { applyAwarenessUpdate, encodeAwarenessUpdate } from 'y-protocols/awareness';
import * as Y from 'yjs';
import {
	colorForUser,
	filterAwarenessUpdate,
	MalformedAwarenessError
} from '../../src/lib/server/collab/awareness-filter.ts';
import type { CollabConfig } from '../../src/lib/server/collab/collab-config.ts';
import type { CommitPipeline } from '../../src/lib/server/collab/commit-pipeline.ts';
import {
	encodeAwarenessFrame,
	encodeSyncStep1,
	encodeSyncStep2,
	encodeSyncStep2FromUpdate,
	encodeSyncUpdate,
	MessageType,
	SyncType
} from '../../src/lib/server/collab/protocol.ts';
import { RejectedUpdateError } from '../../src/lib/server/collab/update-validation.ts';
import { canWrite } from '../../src/lib/server/workbook-access.ts';
import { CloseCode } from './close-codes.ts';
import type { Connection } from './connection.ts';

/** A frame that is not a valid y-websocket message. */
export class MalformedMessageError extends Error {
	constructor(reason: string) {
		super(`malformed message: ${reason}`);
		this.name = 'MalformedMessageError';
	}
}

/** What the handler needs besides the connection. */
export interface MessageContext {
	pipeline: CommitPipeline;
	config: CollabConfig;
	onError(connection: Connection, error: unknown): void;
}

function read<T>(what: string, reader: () => T): T {
	try {
		return reader();
	} catch {
		throw new MalformedMessageError(what);
	}
}

/** Handles `frame` from `connection` (which must be in a room); closes it on a malformed frame. */
export function handleMessage(
	connection: Connection,
	frame: Uint8Array,
	context: MessageContext
): void {
	try {
		dispatch(connection, frame, context);
	} catch (error) {
		if (error instanceof MalformedMessageError || error instanceof MalformedAwarenessError) {
			connection.close(CloseCode.badRequest, 'malformed message');
		} else {
			context.onError(connection, error);
		}
	}
}

function dispatch(connection: Connection, frame: Uint8Array, context: MessageContext): void {
	const room = connection.room;
	if (!room || connection.isClosed) return;
	const decoder = decoding.createDecoder(frame);
	const type = read('type', () => decoding.readVarUint(decoder));
	switch (type) {
		case MessageType.sync: {
			const syncType = read('sync type', () => decoding.readVarUint(decoder));
			const payload = read('sync payload', () => decoding.readVarUint8Array(decoder));
			if (syncType === SyncType.step1) {
				const stateVector = read('state vector', () => Y.decodeStateVector(payload));
				context.pipeline
					.submit({
						kind: 'read',
						room,
						read: () => answerSyncStep1(connection, payload, stateVector.size === 0, context)
					})
					.catch((error: unknown) => context.onError(connection, error));
			} else if (syncType === SyncType.step2 || syncType === SyncType.update) {
				// Viewers' writes are dropped silently: their client keeps working read-only.
				if (!canWrite(connection.role)) return;
				context.pipeline
					.submit({
						kind: 'update',
						room,
						update: payload,
						userId: connection.userId,
						origin: connection
					})
					.catch((error: unknown) => {
						if (error instanceof RejectedUpdateError) {
							connection.close(CloseCode.badRequest, 'update refused');
						} else {
							context.onError(connection, error);
						}
					});
			} else {
				throw new MalformedMessageError('unknown sync type');
			}
			return;
		}
		case MessageType.awareness: {
			const update = read('awareness', () => decoding.readVarUint8Array(decoder));
			const filtered = filterAwarenessUpdate(update, {
				owned: connection.awarenessIds,
				ownedElsewhere: (clientId) => {
					const owner = room.awarenessOwners.get(clientId);
					return owner !== undefined && owner !== connection;
				},
				user: { ...connection.user!, color: colorForUser(connection.userId) },
				maxClients: context.config.maxAwarenessClientsPerConnection,
				maxStateBytes: context.config.maxAwarenessStateBytes
			});
			for (const clientId of connection.awarenessIds)
				room.awarenessOwners.set(clientId, connection);
			if (filtered) applyAwarenessUpdate(room.awareness, filtered, connection);
			return;
		}
		case MessageType.queryAwareness: {
			const clients = [...room.awareness.getStates().keys()];
			if (clients.length > 0 && connection.seesPresence) {
				connection.send(encodeAwarenessFrame(encodeAwarenessUpdate(room.awareness, clients)));
			}
			return;
		}
		default:
			throw new MalformedMessageError('unknown message type');
	}
}

/**
 * Most stored parts (snapshot plus log rows) a fresh client is sent one frame each. A longer log
 * (left by a crash before compaction) would cost the client one pending-struct merge per frame,
 * which grows roughly with the square of the count, so such a room is hydrated and sent whole.
 */
const MAX_STORED_PARTS_SENT = 100;

/**
 * Answers a client's sync step 1 from durable state. A client with nothing (a fresh open) gets
 * the room's stored parts as they are — no Yjs work before its first sync, and no encoding of a
 * large document on the event loop — and an unhydrated room hydrates once they are written out;
 * any other client, or any client of a room with a long log, gets the diff from the document.
 * (In the durable phase the document holds exactly what the stored parts make.)
 */
function answerSyncStep1(
	connection: Connection,
	stateVector: Uint8Array,
	clientIsEmpty: boolean,
	context: MessageContext
): void {
	const room = connection.room;
	if (!room) return;
	const parts = room.durableParts;
	if (parts.length > 0 && parts.length <= MAX_STORED_PARTS_SENT && clientIsEmpty) {
		// Log rows go first as plain updates (the client keeps them pending until their
		// dependencies arrive) and the snapshot last as sync step 2, so "synced" on the client
		// still means it holds the whole document.
		const [snapshot, ...log] = parts;
		for (const update of log) connection.send(encodeSyncUpdate(update));
		connection.sendThen(encodeSyncStep2FromUpdate(snapshot), () =>
			sendOwedSyncStep1(connection, context)
		);
		return;
	}
	connection.send(encodeSyncStep2(room.doc, stateVector));
	sendOwedSyncStep1(connection, context);
}

/**
 * Sends the server's sync step 1 (its state vector, asking the client for what it lacks) if
 * still owed; it needs the hydrated document, so it goes through the pipeline's durable phase.
 */
export function sendOwedSyncStep1(connection: Connection, context: MessageContext): void {
	const room = connection.room;
	if (!room || !connection.owesSyncStep1 || connection.isClosed) return;
	if (room.hydrated) {
		connection.owesSyncStep1 = false;
		connection.send(encodeSyncStep1(room.doc));
		return;
	}
	context.pipeline
		.submit({
			kind: 'read',
			room,
			read: (current) => {
				if (!connection.owesSyncStep1 || connection.isClosed) return;
				connection.owesSyncStep1 = false;
				connection.send(encodeSyncStep1(current.doc));
			}
		})
		.catch((error: unknown) => context.onError(connection, error));
}

/** The awareness frame a new connection receives: everyone already present, if anyone. */
export function encodeCurrentAwareness(connection: Connection): Uint8Array | null {
	const room = connection.room!;
	const clients = [...room.awareness.getStates().keys()];
	if (clients.length === 0 || !connection.seesPresence) return null;
	const encoder = encoding.createEncoder();
	encoding.writeVarUint(encoder, MessageType.awareness);
	encoding.writeVarUint8Array(encoder, encodeAwarenessUpdate(room.awareness, clients));
	return encoding.toUint8Array(encoder);
}
