/**
 * The sharing audit trail. Every change to who can reach a workbook is recorded with its actor
 * and time; the owner reads the trail in the share dialog.
 */
import { desc, eq } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { getDb } from '../db';
import { shareEvent, user } from '../db/schema';

export type ShareEventKind =
	| 'invite'
	| 'role_change'
	| 'removal'
	| 'leave'
	| 'ownership_transfer'
	| 'link_created'
	| 'link_used'
	| 'link_revoked'
	| 'invite_accepted';

export interface ShareEventInput {
	workbookId: string;
	actorUserId: string | null;
	kind: ShareEventKind;
	subject?: string | null;
	detail?: string | null;
}

export interface ShareEventView {
	id: number;
	kind: ShareEventKind;
	actor: { id: string; name: string } | null;
	subject: string | null;
	detail: string | null;
	createdAt: string;
}

/** Records one sharing event. */
export async function recordShareEvent(event: ShareEventInput): Promise<void> {
	const db = await getDb();
	await db.insert(shareEvent).values({
		workbookId: event.workbookId,
		actorUserId: event.actorUserId,
		kind: event.kind,
		subject: event.subject ?? null,
		detail: event.detail ?? null
	});
}

const actor = alias(user, 'actor');

/** The workbook's sharing events, newest first (at most `limit`). */
export async function listShareEvents(workbookId: string, limit = 100): Promise<ShareEventView[]> {
	const db = await getDb();
	const rows = await db
		.select({
			id: shareEvent.id,
			kind: shareEvent.kind,
			actorId: actor.id,
			actorName: actor.name,
			subject: shareEvent.subject,
			detail: shareEvent.detail,
			createdAt: shareEvent.createdAt
		})
		.from(shareEvent)
		.leftJoin(actor, eq(actor.id, shareEvent.actorUserId))
		.where(eq(shareEvent.workbookId, workbookId))
		.orderBy(desc(shareEvent.id))
		.limit(limit);
	return rows.map((row) => ({
		id: row.id,
		kind: row.kind as ShareEventKind,
		actor: row.actorId ? { id: row.actorId, name: row.actorName ?? '' } : null,
		subject: row.subject,
		detail: row.detail,
		createdAt: row.createdAt.toISOString()
	}));
}
