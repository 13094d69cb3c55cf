/**
 * What the history sweep looks for, and the thinning it applies (history-service.ts runs both
 * under each workbook's queue).
 */
import { and, eq, gt, isNull, lt, lte, or, sql } from 'drizzle-orm';
import { getDb } from '../db';
import { documentUpdate, historyCursor, workbookVersion } from '../db/schema';
import { runStatelessTask } from '../evaluation/run-stateless';
import { listVersionRows, readChild, readVersion, removeVersion } from './history-store';
import { selectThinned } from './retention';

/**
 * Workbooks whose log has rows history has not read, or whose open session's last edit was at
 * or before `idleBefore` (ms since the epoch).
 */
export async function findUndigestedWorkbooks(idleBefore: number): Promise<Set<string>> {
	const db = await getDb();
	const unread = await db
		.selectDistinct({ id: documentUpdate.workbookId })
		.from(documentUpdate)
		.leftJoin(historyCursor, eq(historyCursor.workbookId, documentUpdate.workbookId))
		.where(
			or(isNull(historyCursor.workbookId), gt(documentUpdate.id, historyCursor.throughUpdateId))
		);
	const idle = await db
		.select({ id: historyCursor.workbookId })
		.from(historyCursor)
		.where(lte(historyCursor.lastEditAt, new Date(idleBefore)));
	return new Set([...unread, ...idle].map((row) => row.id));
}

/** Workbooks with more than one automatic version made before `keptAllAfter` (ms). */
export async function findWorkbooksToThin(keptAllAfter: number): Promise<string[]> {
	const db = await getDb();
	const rows = await db
		.select({ id: workbookVersion.workbookId })
		.from(workbookVersion)
		.where(
			and(eq(workbookVersion.kind, 'auto'), lt(workbookVersion.createdAt, new Date(keptAllAfter)))
		)
		.groupBy(workbookVersion.workbookId)
		.having(sql`count(*) > 1`);
	return rows.map((row) => row.id);
}

/**
 * Removes the workbook's automatic versions that retention lets go (see retention.ts), oldest
 * first, each folded into the version based on it (merged on an evaluation worker) so every kept
 * version's document stays whole. Returns how many went.
 */
export async function thinWorkbook(
	workbookId: string,
	now: number,
	limits: { keepAllMs: number; keepDailyMs: number }
): Promise<number> {
	const removals = selectThinned(await listVersionRows(workbookId), now, limits);
	for (const id of removals) {
		const removed = await readVersion(workbookId, id);
		if (!removed) continue;
		const child = await readChild(id);
		let folded: { id: string; state: Uint8Array; depth: number } | null = null;
		if (child) {
			const keyframe = removed.baseVersionId === null;
			const state = await runStatelessTask({
				kind: 'history-merge',
				mode: keyframe ? 'state' : 'updates',
				parts: [new Uint8Array(removed.state), new Uint8Array(child.state)]
			});
			folded = { id: child.id, state, depth: keyframe ? 0 : Math.max(0, child.depth - 1) };
		}
		await removeVersion(removed, folded);
	}
	return removals.length;
}
