/**
 * Derives versions and cell history from the committed update log, off the group commit: the
 * log is read back from the database (authors and times are the server's) and replayed on an
 * evaluation worker. Compaction starts one without waiting for it and leaves the rows it has not
 * read (see history-compaction.ts); it also runs when someone reads or names history, and on a sweep
 * (`HISTORY_SWEEP_INTERVAL_MS`) that also cuts sessions gone idle and thins old versions.
 *
 * One digest per workbook at a time (a per-workbook queue); one service per process, on
 * `globalThis` like the room registry, because the SvelteKit bundle and the Node entry each
 * load their own copy of this module.
 */
import { deleteFoldedUpdates } from '../collab/persistence';
import type { HistoryCursor, WorkbookVersion } from '../db/schema';
import { getLogger } from '../logger';
import { readHistoryConfig, type HistoryConfig } from './history-config';
import { runStatelessTask } from '../evaluation/run-stateless';
import {
	deleteUndigestedCells,
	readChain,
	readCursor,
	readLastSeq,
	readLogAfter,
	readVersion,
	writeDigest,
	type CellHistoryRow,
	type VersionRow
} from './history-store';
import { EMPTY_UPDATE, type DigestResult } from './history-tasks';
import { findUndigestedWorkbooks, findWorkbooksToThin, thinWorkbook } from './history-sweep';
import { dateOf, isIdle, planCuts, sessionOf } from './sessions';
import { beginHistory, composeVersion, type VersionMeta } from './version-compose';

/** Log rows replayed per worker task. */
const DIGEST_BATCH = 500;

/** The process's history: see the module comment. */
export class HistoryService {
	private readonly queues = new Map<string, Promise<unknown>>();
	private readonly log = getLogger().child({ module: 'history' });
	private timer: ReturnType<typeof setInterval> | undefined;
	private sweeping: Promise<void> | null = null;
	/** Per workbook, the newest update this process knows is digested (a read's fast path). */
	private readonly digested = new Map<string, number>();
	/** Histories being started, so that two callers never start one twice. */
	private readonly beginning = new Map<string, Promise<HistoryCursor | null>>();

	constructor(readonly config: HistoryConfig) {}

	/**
	 * Digests every committed update of the workbook into cell history and automatic versions,
	 * and cuts the open session if it has been idle long enough. Resolves with the cursor, or
	 * null when the workbook does not exist.
	 */
	catchUp(workbookId: string): Promise<HistoryCursor | null> {
		return this.queued(workbookId, () => this.digest(workbookId));
	}

	/**
	 * Makes sure every update up to `updateId` is digested: at once when this process already
	 * digested that far, else by {@link catchUp}. Reads of cell history use it.
	 */
	async catchUpThrough(workbookId: string, updateId: number): Promise<void> {
		if ((this.digested.get(workbookId) ?? -1) >= updateId) return;
		await this.catchUp(workbookId);
	}

	/**
	 * Cuts a version of the workbook as it is now (everything committed): a named one, or the
	 * automatic "before restore". Null when the workbook does not exist.
	 */
	cutNow(
		workbookId: string,
		kind: 'auto' | 'named',
		name: string | null
	): Promise<WorkbookVersion | null> {
		return this.queued(workbookId, async () => {
			const cursor = await this.digest(workbookId);
			if (!cursor) return null;
			const editors = cursor.sessionEditors;
			const meta = {
				kind,
				name,
				editors,
				createdAt: new Date(this.config.now()),
				throughUpdateId: cursor.throughUpdateId
			};
			const version = await this.closeSession(cursor, meta);
			return version;
		});
	}

	/**
	 * The workbook's cursor, starting its history (a first version of its stored snapshot) when
	 * it has none; null when the workbook does not exist. Not queued behind digests.
	 */
	async begin(workbookId: string): Promise<HistoryCursor | null> {
		const cursor = await readCursor(workbookId);
		if (cursor) return cursor;
		let started = this.beginning.get(workbookId);
		if (!started) {
			started = (async () =>
				(await readCursor(workbookId)) ?? beginHistory(workbookId, this.config.now()))();
			this.beginning.set(workbookId, started);
			void started.catch(() => undefined).finally(() => this.beginning.delete(workbookId));
		}
		return started;
	}

	/** Logs a background digest's failure (the next digest retries). */
	digestFailed(workbookId: string, error: unknown): void {
		this.log.warn({ err: error, workbookId }, 'history digest failed');
	}

	/** Thins the workbook's old automatic versions (see retention.ts). */
	thin(workbookId: string): Promise<number> {
		return this.queued(workbookId, () => thinWorkbook(workbookId, this.config.now(), this.config));
	}

	/**
	 * Catches up every workbook with undigested log rows or an idle open session, then thins
	 * versions past the keep-all age. Errors are logged per workbook.
	 */
	sweep(): Promise<void> {
		this.sweeping ??= this.sweepOnce().finally(() => (this.sweeping = null));
		return this.sweeping;
	}

	/** Starts the periodic sweep (unreferenced: it never keeps the process alive). */
	start(): void {
		if (this.timer) return;
		this.timer = setInterval(() => void this.sweep(), this.config.sweepIntervalMs);
		this.timer.unref?.();
	}

	/** Resolves once no digest of any workbook is queued or running. */
	async settled(): Promise<void> {
		while (this.queues.size > 0) await Promise.allSettled([...this.queues.values()]);
	}

	/** Stops the sweep and waits for digests in progress. */
	async stop(): Promise<void> {
		clearInterval(this.timer);
		this.timer = undefined;
		await this.sweeping;
		await Promise.allSettled([...this.queues.values()]);
	}

	private async sweepOnce(): Promise<void> {
		const now = this.config.now();
		for (const id of await findUndigestedWorkbooks(now - this.config.idleMs)) {
			await this.catchUp(id).catch((error: unknown) =>
				this.log.warn({ err: error, workbookId: id }, 'history digest failed')
			);
		}
		for (const id of await findWorkbooksToThin(now - this.config.keepAllMs)) {
			await this.thin(id).catch((error: unknown) =>
				this.log.warn({ err: error, workbookId: id }, 'history thinning failed')
			);
		}
	}

	private queued<T>(workbookId: string, run: () => Promise<T>): Promise<T> {
		const previous = this.queues.get(workbookId) ?? Promise.resolve();
		const next = previous.catch(() => undefined).then(run);
		const settled = next.catch(() => undefined);
		this.queues.set(workbookId, settled);
		void settled.then(() => {
			if (this.queues.get(workbookId) === settled) this.queues.delete(workbookId);
		});
		return next;
	}

	/** The digest itself (under the workbook's queue). */
	private async digest(workbookId: string): Promise<HistoryCursor | null> {
		let cursor = await this.begin(workbookId);
		if (!cursor) return null;
		const startedAt = cursor.throughUpdateId;
		for (let first = true; ; first = false) {
			const rows = await readLogAfter(workbookId, cursor.throughUpdateId, DIGEST_BATCH);
			if (rows.length === 0) break;
			if (first) await deleteUndigestedCells(workbookId, cursor.throughUpdateId);
			const plan = planCuts(sessionOf(cursor), rows, this.config);
			const latest = await this.requireVersion(workbookId, cursor.latestVersionId);
			const chain = await readChain(latest);
			const result: DigestResult = await runStatelessTask({
				kind: 'history-digest',
				base: chain,
				pending: new Uint8Array(cursor.pending),
				updates: rows.map((row) => row.update),
				cuts: plan.cuts.map((cut) => cut.before)
			});
			const cells: CellHistoryRow[] = result.changes.map((change) => ({
				workbookId,
				sheetId: change.sheetId,
				cellKey: change.cellKey,
				updateId: rows[change.index].id,
				userId: rows[change.index].userId,
				at: new Date(rows[change.index].at),
				before: change.before,
				after: change.after
			}));
			const versions: VersionRow[] = [];
			let previous = latest;
			let seq = await readLastSeq(workbookId);
			for (const [index, cut] of plan.cuts.entries()) {
				const version = await composeVersion(
					this.config.keyframeEvery,
					workbookId,
					chain,
					previous,
					result.segments[index],
					++seq,
					{
						kind: 'auto',
						name: null,
						editors: cut.editors,
						createdAt: new Date(cut.at),
						throughUpdateId: cut.before > 0 ? rows[cut.before - 1].id : cursor.throughUpdateId
					}
				);
				versions.push(version);
				previous = version as WorkbookVersion;
			}
			cursor = {
				workbookId,
				throughUpdateId: rows[rows.length - 1].id,
				latestVersionId: previous.id,
				pending: result.pending,
				sessionStartedAt: dateOf(plan.session.startedAt),
				lastEditAt: dateOf(plan.session.lastEditAt),
				sessionEditors: plan.session.editors
			};
			await writeDigest(cursor, cells, versions);
		}
		this.digested.set(workbookId, cursor.throughUpdateId);
		// The rows compaction left for history (see commit-pipeline.ts) can go now.
		if (cursor.throughUpdateId > startedAt) {
			await deleteFoldedUpdates(workbookId, cursor.throughUpdateId);
		}
		const session = sessionOf(cursor);
		if (isIdle(session, this.config.now(), this.config.idleMs)) {
			await this.closeSession(cursor, {
				kind: 'auto',
				name: null,
				editors: session.editors,
				createdAt: new Date(session.lastEditAt!),
				throughUpdateId: cursor.throughUpdateId
			});
			return readCursor(workbookId);
		}
		return cursor;
	}

	/** Cuts a version holding the cursor's pending change and starts a fresh session. */
	private async closeSession(cursor: HistoryCursor, meta: VersionMeta): Promise<WorkbookVersion> {
		const latest = await this.requireVersion(cursor.workbookId, cursor.latestVersionId);
		const chain = await readChain(latest);
		const seq = (await readLastSeq(cursor.workbookId)) + 1;
		const version = await composeVersion(
			this.config.keyframeEvery,
			cursor.workbookId,
			chain,
			latest,
			new Uint8Array(cursor.pending),
			seq,
			meta
		);
		await writeDigest(
			{
				...cursor,
				latestVersionId: version.id,
				pending: EMPTY_UPDATE,
				sessionStartedAt: null,
				lastEditAt: null,
				sessionEditors: []
			},
			[],
			[version]
		);
		return version as WorkbookVersion;
	}

	private async requireVersion(workbookId: string, id: string): Promise<WorkbookVersion> {
		const version = await readVersion(workbookId, id);
		if (!version) throw new Error(`history of workbook ${workbookId} lost version ${id}`);
		return version;
	}
}

const SERVICE_KEY = Symbol.for('investflow.history.service');
type ServiceSlot = { [SERVICE_KEY]?: HistoryService };

/** The process's history service, created on first call with `overrides` over `HISTORY_*`. */
export function getHistoryService(overrides: Partial<HistoryConfig> = {}): HistoryService {
	const slot = globalThis as ServiceSlot;
	slot[SERVICE_KEY] ??= new HistoryService({ ...readHistoryConfig(), ...overrides });
	return slot[SERVICE_KEY];
}

/** Forgets the service (after stop), so a restarted server makes a new one. */
export function resetHistoryService(): void {
	delete (globalThis as ServiceSlot)[SERVICE_KEY];
}
