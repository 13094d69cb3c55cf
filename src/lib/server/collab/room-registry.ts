/**
 * The process's loaded workbook documents. The SvelteKit bundle (HTTP API) and the Node entry
 * (WebSocket endpoint) each load their own copy of this module, so the registry lives on
 * `globalThis`: whichever copy asks first creates it, and both then share rooms and the pipeline.
 *
 * A room is loaded once (concurrent first users share one load), leased by each connection and
 * API call, and unloaded — compacted into a snapshot — after `idleUnloadMs` without a lease.
 */
import * as Y from 'yjs';
import { getLogger } from '../logger';
import { resolveCollabConfig, type CollabConfig } from './collab-config';
import { CloseCode } from '../../collab/protocol';
import { API_ORIGIN, CommitPipeline } from './commit-pipeline';
import { loadStoredDocument } from './persistence';
import { Room } from './room';

/** Loaded rooms, their leases and the commit pipeline they share. */
export class RoomRegistry {
	readonly pipeline: CommitPipeline;
	private readonly rooms = new Map<string, { loading: Promise<Room | null>; room?: Room }>();
	private readonly log = getLogger().child({ module: 'collab-rooms' });
	private closing = false;

	constructor(readonly config: CollabConfig) {
		this.pipeline = new CommitPipeline(config, {
			onRoomFailed: (room, error) => {
				this.log.error({ err: error, workbookId: room.workbookId }, 'room failed; unloading it');
				this.drop(room, CloseCode.internalError, 'document reload');
			},
			onRoomDiverged: (room) => {
				this.log.warn({ workbookId: room.workbookId }, 'refused API change; reloading the room');
				this.drop(room, CloseCode.serviceRestart, 'document reload');
			}
		});
	}

	/** Number of rooms currently loaded (or loading). */
	get size(): number {
		return this.rooms.size;
	}

	/**
	 * Loads (or reuses) the workbook's room and takes a lease on it; null when the workbook does
	 * not exist. Every lease must be given back with {@link release}.
	 */
	async acquire(workbookId: string): Promise<Room | null> {
		if (this.closing) throw new Error('The collaboration server is shutting down.');
		for (;;) {
			let entry = this.rooms.get(workbookId);
			if (!entry) {
				const created: { loading: Promise<Room | null>; room?: Room } = {
					loading: this.load(workbookId)
				};
				created.loading.then(
					(room) => {
						if (room) created.room = room;
						else if (this.rooms.get(workbookId) === created) this.rooms.delete(workbookId);
					},
					() => {
						if (this.rooms.get(workbookId) === created) this.rooms.delete(workbookId);
					}
				);
				this.rooms.set(workbookId, created);
				entry = created;
			}
			const room = await entry.loading;
			if (!room) return null;
			if (room.closed) {
				if (this.rooms.get(workbookId) === entry) this.rooms.delete(workbookId);
				continue;
			}
			room.acquireLease();
			return room;
		}
	}

	/** Gives back a lease; the last one arms the idle-unload timer. */
	release(room: Room): void {
		if (room.releaseLease() > 0 || room.closed) return;
		this.armIdleTimer(room);
	}

	/** Runs `use` with a leased room (null when the workbook does not exist). */
	async withRoom<T>(workbookId: string, use: (room: Room | null) => Promise<T>): Promise<T> {
		const room = await this.acquire(workbookId);
		try {
			return await use(room);
		} finally {
			if (room) this.release(room);
		}
	}

	/**
	 * Runs `mutate` on the workbook's document inside one transaction through the pipeline;
	 * resolves with its result once the change is committed (and relayed). Null when the
	 * workbook does not exist. Errors `mutate` throws reach the caller unchanged.
	 */
	mutate<T>(
		workbookId: string,
		userId: string | null,
		mutate: (doc: Y.Doc) => T
	): Promise<{ value: T } | null> {
		return this.withRoom(workbookId, async (room) => {
			if (!room) return null;
			const value = await this.pipeline.submit<T>({ kind: 'mutate', room, userId, mutate });
			return { value };
		});
	}

	/**
	 * Runs `read` on the workbook's durable document state, with the stored parts (snapshot, then
	 * log rows) that make exactly that state; null when the workbook does not exist.
	 */
	read<T>(
		workbookId: string,
		read: (doc: Y.Doc, storedParts: readonly Uint8Array[]) => T
	): Promise<{ value: T } | null> {
		return this.withRoom(workbookId, async (room) => {
			if (!room) return null;
			const value = await this.pipeline.submit<T>({
				kind: 'read',
				room,
				read: (current) => read(current.doc, current.durableParts)
			});
			return { value };
		});
	}

	/**
	 * Closes the workbook's connections with `code` and forgets its room (used on delete);
	 * resolves once nothing more of the room's can be committed.
	 */
	async evict(workbookId: string, code: number, reason: string): Promise<void> {
		const room = await this.rooms.get(workbookId)?.loading.catch(() => null);
		if (!room) return;
		this.drop(room, code, reason);
		await this.pipeline.currentBatchSettled();
	}

	/** Stops accepting work, commits what is queued, snapshots and closes every room with 1012. */
	async close(): Promise<void> {
		this.closing = true;
		await this.pipeline.drain();
		const rooms = await Promise.all(
			[...this.rooms.values()].map((entry) => entry.loading.catch(() => null))
		);
		for (const room of rooms) {
			if (!room) continue;
			void this.pipeline.compact(room);
			this.drop(room, CloseCode.serviceRestart, 'server restarting');
		}
		await this.pipeline.close();
	}

	private async load(workbookId: string): Promise<Room | null> {
		const started = performance.now();
		const stored = await loadStoredDocument(workbookId);
		if (!stored) return null;
		const room = new Room(workbookId, stored);
		this.log.info(
			{ workbookId, ms: Math.round(performance.now() - started), logCount: stored.logCount },
			'room loaded'
		);
		return room;
	}

	private armIdleTimer(room: Room): void {
		room.armIdleTimer(this.config.idleUnloadMs, () => this.unloadIfIdle(room));
	}

	/** True when nothing uses the room; re-arms its idle timer when only queued work holds it. */
	private isIdle(room: Room): boolean {
		if (room.closed || room.leases > 0 || room.idleTimerArmed) return false;
		if (room.pendingItems > 0) {
			this.armIdleTimer(room);
			return false;
		}
		return true;
	}

	private unloadIfIdle(room: Room): void {
		if (!this.isIdle(room)) return;
		// Snapshot first, unload after: someone arriving meanwhile finds the room still loaded, and
		// the next load never queues behind the snapshot being written.
		void this.pipeline.compact(room).then(() => {
			if (!this.isIdle(room)) return;
			this.drop(room, CloseCode.serviceRestart, 'unloaded');
			this.log.info({ workbookId: room.workbookId }, 'room unloaded');
		});
	}

	private drop(room: Room, code: number, reason: string): void {
		if (room.closed) return;
		// Only forget the map entry if it still points at this room (not a newer load).
		if (this.rooms.get(room.workbookId)?.room === room) this.rooms.delete(room.workbookId);
		room.destroy(code, reason);
	}
}

const REGISTRY_KEY = Symbol.for('investflow.collab.registry');
type RegistrySlot = { [REGISTRY_KEY]?: RoomRegistry };

/**
 * The process's registry, created on first call with `overrides` merged over the defaults and
 * `COLLAB_*` environment variables (later calls' overrides are ignored).
 */
export function getRoomRegistry(overrides: Partial<CollabConfig> = {}): RoomRegistry {
	const slot = globalThis as RegistrySlot;
	slot[REGISTRY_KEY] ??= new RoomRegistry(resolveCollabConfig(overrides));
	return slot[REGISTRY_KEY];
}

/** Forgets the registry (after {@link RoomRegistry.close}), so a restarted server makes a new one. */
export function resetRoomRegistry(): void {
	delete (globalThis as RegistrySlot)[REGISTRY_KEY];
}

export { API_ORIGIN };
