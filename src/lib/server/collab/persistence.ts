/**
 * Where workbook documents live in the database: a snapshot (`document_snapshot`) plus the log of
 * updates committed after it (`document_update`). Appends are batched (one multi-row insert per
 * group commit); compaction folds the log into the snapshot in one transaction.
 */
import { and, asc, eq, gt, lte, sql } from 'drizzle-orm';
import { getDb } from '../db';
import { documentSnapshot, documentUpdate, workbook } from '../db/schema';

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

/** Reads a workbook's stored document; null when the workbook does not exist. */
export async function loadStoredDocument(workbookId: string): Promise<StoredDocument | null> {
	const db = await getDb();
	const [found] = await db
		.select({ id: workbook.id })
		.from(workbook)
		.where(eq(workbook.id, workbookId));
	if (!found) return null;
	const [snapshot] = await db
		.select()
		.from(documentSnapshot)
		.where(eq(documentSnapshot.workbookId, workbookId));
	const after = snapshot?.throughUpdateId ?? 0;
	const rows = await db
		.select({ id: documentUpdate.id, update: documentUpdate.update })
		.from(documentUpdate)
		.where(and(eq(documentUpdate.workbookId, workbookId), gt(documentUpdate.id, after)))
		.orderBy(asc(documentUpdate.id));
	const updates = rows.map((row) => new Uint8Array(row.update));
	return {
		updates: snapshot ? [new Uint8Array(snapshot.state), ...updates] : updates,
		lastUpdateId: rows.length > 0 ? rows[rows.length - 1].id : after,
		logCount: rows.length,
		logBytes: updates.reduce((sum, update) => sum + update.length, 0)
	};
}

/** Who last edited each workbook since the previous stamp (null: an edit without a user). */
export type EditStamps = Map<string, string | null>;

/**
 * Rows per insert statement: drizzle spreads a statement's parameters into one call, which
 * overflows the stack somewhere past ~100,000 of them (3 per row).
 */
export const INSERT_CHUNK_ROWS = 1_000;

/**
 * Appends `rows` and returns the new ids in the order of `rows`. This is the group commit: the
 * only place accepted updates become durable. A batch is one multi-row insert (atomic by itself,
 * and cheaper than a transaction), or several in one transaction when it is larger than
 * INSERT_CHUNK_ROWS.
 */
export async function appendUpdates(rows: UpdateRow[]): Promise<number[]> {
	if (rows.length === 0) return [];
	const db = await getDb();
	const insert = async (executor: Pick<typeof db, 'insert'>) => {
		const ids: number[] = [];
		for (let start = 0; start < rows.length; start += INSERT_CHUNK_ROWS) {
			const inserted = await executor
				.insert(documentUpdate)
				.values(rows.slice(start, start + INSERT_CHUNK_ROWS).map((row) => ({ ...row })))
				.returning({ id: documentUpdate.id });
			for (const row of inserted) ids.push(row.id);
		}
		return ids.sort((a, b) => a - b);
	};
	if (rows.length <= INSERT_CHUNK_ROWS) return insert(db);
	return db.transaction((tx) => insert(tx));
}

/** Sets `updatedAt` (now) and `lastEditedBy` of each workbook in `stamps`, in one statement. */
export async function stampWorkbooks(
	executor: Pick<Awaited<ReturnType<typeof getDb>>, 'execute'>,
	stamps: EditStamps
): Promise<void> {
	if (stamps.size === 0) return;
	const values = sql.join(
		[...stamps].map(([id, userId]) => sql`(${id}::text, ${userId}::text)`),
		sql`, `
	);
	await executor.execute(
		sql`update ${workbook} set updated_at = now(),
			last_edited_by = coalesce(v.user_id, ${workbook.lastEditedBy})
			from (values ${values}) as v(id, user_id) where ${workbook.id} = v.id`
	);
}

/**
 * Replaces the workbook's snapshot by `state` (covering every update with id ≤ `throughUpdateId`)
 * and deletes the log rows it covers, in one transaction. An older snapshot never overwrites a
 * newer one.
 */
export async function writeSnapshot(
	workbookId: string,
	state: Uint8Array,
	throughUpdateId: number,
	updateCount: number
): Promise<void> {
	const db = await getDb();
	await db.transaction(async (tx) => {
		await tx
			.insert(documentSnapshot)
			.values({ workbookId, state, throughUpdateId, updateCount })
			.onConflictDoUpdate({
				target: documentSnapshot.workbookId,
				set: {
					state,
					throughUpdateId,
					updateCount: sql`${documentSnapshot.updateCount} + ${updateCount}`,
					createdAt: sql`now()`
				},
				setWhere: sql`${documentSnapshot.throughUpdateId} <= ${throughUpdateId}`
			});
		await tx
			.delete(documentUpdate)
			.where(
				and(eq(documentUpdate.workbookId, workbookId), lte(documentUpdate.id, throughUpdateId))
			);
	});
}
