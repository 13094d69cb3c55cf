/**
 * History's rows in the database: versions, the cursor over the update log, and cell history.
 * Plain query functions; the order of use (and the per-workbook lock) is history-service.ts's.
 */
import { setImmediate as nextTurn } from 'node:timers/promises';
import { and, asc, desc, eq, gt, inArray, lt, max, sql } from 'drizzle-orm';
import { getDb, type Database } from '../db';
import {
	cellHistory,
	documentSnapshot,
	documentUpdate,
	historyCursor,
	user,
	workbookVersion,
	type HistoryCursor,
	type WorkbookVersion
} from '../db/schema';
import { readSnapshotState } from '../collab/snapshot-parts';

/** A committed update as history reads it. */
export interface LoggedUpdate {
	id: number;
	update: Uint8Array;
	userId: string | null;
	at: number;
}

/** One cell history row to write. */
export type CellHistoryRow = typeof cellHistory.$inferInsert;
/** One version to write. */
export type VersionRow = typeof workbookVersion.$inferInsert;

type Executor = Pick<Database, 'select' | 'insert' | 'update' | 'delete'>;

/** The workbook's cursor, or null before its history started. */
export async function readCursor(workbookId: string): Promise<HistoryCursor | null> {
	const db = await getDb();
	const [cursor] = await db
		.select()
		.from(historyCursor)
		.where(eq(historyCursor.workbookId, workbookId));
	return cursor ?? null;
}

/** The workbook's snapshot (whole state) and the update it reaches; null when it has none. */
export async function readSnapshot(
	workbookId: string
): Promise<{ state: Uint8Array; throughUpdateId: number; createdAt: Date } | null> {
	const db = await getDb();
	return db.transaction(
		async (tx) => {
			const [snapshot] = await tx
				.select()
				.from(documentSnapshot)
				.where(eq(documentSnapshot.workbookId, workbookId));
			if (!snapshot) return null;
			const state = await readSnapshotState(tx, snapshot, snapshot.state);
			return { state, throughUpdateId: snapshot.throughUpdateId, createdAt: snapshot.createdAt };
		},
		{ isolationLevel: 'repeatable read', accessMode: 'read only' }
	);
}

/** Up to `limit` committed updates after `afterId`, oldest first. */
export async function readLogAfter(
	workbookId: string,
	afterId: number,
	limit: number
): Promise<LoggedUpdate[]> {
	const db = await getDb();
	const rows = await db
		.select()
		.from(documentUpdate)
		.where(and(eq(documentUpdate.workbookId, workbookId), gt(documentUpdate.id, afterId)))
		.orderBy(asc(documentUpdate.id))
		.limit(limit);
	return rows.map((row) => ({
		id: row.id,
		update: new Uint8Array(row.update),
		userId: row.userId || null,
		at: row.createdAt.getTime()
	}));
}

/** The version, if it belongs to the workbook. */
export async function readVersion(
	workbookId: string,
	versionId: string
): Promise<WorkbookVersion | null> {
	const db = await getDb();
	const [version] = await db
		.select()
		.from(workbookVersion)
		.where(and(eq(workbookVersion.workbookId, workbookId), eq(workbookVersion.id, versionId)));
	return version ?? null;
}

/** The version just before `seq` that is still kept, if any. */
export async function readPreviousVersion(
	workbookId: string,
	seq: number
): Promise<WorkbookVersion | null> {
	const db = await getDb();
	const [version] = await db
		.select()
		.from(workbookVersion)
		.where(and(eq(workbookVersion.workbookId, workbookId), lt(workbookVersion.seq, seq)))
		.orderBy(desc(workbookVersion.seq))
		.limit(1);
	return version ?? null;
}

/**
 * The states that make `version`'s document, its keyframe first: applied in order they are the
 * document as it was (at most `depth + 1` of them).
 */
export async function readChain(version: WorkbookVersion): Promise<Uint8Array[]> {
	const db = await getDb();
	const parts = [new Uint8Array(version.state)];
	let base = version.baseVersionId;
	while (base) {
		const [row] = await db
			.select({ state: workbookVersion.state, base: workbookVersion.baseVersionId })
			.from(workbookVersion)
			.where(eq(workbookVersion.id, base));
		if (!row) throw new Error(`version ${version.id} lost its base ${base}`);
		parts.unshift(new Uint8Array(row.state));
		base = row.base;
	}
	return parts;
}

/** Every version of the workbook, newest first, without their states. */
export async function listVersionRows(workbookId: string) {
	const db = await getDb();
	return db
		.select({
			id: workbookVersion.id,
			seq: workbookVersion.seq,
			kind: workbookVersion.kind,
			name: workbookVersion.name,
			createdAt: workbookVersion.createdAt,
			editors: workbookVersion.editors,
			throughUpdateId: workbookVersion.throughUpdateId,
			baseVersionId: workbookVersion.baseVersionId,
			bytes: sql<number>`octet_length(${workbookVersion.state})`.mapWith(Number)
		})
		.from(workbookVersion)
		.where(eq(workbookVersion.workbookId, workbookId))
		.orderBy(desc(workbookVersion.seq));
}

/** The highest version number the workbook has used (0 when none). */
export async function readLastSeq(workbookId: string): Promise<number> {
	const db = await getDb();
	const [row] = await db
		.select({ seq: max(workbookVersion.seq) })
		.from(workbookVersion)
		.where(eq(workbookVersion.workbookId, workbookId));
	return row?.seq ?? 0;
}

/** Names of the given users, by id. */
export async function readUserNames(ids: string[]): Promise<Map<string, string>> {
	if (ids.length === 0) return new Map();
	const db = await getDb();
	const rows = await db
		.select({ id: user.id, name: user.name })
		.from(user)
		.where(inArray(user.id, ids));
	return new Map(rows.map((row) => [row.id, row.name]));
}

/** Rows per cell-history insert (9 parameters each, far below PostgreSQL's 65,535). */
const CELL_ROWS_PER_INSERT = 1_000;

/**
 * Writes a digest's outcome: its cell history a thousand rows per statement, with a turn of the
 * event loop between (on PGlite every statement holds the one database thread, and a bulk edit's
 * tens of thousands of rows in one transaction held every group commit behind it), then the new
 * versions and the cursor in one transaction. Rows past the cursor that a crash left behind are
 * deleted first by {@link deleteUndigestedCells}, so none is ever written twice.
 */
export async function writeDigest(
	cursor: HistoryCursor,
	cells: CellHistoryRow[],
	versions: VersionRow[]
): Promise<void> {
	const db = await getDb();
	for (let i = 0; i < cells.length; i += CELL_ROWS_PER_INSERT) {
		await db.insert(cellHistory).values(cells.slice(i, i + CELL_ROWS_PER_INSERT));
		await nextTurn();
	}
	await db.transaction(async (tx) => {
		for (const version of versions) await tx.insert(workbookVersion).values(version);
		await writeCursor(tx, cursor);
	});
}

/** Deletes cell history of updates after `throughUpdateId` (a digest a crash interrupted). */
export async function deleteUndigestedCells(
	workbookId: string,
	throughUpdateId: number
): Promise<void> {
	const db = await getDb();
	await db
		.delete(cellHistory)
		.where(and(eq(cellHistory.workbookId, workbookId), gt(cellHistory.updateId, throughUpdateId)));
}

async function writeCursor(tx: Executor, cursor: HistoryCursor): Promise<void> {
	await tx
		.insert(historyCursor)
		.values(cursor)
		.onConflictDoUpdate({
			target: historyCursor.workbookId,
			set: {
				throughUpdateId: cursor.throughUpdateId,
				latestVersionId: cursor.latestVersionId,
				pending: cursor.pending,
				sessionStartedAt: cursor.sessionStartedAt,
				lastEditAt: cursor.lastEditAt,
				sessionEditors: cursor.sessionEditors
			}
		});
}

/** Renames a version; naming an automatic one makes it named (kept forever). */
export async function renameVersion(
	workbookId: string,
	versionId: string,
	name: string
): Promise<boolean> {
	const db = await getDb();
	const renamed = await db
		.update(workbookVersion)
		.set({ name, kind: 'named' })
		.where(and(eq(workbookVersion.workbookId, workbookId), eq(workbookVersion.id, versionId)))
		.returning({ id: workbookVersion.id });
	return renamed.length > 0;
}

/**
 * Removes version `removed`, folding its change into `child` (the version based on it, if any),
 * which then takes its base: the chain still makes every kept version's document.
 */
export async function removeVersion(
	removed: WorkbookVersion,
	child: { id: string; state: Uint8Array; depth: number } | null
): Promise<void> {
	const db = await getDb();
	await db.transaction(async (tx) => {
		if (child) {
			await tx
				.update(workbookVersion)
				.set({
					state: child.state,
					baseVersionId: removed.baseVersionId,
					depth: child.depth
				})
				.where(eq(workbookVersion.id, child.id));
		}
		await tx.delete(workbookVersion).where(eq(workbookVersion.id, removed.id));
	});
}

/** The version based on `versionId`, if any. */
export async function readChild(versionId: string): Promise<WorkbookVersion | null> {
	const db = await getDb();
	const [child] = await db
		.select()
		.from(workbookVersion)
		.where(eq(workbookVersion.baseVersionId, versionId));
	return child ?? null;
}
