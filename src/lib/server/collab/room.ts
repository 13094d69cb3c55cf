/**
 * One loaded workbook document and the connections editing it. A room only changes its document
 * through the commit pipeline, so what it relays has always been committed first. Connections
 * are anything that can send bytes and be closed (the WebSocket endpoint implements them).
 */
import * as Y from 'yjs';
import { Awareness, encodeAwarenessUpdate, removeAwarenessStates } from 'y-protocols/awareness';
import { encodeAwarenessFrame, encodeSyncStep2, encodeSyncUpdate } from '../../collab/protocol';
import { DurableParts, type CompactionPlan, type FullSyncFrames } from './durable-parts';
import type { StoredDocument } from './persistence';

export type { CompactionPlan, FullSyncFrames };

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
	private readonly awarenessOwners = new Map<number, RoomConnection>();
	/**
	 * The document as stored (see durable-parts.ts). Only the pipeline's durable phase may read
	 * them as the document's state.
	 */
	private readonly stored: DurableParts;
	private leaseCount = 0;
	private queuedItems = 0;
	private compactionTask: Promise<void> | null = null;
	private compactionStartedAt = -Infinity;
	private isClosed = false;
	private idleTimer: ReturnType<typeof setTimeout> | undefined;
	/** Updates emitted by the document since the last relay. */
	private outbox: OutboxEntry[] = [];
	/** While an API mutation runs: the updates it produced. */
	private capture: Uint8Array[] | null = null;
	/**
	 * False until the document is built from its stored parts: a room opened only by fresh
	 * clients never builds it, so opening a large workbook does not wait for Yjs.
	 */
	private isHydrated = false;
	constructor(
		readonly workbookId: string,
		stored: StoredDocument
	) {
		this.stored = new DurableParts(stored);
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

	/** Id of the newest committed update the document contains. */
	get lastUpdateId(): number {
		return this.stored.lastUpdateId;
	}

	/** Log rows since the snapshot (compaction thresholds compare against these). */
	get logCount(): number {
		return this.stored.logCount;
	}

	/** Bytes of the log rows since the snapshot. */
	get logBytes(): number {
		return this.stored.logBytes;
	}

	/** The document as stored: its snapshot (if any), then every committed update after it. */
	get durableParts(): readonly Uint8Array[] {
		return this.stored.list;
	}

	/**
	 * Bytes of the stored document (snapshot plus log), counting updates accepted into the
	 * current batch before they commit: what the size quota compares against.
	 */
	get storedBytes(): number {
		return this.stored.storedBytes;
	}

	/** Users of the room: connections and API calls in progress. */
	get leases(): number {
		return this.leaseCount;
	}

	/** Pipeline items queued or in flight for this room. */
	get pendingItems(): number {
		return this.queuedItems;
	}

	/** The snapshot being written, if any. */
	get compaction(): Promise<void> | null {
		return this.compactionTask;
	}

	/** When the last snapshot was started (`performance.now()`; never in this process: -∞). */
	get lastCompactionAt(): number {
		return this.compactionStartedAt;
	}

	/** Set once the room left the registry; nothing may use it any more. */
	get closed(): boolean {
		return this.isClosed;
	}

	/** True while the idle-unload timer is armed. */
	get idleTimerArmed(): boolean {
		return this.idleTimer !== undefined;
	}

	/** How many updates the document emitted since the last relay. */
	get emittedCount(): number {
		return this.outbox.length;
	}

	/** True once the document has been built from its stored parts. */
	get hydrated(): boolean {
		return this.isHydrated;
	}

	/** The document, built from its stored parts on first use. */
	get doc(): Y.Doc {
		if (!this.isHydrated) {
			this.isHydrated = true;
			const parts = this.stored.list;
			this.ydoc.transact(() => {
				for (const part of parts) Y.applyUpdate(this.ydoc, part, LOAD_ORIGIN);
			}, LOAD_ORIGIN);
		}
		return this.ydoc;
	}

	/**
	 * Records a committed log row: `update` stored with id `id`. Appends it to the stored parts
	 * (a copy: a socket's update is a view into its frame, which may share a larger buffer).
	 */
	recordCommit(id: number, update: Uint8Array): void {
		this.stored.recordCommit(id, update);
	}

	/**
	 * Counts `bytes` of an update accepted into the current batch toward {@link storedBytes}
	 * before it commits, so later updates of the batch meet the quota with it included.
	 */
	recordAccepted(bytes: number): void {
		this.stored.recordAccepted(bytes);
	}

	/**
	 * Starts a compaction now: records the time and returns what it folds (the stored parts and
	 * log as they are at this moment). The caller builds and writes the snapshot, then calls
	 * {@link finishCompaction}; {@link trackCompaction} makes it visible as {@link compaction}.
	 */
	startCompaction(): CompactionPlan {
		this.compactionStartedAt = performance.now();
		return this.stored.planCompaction();
	}

	/**
	 * The snapshot `state` of `plan` is written: replaces the parts it folded by it and takes the
	 * rows it covered off the log counts (rows committed meanwhile stay).
	 */
	finishCompaction(plan: CompactionPlan, state: Uint8Array): void {
		this.stored.finishCompaction(plan, state);
	}

	/**
	 * Makes `task` (a compaction in progress) the room's {@link compaction} until it settles;
	 * returns the promise that settles after it was cleared.
	 */
	trackCompaction(task: Promise<void>): Promise<void> {
		const tracked = task.finally(() => {
			this.compactionTask = null;
		});
		this.compactionTask = tracked;
		return tracked;
	}

	/** A pipeline item for this room was queued. */
	itemQueued(): void {
		this.queuedItems++;
	}

	/** A pipeline item for this room was settled. */
	itemSettled(): void {
		this.queuedItems--;
	}

	/** Starts collecting the updates an API mutation produces. */
	startCapture(): void {
		this.capture = [];
	}

	/** Stops collecting; returns what the mutation produced since {@link startCapture}. */
	endCapture(): Uint8Array[] {
		const produced = this.capture ?? [];
		this.capture = null;
		return produced;
	}

	/** Takes a lease (a connection or API call now uses the room); disarms the idle timer. */
	acquireLease(): void {
		this.leaseCount++;
		this.disarmIdleTimer();
	}

	/** Gives back a lease; returns how many remain. */
	releaseLease(): number {
		return --this.leaseCount;
	}

	/**
	 * Arms (or re-arms) the idle timer: `onIdle` runs after `ms` unless a lease disarms it first.
	 * The timer counts as disarmed by the time `onIdle` runs.
	 */
	armIdleTimer(ms: number, onIdle: () => void): void {
		clearTimeout(this.idleTimer);
		this.idleTimer = setTimeout(() => {
			this.idleTimer = undefined;
			onIdle();
		}, ms);
		this.idleTimer.unref?.();
	}

	private disarmIdleTimer(): void {
		clearTimeout(this.idleTimer);
		this.idleTimer = undefined;
	}

	/** Joins a connection to the room (it then receives relays and presence). */
	addConnection(connection: RoomConnection): void {
		this.connections.add(connection);
	}

	/** The connection that introduced awareness client `clientId`, if any. */
	awarenessOwnerOf(clientId: number): RoomConnection | undefined {
		return this.awarenessOwners.get(clientId);
	}

	/** Records `connection` as the owner of the awareness client ids in `clientIds`. */
	claimAwareness(clientIds: Iterable<number>, connection: RoomConnection): void {
		for (const clientId of clientIds) this.awarenessOwners.set(clientId, connection);
	}

	/**
	 * The frames answering a client that holds nothing, from the stored parts as they are (each
	 * framed once), or one cached encoding of the document when the log is long. Null when
	 * nothing is stored. Call only in the pipeline's durable phase (the document then holds
	 * exactly what the stored parts make).
	 */
	fullSyncFrames(): FullSyncFrames | null {
		return this.stored.fullSyncFrames(() => encodeSyncStep2(this.doc, new Uint8Array([0])));
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
		this.isClosed = true;
		this.disarmIdleTimer();
		for (const connection of [...this.connections]) connection.close(code, reason);
		this.connections.clear();
		this.awareness.destroy();
		this.ydoc.destroy();
	}
}
