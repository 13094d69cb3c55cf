/**
 * The group-commit pipeline: the only path by which a room's document changes. Work queued in the
 * same tick (or while the previous commit is in flight) forms one batch, processed in order:
 *
 * 1. reads that must see only durable state (answers to sync step 1) run first — the document
 *    holds nothing uncommitted at that point — and rooms past a threshold capture a snapshot;
 * 2. updates are checked (decoding, size, schema, quota: see write-admission.ts) and applied,
 *    API mutations run and their output is checked the same way, in arrival order;
 * 3. everything the batch produced is committed in one transaction;
 * 4. only then are the updates relayed to other connections and the callers answered.
 *
 * So an update anyone has received, and every API write answered 2xx, is in the database.
 */
import diagnostics from 'node:diagnostics_channel';
import { setImmediate as nextTurn } from 'node:timers/promises';
import * as Y from 'yjs';
import { historyDigestedThrough, requestHistoryDigest } from '../history/history-compaction';
import { getLogger } from '../logger';
import type { CollabConfig } from './collab-config';
import { appendUpdates, writeSnapshot, type UpdateRow } from './persistence';
import type { Room } from './room';
import { SnapshotBuilder } from './snapshot-builder';
import { checkUpdate, pendingBytes } from './update-validation';
import { admitSocketUpdate, refusalOfApiChange, refusalOfFullWorkbook } from './write-admission';

interface BaseItem {
	room: Room;
	resolve(value: unknown): void;
	reject(error: unknown): void;
}

type Item =
	| (BaseItem & { kind: 'read'; read(room: Room): unknown })
	| (BaseItem & { kind: 'update'; update: Uint8Array; userId: string | null; origin: unknown })
	| (BaseItem & { kind: 'mutate'; mutate(doc: Y.Doc): unknown; userId: string | null });

/** An item as callers submit it (the pipeline adds the promise's settle functions). */
export type ItemInput = WithoutSettle<Item>;
type WithoutSettle<T> = T extends unknown ? Omit<T, 'resolve' | 'reject'> : never;

/** Thrown to callers whose room failed to commit (the database refused or vanished). */
export class CommitFailedError extends Error {
	constructor(cause: unknown) {
		super('The change could not be saved.', { cause });
		this.name = 'CommitFailedError';
	}
}

/** Hooks the registry gives the pipeline. */
export interface PipelineHooks {
	/** A room whose commit failed: its in-memory document no longer matches the database. */
	onRoomFailed(room: Room, error: unknown): void;
	/**
	 * A room whose document holds an API change that was refused after it ran (and so was
	 * neither stored nor relayed): reload it from the database.
	 */
	onRoomDiverged(room: Room): void;
}

/**
 * Each batch's timeline (performance.now() of this thread), published only while something
 * listens: the benchmark's tracer (bench/trace-preload.mjs), which attributes slow edits to
 * their causes.
 */
export interface BatchTimeline {
	startedAt: number;
	committingAt: number;
	committedAt: number;
	relayedAt: number;
	items: number;
}
const batchTimelines = diagnostics.channel('investflow:commit-batch');

/**
 * The id of each workbook a batch stored a change of, published after the batch relayed, for
 * the published-outputs recompute (portfolio/output-recompute.ts), which debounces and does its
 * work off this path. A channel rather than an import: the collab core knows nothing of it.
 */
export const WORKBOOK_COMMITTED_CHANNEL = 'investflow:workbook-committed';
const workbookCommits = diagnostics.channel(WORKBOOK_COMMITTED_CHANNEL);

/** Origin of API mutations' transactions (never a connection, so everyone gets the relay). */
export const API_ORIGIN = Symbol('investflow.api');

/** The process's group-commit pipeline; see the module comment for the order of a batch. */
export class CommitPipeline {
	private queue: Item[] = [];
	private running: Promise<void> | null = null;
	/** The batch being processed, if any. */
	private batchInFlight: Promise<void> | null = null;
	private readonly background = new Set<Promise<void>>();
	private readonly snapshots = new SnapshotBuilder();
	private readonly log = getLogger().child({ module: 'collab-pipeline' });

	constructor(
		private readonly config: CollabConfig,
		private readonly hooks: PipelineHooks
	) {}

	/** Queues `input`; resolves with its result after its batch committed. */
	submit<T>(input: ItemInput): Promise<T> {
		return new Promise<T>((resolve, reject) => {
			const item = { ...input, resolve, reject } as Item;
			item.room.itemQueued();
			this.queue.push(item);
			this.running ??= this.run();
		});
	}

	/** Resolves once every queued item and background snapshot has finished. */
	async drain(): Promise<void> {
		while (this.running || this.background.size > 0) {
			await this.running;
			await Promise.allSettled([...this.background]);
		}
	}

	/**
	 * Resolves once the batch being processed now (if any) has committed or failed. Work queued
	 * for a room after it closed is refused, so after this nothing more of a closed room's is
	 * stored.
	 */
	async currentBatchSettled(): Promise<void> {
		await this.batchInFlight?.catch(() => {});
	}

	/** Finishes every queued item and snapshot, then stops the snapshot worker. */
	async close(): Promise<void> {
		await this.drain();
		await this.snapshots.close();
	}

	/**
	 * Folds `room`'s committed log into a snapshot in the background: a small document is encoded
	 * here at once (callers run it while the document holds only committed state), a large one is
	 * built on the worker from the room's stored parts; either is written on a later turn.
	 * Resolves when written (or failed, which is logged), at once when there is nothing to fold.
	 */
	compact(room: Room): Promise<void> {
		if (room.compaction) return room.compaction;
		if (room.logCount === 0) return Promise.resolve();
		const plan = room.startCompaction();
		const building =
			plan.partsBytes > this.config.snapshotOnWorkerAboveBytes
				? this.snapshots.build(plan.parts)
				: new Promise<Uint8Array>((resolve) => resolve(Y.encodeStateAsUpdate(room.doc)));
		// The batch that started this goes on to commit and relay before the snapshot is written.
		const task = building
			.then(async (state) => {
				await nextTurn();
				// Compaction never waits for history: it deletes only the covered rows history has
				// digested, and the digest it starts here deletes the rest once it has read them.
				const digested = await historyDigestedThrough(room.workbookId);
				await writeSnapshot(room.workbookId, state, plan.through, plan.count, digested);
				requestHistoryDigest(room.workbookId);
				return state;
			})
			.then(
				(state) => room.finishCompaction(plan, state),
				(error: unknown) =>
					this.log.warn({ err: error, workbookId: room.workbookId }, 'compaction failed')
			);
		const tracked = room.trackCompaction(task);
		const background = tracked.finally(() => this.background.delete(background));
		this.background.add(background);
		return tracked;
	}

	private async run(): Promise<void> {
		// Let everything that arrives in this tick join the first batch.
		await nextTurn();
		try {
			while (this.queue.length > 0) {
				const batch = this.queue;
				this.queue = [];
				this.batchInFlight = this.processBatch(batch);
				try {
					await this.batchInFlight;
				} finally {
					this.batchInFlight = null;
				}
			}
		} finally {
			this.running = null;
		}
	}

	private async processBatch(batch: Item[]): Promise<void> {
		const startedAt = performance.now();
		const settled = new Map<Item, () => void>();
		const finish = (item: Item, settle: () => void) => settled.set(item, settle);
		for (const item of batch) {
			if (item.kind !== 'read') continue;
			if (item.room.closed) finish(item, () => item.resolve(undefined));
			else this.settleNow(item, () => item.read(item.room), finish);
		}
		for (const room of new Set(batch.map((item) => item.room))) {
			if (!room.closed && this.overThreshold(room)) void this.compact(room);
		}
		const rows: { room: Room; row: UpdateRow }[] = [];
		for (const item of batch) {
			if (item.kind === 'read') continue;
			if (item.room.closed) {
				finish(item, () => item.reject(new CommitFailedError('room closed')));
				continue;
			}
			if (item.kind === 'update') this.applyUpdate(item, rows, finish);
			else this.applyMutation(item, rows, finish);
		}
		const committingAt = performance.now();
		const failed = await this.commit(rows);
		const committedAt = performance.now();
		for (const item of batch) {
			item.room.itemSettled();
			if (failed.has(item.room)) item.reject(new CommitFailedError(failed.get(item.room)));
			else settled.get(item)?.();
		}
		for (const room of new Set(batch.map((item) => item.room))) {
			if (!room.closed && !failed.has(room)) room.relayOutbox();
		}
		if (workbookCommits.hasSubscribers) {
			for (const room of new Set(rows.map(({ room }) => room))) {
				if (!failed.has(room)) workbookCommits.publish(room.workbookId);
			}
		}
		if (batchTimelines.hasSubscribers) {
			const timeline: BatchTimeline = {
				startedAt,
				committingAt,
				committedAt,
				relayedAt: performance.now(),
				items: batch.length
			};
			batchTimelines.publish(timeline);
		}
	}

	private settleNow(
		item: Item,
		run: () => unknown,
		finish: (item: Item, settle: () => void) => void
	) {
		try {
			const value = run();
			finish(item, () => item.resolve(value));
		} catch (error) {
			finish(item, () => item.reject(error));
		}
	}

	private applyUpdate(
		item: Extract<Item, { kind: 'update' }>,
		rows: { room: Room; row: UpdateRow }[],
		finish: (item: Item, settle: () => void) => void
	): void {
		const { room, update } = item;
		this.settleNow(
			item,
			() => {
				const check = checkUpdate(room.doc, update, this.config);
				if (check.empty) return false;
				admitSocketUpdate(room, update, check.structs, this.config);
				const emittedBefore = room.emittedCount;
				const pendingBefore = pendingBytes(room.doc);
				try {
					Y.applyUpdate(room.doc, update, item.origin);
				} catch (error) {
					// Decoded and checked, yet Yjs failed mid-way: the document may be half-changed,
					// so the room is dropped and reloaded from the database on next use.
					this.hooks.onRoomFailed(room, error);
					throw error;
				}
				if (pendingBytes(room.doc) > this.config.maxPendingBytes) {
					this.log.warn({ workbookId: room.workbookId }, 'document holds many pending structs');
				}
				// A resent update the document already holds changes nothing: nothing to store.
				if (room.emittedCount === emittedBefore && pendingBytes(room.doc) === pendingBefore) {
					return false;
				}
				rows.push({ room, row: { workbookId: room.workbookId, update, userId: item.userId } });
				room.recordAccepted(update.length);
				return true;
			},
			finish
		);
	}

	private applyMutation(
		item: Extract<Item, { kind: 'mutate' }>,
		rows: { room: Room; row: UpdateRow }[],
		finish: (item: Item, settle: () => void) => void
	): void {
		const { room } = item;
		// Past the quota nothing more is tried (the mutation's size is only known once it ran,
		// and refusing it then costs everyone a reload).
		const full = refusalOfFullWorkbook(room, this.config);
		if (full) {
			finish(item, () => item.reject(full));
			return;
		}
		room.startCapture();
		try {
			this.settleNow(
				item,
				() => {
					let result: unknown;
					room.doc.transact(() => {
						result = item.mutate(room.doc);
					}, API_ORIGIN);
					return result;
				},
				finish
			);
		} finally {
			const produced = room.endCapture();
			// Even a mutation that threw may have changed the document: store what it did.
			if (produced.length > 0) {
				const update = produced.length === 1 ? produced[0] : Y.mergeUpdates(produced);
				const refusal = refusalOfApiChange(room, update, this.config);
				if (refusal) {
					// The document already holds the change; it is neither stored nor relayed, and
					// the room reloads from the database (its clients resync).
					finish(item, () => item.reject(refusal));
					this.hooks.onRoomDiverged(room);
				} else {
					rows.push({ room, row: { workbookId: room.workbookId, update, userId: item.userId } });
					room.recordAccepted(update.length);
				}
			}
		}
	}

	/**
	 * Commits all rows in one statement; on failure retries room by room. Returns failed rooms.
	 * Nothing else is written: the workbook list reads each workbook's last change from the log.
	 */
	private async commit(rows: { room: Room; row: UpdateRow }[]): Promise<Map<Room, unknown>> {
		const failed = new Map<Room, unknown>();
		if (rows.length === 0) return failed;
		try {
			const ids = await appendUpdates(rows.map(({ row }) => row));
			rows.forEach(({ room, row }, index) => room.recordCommit(ids[index], row.update));
			return failed;
		} catch (error) {
			this.log.warn({ err: error }, 'group commit failed; retrying room by room');
		}
		const byRoom = new Map<Room, UpdateRow[]>();
		for (const { room, row } of rows) byRoom.set(room, [...(byRoom.get(room) ?? []), row]);
		for (const [room, roomRows] of byRoom) {
			try {
				const ids = await appendUpdates(roomRows);
				roomRows.forEach((row, index) => room.recordCommit(ids[index], row.update));
			} catch (error) {
				failed.set(room, error);
				this.hooks.onRoomFailed(room, error);
			}
		}
		return failed;
	}

	/** True when the room's log is long enough to fold, and its last snapshot long enough ago. */
	private overThreshold(room: Room): boolean {
		return (
			(room.logCount >= this.config.compactAfterUpdates ||
				room.logBytes >= this.config.compactAfterBytes) &&
			performance.now() - room.lastCompactionAt >= this.config.compactMinIntervalMs
		);
	}
}
