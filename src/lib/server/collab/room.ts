/**
 * One loaded workbook document and the connections editing it. A room only changes its document
 * through the commit pipeline, so what it relays has always been committed first. Connections
 * are anything that can send bytes and be closed (the WebSocket endpoint implements them).
 */
import * as Y from 'yjs';
import { Awareness, encodeAwarenessUpdate, removeAwarenessStates } from 'y-protocols/awareness';
import {
	encodeAwarenessFrame,
	encodeSyncStep2,
	encodeSyncStep2FromUpdate,
	encodeSyncUpdate
} from './protocol';
import type { StoredDocument } from './persistence';

/** Transaction origin of hydration: not an edit, so never relayed or stored again. */
const LOAD_ORIGIN = Symbol('investflow.load');

/**
 * Most stored parts (snapshot plus log rows) a fresh client is sent one frame each. A longer log
 * (left by a crash before compaction) would cost the client one pending-struct merge per frame,
 * which grows roughly with the square of the count, so such a room is sent one encoding of the
 * whole document instead.
 */
const MAX_STORED_PARTS_SENT = 100;

/** The frames that bring a client holding nothing up to the durable document. */
export interface FullSyncFrames {
	/** Log rows as plain updates, sent first (the client keeps them pending until…) */
	updates: Uint8Array[];
	/** …the snapshot (or whole document) as sync step 2, sent last, so "synced" means complete. */
	step2: Uint8Array;
}

/** What a room needs from a connection. */
export interface RoomConnection {
	readonly userId: string;
	/** False for a share-link guest: they may show their own presence but never see anyone's. */
	readonly seesPresence: boolean;
	/** Sends one binary frame (dropped if the connection is closing). */
	send(frame: Uint8Array): void;
	/** Closes with a WebSocket close code and reason. */
	close(code: number, reason: string): void;
}

/** An update the document emitted, waiting for its commit before it is relayed. */
interface OutboxEntry {
	update: Uint8Array;
	origin: unknown;
}

/** A loaded workbook document with its connections, awareness and log bookkeeping. */
export class Room {
	/** The document itself; {@link doc} hands it out built from its stored parts. */
	private readonly ydoc = new Y.Doc();
	readonly awareness: Awareness;
	readonly connections = new Set<RoomConnection>();
	/** Which connection introduced each awareness client id. */
	readonly awarenessOwners = new Map<number, RoomConnection>();
	/** Id of the newest committed update the document contains. */
	lastUpdateId: number;
	/** Log rows and bytes since the snapshot (compaction thresholds compare against these). */
	logCount: number;
	logBytes: number;
	/** Users of the room: connections and API calls in progress. */
	leases = 0;
	/** Pipeline items queued or in flight for this room. */
	pendingItems = 0;
	/** The snapshot being written, if any. */
	compaction: Promise<void> | null = null;
	/** When the last snapshot was started (`performance.now()`; never in this process: -∞). */
	lastCompactionAt = -Infinity;
	/** Set once the room left the registry; nothing may use it any more. */
	closed = false;
	idleTimer: ReturnType<typeof setTimeout> | undefined;
	/** Updates emitted by the document since the last relay. */
	outbox: OutboxEntry[] = [];
	/** While an API mutation runs: the updates it produced. */
	capture: Uint8Array[] | null = null;
	/**
	 * The document as stored: its snapshot (if any), then every committed update after it, in
	 * commit order. Applied in order they make the durable document, so a fresh client's first
	 * sync is answered with them as they are, and a large document's snapshot is built from them
	 * off the event loop (see snapshot-builder.ts). The pipeline appends each commit; compaction
	 * folds what it covered. Only the pipeline's durable phase may read them as the document's
	 * state.
	 */
	durableParts: Uint8Array[];
	/**
	 * False until the document is built from its stored parts: a room opened only by fresh
	 * clients never builds it, so opening a large workbook does not wait for Yjs.
	 */
	private isHydrated = false;
	/**
	 * Bytes of the stored document (snapshot plus log), counting updates accepted into the
	 * current batch before they commit: what the size quota compares against.
	 */
	storedBytes: number;
	/**
	 * Each stored part framed once, so repeated first syncs share one buffer per part instead
	 * of copying (or re-encoding) the document per client.
	 */
	private readonly updateFrames = new WeakMap<Uint8Array, Uint8Array>();
	private readonly step2Frames = new WeakMap<Uint8Array, Uint8Array>();
	/** The whole document as one sync step 2, when the log is too long to send part by part. */
	private wholeDocumentFrame: Uint8Array | null = null;

	constructor(
		readonly workbookId: string,
		stored: StoredDocument
	) {
		this.lastUpdateId = stored.lastUpdateId;
		this.logCount = stored.logCount;
		this.logBytes = stored.logBytes;
		this.durableParts = stored.updates;
		this.storedBytes = stored.updates.reduce((sum, part) => sum + part.length, 0);
		this.ydoc.on('update', (update: Uint8Array, origin: unknown) => {
			if (origin === LOAD_ORIGIN) return;
			this.outbox.push({ update, origin });
			this.capture?.push(update);
		});
		this.awareness = new Awareness(this.ydoc);
		this.awareness.setLocalState(null);
		this.awareness.on(
			'update',
			({ added, updated, removed }: Record<string, number[]>, _origin: unknown) => {
				const changed = [...added, ...updated, ...removed];
				const frame = encodeAwarenessFrame(encodeAwarenessUpdate(this.awareness, changed));
				for (const connection of this.connections) {
					if (connection.seesPresence) connection.send(frame);
				}
			}
		);
	}

	/** True once the document has been built from its stored parts. */
	get hydrated(): boolean {
		return this.isHydrated;
	}

	/** The document, built from its stored parts on first use. */
	get doc(): Y.Doc {
		if (!this.isHydrated) {
			this.isHydrated = true;
			const parts = this.durableParts;
			this.ydoc.transact(() => {
				for (const part of parts) Y.applyUpdate(this.ydoc, part, LOAD_ORIGIN);
			}, LOAD_ORIGIN);
		}
		return this.ydoc;
	}

	/**
	 * Appends a committed update to the stored parts (a copy: a socket's update is a view into
	 * its frame, which may share a larger buffer).
	 */
	appendDurablePart(update: Uint8Array): void {
		this.durableParts.push(update.slice());
		this.wholeDocumentFrame = null;
	}

	/** Replaces the first `folded` stored parts (`foldedBytes` long) by the snapshot `state`. */
	foldDurableParts(state: Uint8Array, folded: number, foldedBytes: number): void {
		this.durableParts = [state, ...this.durableParts.slice(folded)];
		this.storedBytes += state.length - foldedBytes;
		this.wholeDocumentFrame = null;
	}

	/**
	 * The frames answering a client that holds nothing, from the stored parts as they are (each
	 * framed once), or one cached encoding of the document when the log is long. Null when
	 * nothing is stored. Call only in the pipeline's durable phase (the document then holds
	 * exactly what the stored parts make).
	 */
	fullSyncFrames(): FullSyncFrames | null {
		const parts = this.durableParts;
		if (parts.length === 0) return null;
		if (parts.length > MAX_STORED_PARTS_SENT) {
			this.wholeDocumentFrame ??= encodeSyncStep2(this.doc, new Uint8Array([0]));
			return { updates: [], step2: this.wholeDocumentFrame };
		}
		const [snapshot, ...log] = parts;
		const updates = log.map((part) => {
			let frame = this.updateFrames.get(part);
			if (!frame) this.updateFrames.set(part, (frame = encodeSyncUpdate(part)));
			return frame;
		});
		let step2 = this.step2Frames.get(snapshot);
		if (!step2) this.step2Frames.set(snapshot, (step2 = encodeSyncStep2FromUpdate(snapshot)));
		return { updates, step2 };
	}

	/** Sends `frame` to every connection except `except`. */
	broadcast(frame: Uint8Array, except?: unknown): void {
		for (const connection of this.connections) {
			if (connection !== except) connection.send(frame);
		}
	}

	/**
	 * Relays every committed update in the outbox. Several updates from one batch are merged
	 * into one frame for everyone (a client ignores the part it already has), so fan-out costs
	 * one send per connection per batch rather than per update.
	 */
	relayOutbox(): void {
		const entries = this.outbox;
		this.outbox = [];
		if (entries.length === 0) return;
		if (entries.length === 1) {
			this.broadcast(encodeSyncUpdate(entries[0].update), entries[0].origin);
			return;
		}
		this.broadcast(encodeSyncUpdate(Y.mergeUpdates(entries.map((entry) => entry.update))));
	}

	/** Removes a connection and the awareness states it introduced. */
	removeConnection(connection: RoomConnection): void {
		if (!this.connections.delete(connection)) return;
		const owned: number[] = [];
		for (const [clientId, owner] of this.awarenessOwners) {
			if (owner === connection) owned.push(clientId);
		}
		for (const clientId of owned) this.awarenessOwners.delete(clientId);
		if (owned.length > 0) removeAwarenessStates(this.awareness, owned, connection);
	}

	/** Closes every connection with `code` and frees the document. */
	destroy(code: number, reason: string): void {
		this.closed = true;
		clearTimeout(this.idleTimer);
		for (const connection of [...this.connections]) connection.close(code, reason);
		this.connections.clear();
		this.awareness.destroy();
		this.ydoc.destroy();
	}
}
