/**
 * One loaded workbook document and the connections editing it. A room only changes its document
 * through the commit pipeline, so what it relays has always been committed first. Connections
 * are anything that can send bytes and be closed (the WebSocket endpoint implements them).
 */
import * as Y from 'yjs';
import { Awareness, encodeAwarenessUpdate, removeAwarenessStates } from 'y-protocols/awareness';
import { encodeAwarenessFrame, encodeSyncUpdate } from './protocol';
import type { StoredDocument } from './persistence';

/** Transaction origin of hydration: not an edit, so never relayed or stored again. */
const LOAD_ORIGIN = Symbol('investflow.load');

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

	constructor(
		readonly workbookId: string,
		stored: StoredDocument
	) {
		this.lastUpdateId = stored.lastUpdateId;
		this.logCount = stored.logCount;
		this.logBytes = stored.logBytes;
		this.durableParts = stored.updates;
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
