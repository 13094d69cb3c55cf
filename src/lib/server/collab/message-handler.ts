/**
 * Handles one y-websocket frame from an authorised connection: sync step 1 is answered with the
 * durable document state (from its stored, already-framed parts: no re-encoding per client),
 * at most `syncStep1PerMinute` times a minute; updates (sync step 2 and update) go through the
 * commit pipeline (never from viewers); awareness is charged against the connection's byte
 * budget, filtered to its own client ids and person, and never taken from share-link guests.
 * Anything that does not decode closes the connection with 4400; nobody else is affected.
 */
import { applyAwarenessUpdate, encodeAwarenessUpdate } from 'y-protocols/awareness';
import * as Y from 'yjs';
import {
	colorForUser,
	filterAwarenessUpdate,
	MalformedAwarenessError
} from '../../collab/awareness-filter';
import {
	CloseCode,
	decodeClientFrame,
	encodeAwarenessFrame,
	encodeSyncStep1,
	encodeSyncStep2,
	MalformedMessageError
} from '../../collab/protocol';
import type { CollabConfig } from './collab-config';
import type { CommitPipeline } from './commit-pipeline';
import { RejectedUpdateError } from './update-validation';
import { canWrite } from '../workbook-access';
import type { Connection } from './client-connection';

/** What the handler needs besides the connection. */
export interface MessageContext {
	pipeline: CommitPipeline;
	config: CollabConfig;
	onError(connection: Connection, error: unknown): void;
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
	const message = decodeClientFrame(frame);
	switch (message.type) {
		case 'syncStep1': {
			if (!connection.allowSyncStep1()) {
				connection.close(CloseCode.policyViolation, 'too many sync requests');
				return;
			}
			const { stateVector, decodedVector } = message;
			context.pipeline
				.submit({
					kind: 'read',
					room,
					read: () => answerSyncStep1(connection, stateVector, decodedVector, context)
				})
				.catch((error: unknown) => context.onError(connection, error));
			return;
		}
		case 'update': {
			// Viewers' writes are dropped silently: their client keeps working read-only.
			if (!canWrite(connection.role)) return;
			context.pipeline
				.submit({
					kind: 'update',
					room,
					update: message.update,
					userId: connection.userId,
					origin: connection
				})
				.catch((error: unknown) => {
					if (error instanceof RejectedUpdateError) {
						connection.close(
							error.kind === 'quota' ? CloseCode.workbookTooLarge : CloseCode.badRequest,
							`update refused: ${error.reason}`
						);
					} else {
						context.onError(connection, error);
					}
				});
			return;
		}
		case 'awareness': {
			const charge = connection.chargeAwareness(frame.length);
			if (charge === 'close') {
				connection.close(CloseCode.policyViolation, 'awareness flood');
				return;
			}
			// Share-link guests see no one's presence and show none: nothing of theirs is relayed.
			if (charge === 'drop' || !connection.seesPresence) return;
			const filtered = filterAwarenessUpdate(message.update, {
				owned: connection.awarenessIds,
				ownedElsewhere: (clientId) => {
					const owner = room.awarenessOwnerOf(clientId);
					return owner !== undefined && owner !== connection;
				},
				user: { ...connection.user!, color: colorForUser(connection.userId) },
				maxClients: context.config.maxAwarenessClientsPerConnection,
				maxStateBytes: context.config.maxAwarenessStateBytes
			});
			room.claimAwareness(connection.awarenessIds, connection);
			if (filtered) applyAwarenessUpdate(room.awareness, filtered, connection);
			return;
		}
		case 'queryAwareness': {
			const clients = [...room.awareness.getStates().keys()];
			if (clients.length > 0 && connection.seesPresence) {
				connection.send(encodeAwarenessFrame(encodeAwarenessUpdate(room.awareness, clients)));
			}
			return;
		}
	}
}

/**
 * Answers a client's sync step 1 from durable state. A client with nothing (a fresh open, or a
 * state vector that shares no client with the document) gets the room's stored parts, each
 * framed once and shared by every such answer; an unhydrated room hydrates once they are
 * written out. Any other client gets the diff from the document. A socket whose unsent buffer
 * is already past its bound gets nothing more (1013): an answer may be the whole document.
 */
function answerSyncStep1(
	connection: Connection,
	stateVector: Uint8Array,
	decodedVector: Map<number, number>,
	context: MessageContext
): void {
	const room = connection.room;
	if (!room || connection.isClosed) return;
	if (!connection.canBuffer) {
		connection.close(CloseCode.tryAgainLater, 'reading too slowly');
		return;
	}
	// Only a non-empty state vector needs the document to judge (its diff would need it anyway).
	const full = holdsNothingOf(decodedVector.size === 0 ? null : room.doc, decodedVector)
		? room.fullSyncFrames()
		: null;
	if (full) {
		for (const frame of full.updates) connection.send(frame);
		connection.sendThen(full.step2, () => sendOwedSyncStep1(connection, context));
		return;
	}
	connection.send(encodeSyncStep2(room.doc, stateVector));
	sendOwedSyncStep1(connection, context);
}

/**
 * True when a client with `stateVector` holds nothing of `doc` (every clock zero, or no client
 * the document knows), so the whole document is what it lacks. `doc` may be null only for an
 * empty state vector.
 */
function holdsNothingOf(doc: Y.Doc | null, stateVector: Map<number, number>): boolean {
	for (const [client, clock] of stateVector) {
		if (clock === 0) continue;
		if (!doc || Y.getState(doc.store, client) > 0) return false;
	}
	return true;
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
	return encodeAwarenessFrame(encodeAwarenessUpdate(room.awareness, clients));
}
