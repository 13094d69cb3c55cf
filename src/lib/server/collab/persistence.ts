/**
 * Where workbook documents live in the database: a snapshot (`document_snapshot`) plus the log of
 * updates committed after it (`document_update`). Appends are batched (one insert per group
 * commit); compaction replaces the snapshot in one transaction and then deletes the rows it covers.
 */
import { setImmediate as nextTurn } from 'node:timers/promises';
import { and, asc, eq, gt, inArray, lte, sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import { getDb, openDatabase, SqlArray, type Database } from '../db';
import { documentSnapshot, documentUpdate, workbook } from '../db/schema';
import {
	deleteUnusedSnapshotParts,
	readSnapshotState,
	splitSnapshot,
	writeSnapshotParts
} from './snapshot-parts';

/** A workbook's stored document: the snapshot first, then the log rows after it, in order. */
export interface StoredDocument {
	updates: Uint8Array[];
	/** Id of the newest update the state covers (0 when none). */
	lastUpdateId: number;
	/** Log rows after the snapshot, and their bytes: what compaction would fold. */
	logCount: number;
	logBytes: number;
}

/** One update to append: who wrote it into which workbook. */
export interface UpdateRow {
	workbookId: string;
	update: Uint8Array;
	userId: string | null;
}

/**
 * Reads a workbook's stored document; null when the workbook does not exist. One read-only
 * transaction that sees one moment: a snapshot committed between reading the old one and reading
 * the log would otherwise have taken rows away that the old snapshot does not hold.
 */
export async function loadStoredDocument(workbookId: string): Promise<StoredDocument | null> {
	const db = await getDb();
	return db.transaction(
		async (tx) => {
			const [found] = await tx
				.select({ id: workbook.id })
				.from(workbook)
				.where(eq(workbook.id, workbookId));
			if (!found) return null;
			const [snapshot] = await tx
				.select()
				.from(documentSnapshot)
				.where(eq(documentSnapshot.workbookId, workbookId));
			const after = snapshot?.throughUpdateId ?? 0;
			const rows = await tx
				.select({ id: documentUpdate.id, update: documentUpdate.update })
				.from(documentUpdate)
				.where(and(eq(documentUpdate.workbookId, workbookId), gt(documentUpdate.id, after)))
				.orderBy(asc(documentUpdate.id));
			const updates: Uint8Array[] = rows.map((row) => new Uint8Array(row.update));
			if (snapshot) updates.unshift(await readSnapshotState(tx, snapshot, snapshot.state));
			return {
				updates,
				lastUpdateId: rows.length > 0 ? rows[rows.length - 1].id : after,
				logCount: rows.length,
				logBytes: rows.reduce((sum, row) => sum + row.update.length, 0)
			};
		},
		{ isolationLevel: 'repeatable read', accessMode: 'read only' }
	);
}

/**
 * Appends `rows` and returns the new ids in the order of `rows`. This is the group commit: the
 * only place accepted updates become durable. A batch of any size is one statement (atomic by
 * itself): the rows go as three array parameters, so the statement's text never changes and
 * PostgreSQL reuses its prepared plan.
 */
export async function appendUpdates(rows: UpdateRow[]): Promise<number[]> {
	if (rows.length === 0) return [];
	const handle = await openDatabase();
	const inserted = await handle.query<{ id: number | string }>(
		`insert into document_update (workbook_id, update, user_id)
			select * from unnest($1::text[], $2::bytea[], $3::text[]) returning id`,
		[
			new SqlArray(
				'text',
				rows.map((row) => row.workbookId)
			),
			new SqlArray(
				'bytea',
				rows.map((row) => row.update)
			),
			new SqlArray(
				'text',
				rows.map((row) => row.userId)
			)
		]
	);
	// Identities come from one sequence in row order; bigint arrives as a string on postgres.js.
	return inserted.map((row) => Number(row.id)).sort((a, b) => a - b);
}

/** Deletes the workbook's whole update log (its snapshot goes with the workbook row). */
export async function deleteUpdateLog(
	executor: Pick<Database, 'delete'>,
	workbookId: string
): Promise<void> {
	await executor.delete(documentUpdate).where(eq(documentUpdate.workbookId, workbookId));
}

/** Log rows removed per statement once a snapshot covers them. */
const COVERED_ROWS_PER_DELETE = 250;

/**
 * Deletes the workbook's log rows up to `throughUpdateId` (those its snapshot covers), a few
 * hundred per statement with a turn of the event loop between. PGlite runs one statement at a
 * time: deleting the 1,000–6,000 rows of one compaction at once took 17–48 ms, and no group
 * commit could run meanwhile. Each statement starts after the last id the previous one deleted,
 * so none walks past rows already deleted.
 */
async function deleteCoveredUpdates(workbookId: string, throughUpdateId: number): Promise<void> {
	const db = await getDb();
	let deletedThrough = 0;
	for (;;) {
		const oldest = db
			.select({ id: documentUpdate.id })
			.from(documentUpdate)
			.where(
				and(
					eq(documentUpdate.workbookId, workbookId),
					gt(documentUpdate.id, deletedThrough),
					lte(documentUpdate.id, throughUpdateId)
				)
			)
			.orderBy(asc(documentUpdate.id))
			.limit(COVERED_ROWS_PER_DELETE);
		const deleted = await db
			.delete(documentUpdate)
			.where(inArray(documentUpdate.id, oldest))
			.returning({ id: documentUpdate.id });
		if (deleted.length < COVERED_ROWS_PER_DELETE) return;
		deletedThrough = Math.max(...deleted.map((row) => row.id));
		await nextTurn();
	}
}

/**
 * When the workbook (a column or an id) was last changed according to its log: the time of its
 * newest update, or null. One backward probe of the (workbook_id, id) index. The workbook list
 * reads this instead of a stamp written on every commit, so the group commit stays one insert.
 */
export function newestLoggedChange(workbookId: SQLWrapper | string): SQL<Date | null> {
	return sql`(select u.created_at from ${documentUpdate} u
		where u.workbook_id = ${workbookId} order by u.id desc limit 1)`;
}

/** Who made the workbook's newest update with an author, or null (see newestLoggedChange). */
export function newestLoggedEditor(workbookId: SQLWrapper | string): SQL<string | null> {
	return sql`(select u.user_id from ${documentUpdate} u
		where u.workbook_id = ${workbookId} and u.user_id <> '' order by u.id desc limit 1)`;
}

/**
 * Replaces the workbook's snapshot by `state` (covering every update with id ≤ `throughUpdateId`)
 * in one transaction with stamping the workbook with the time and author of its newest logged
 * change; then deletes the rows the snapshot covers. Only a newer snapshot replaces one: of two
 * writes of the same update (two compactions racing), the first to commit stays. A large state's
 * parts after its first are stored before, one statement each (see snapshot-parts.ts).
 *
 * The covered rows stop counting when the snapshot commits: loading reads only rows after
 * `throughUpdateId`, so no state ever has an update both in the snapshot and in the log, or in
 * neither. Their deletion is clean-up and runs as its own statement, on a later turn of the event
 * loop: PGlite runs one statement at a time, and group commits run between (a busy document's
 * compaction was one 20 ms block). Rows a crash leaves behind go with the next compaction's
 * delete.
 *
 * `releasedThrough` bounds that deletion: rows after it stay although the snapshot covers them
 * (history has not digested them yet; see {@link deleteFoldedUpdates}, which takes them later).
 */
export async function writeSnapshot(
	workbookId: string,
	state: Uint8Array,
	throughUpdateId: number,
	updateCount: number,
	releasedThrough = throughUpdateId
): Promise<void> {
	const db = await getDb();
	const parts = splitSnapshot(state);
	const writeId = await writeSnapshotParts(db, workbookId, throughUpdateId, parts);
	await db.transaction(async (tx) => {
		// The workbook list reads the last change and editor from the log; the rows about to be
		// folded leave theirs on the workbook itself.
		await tx
			.update(workbook)
			.set({
				// greatest() ignores a null: a workbook without logged changes keeps its stamp.
				updatedAt: sql`greatest(${workbook.updatedAt}, ${newestLoggedChange(workbookId)})`,
				lastEditedBy: sql`coalesce(${newestLoggedEditor(workbookId)}, ${workbook.lastEditedBy})`
			})
			.where(eq(workbook.id, workbookId));
		await tx
			.insert(documentSnapshot)
			.values({
				workbookId,
				state: parts[0],
				throughUpdateId,
				updateCount,
				partCount: parts.length,
				writeId
			})
			.onConflictDoUpdate({
				target: documentSnapshot.workbookId,
				set: {
					// The row proposed for insertion: the state is serialised and sent once, not twice.
					state: sql`excluded.state`,
					throughUpdateId,
					updateCount: sql`${documentSnapshot.updateCount} + ${updateCount}`,
					partCount: parts.length,
					writeId,
					createdAt: sql`now()`
				},
				setWhere: sql`${documentSnapshot.throughUpdateId} < ${throughUpdateId}`
			});
	});
	await nextTurn();
	await deleteUnusedSnapshotParts(db, workbookId);
	await deleteCoveredUpdates(workbookId, Math.min(throughUpdateId, releasedThrough));
}

/**
 * Deletes the workbook's log rows that both its snapshot covers and history has digested (ids ≤
 * `digestedThrough`): the rows a compaction had to leave because history had not read them yet.
 * Nothing when the workbook has no snapshot.
 */
export async function deleteFoldedUpdates(
	workbookId: string,
	digestedThrough: number
): Promise<void> {
	const db = await getDb();
	const [snapshot] = await db
		.select({ throughUpdateId: documentSnapshot.throughUpdateId })
		.from(documentSnapshot)
		.where(eq(documentSnapshot.workbookId, workbookId));
	if (!snapshot) return;
	await deleteCoveredUpdates(workbookId, Math.min(snapshot.throughUpdateId, digestedThrough));
}
