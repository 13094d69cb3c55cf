/**
 * "Work on a copy": a new workbook with the whole document of another (sheets, names, charts,
 * scenarios) as its first snapshot, owned by the caller and shared with nobody. Any member with
 * an account may copy — a viewer too, since reading is all a copy needs — but not a view-only
 * link, which has no account to own the copy.
 */
import { eq } from 'drizzle-orm';
import * as Y from 'yjs';
import { getDb } from './db';
import { documentSnapshot, workbook, workbookMember } from './db/schema';
import { getRoomRegistry } from './collab/room-registry';
import { notFound } from './errors';
import { inRoom } from './workbook-cells';
import {
	generateWorkbookId,
	getWorkbookSummary,
	readTitle,
	requireRole,
	type WorkbookSummary
} from './workbooks';

/** Copies workbook `workbookId` for `userId` under `title` (default "Copy of …"). */
export async function copyWorkbook(
	userId: string,
	workbookId: string,
	title: unknown
): Promise<WorkbookSummary> {
	await requireRole(userId, workbookId, 'viewer');
	const db = await getDb();
	const [source] = await db
		.select({ title: workbook.title, template: workbook.template })
		.from(workbook)
		.where(eq(workbook.id, workbookId));
	if (!source) throw notFound('This workbook');
	const finalTitle = readTitle(title ?? `Copy of ${source.title}`.slice(0, 200));
	// The durable state: what every member has seen, committed.
	const state = await inRoom(() =>
		getRoomRegistry().read(workbookId, (doc) => Y.encodeStateAsUpdate(doc))
	);
	const id = generateWorkbookId();
	await db.transaction(async (tx) => {
		await tx.insert(workbook).values({
			id,
			title: finalTitle,
			ownerId: userId,
			template: source.template,
			lastEditedBy: userId
		});
		await tx.insert(workbookMember).values({ workbookId: id, userId, role: 'owner' });
		await tx
			.insert(documentSnapshot)
			.values({ workbookId: id, state, throughUpdateId: 0, updateCount: 0 });
	});
	return getWorkbookSummary(userId, id);
}
