/**
 * Workbooks as records: list, create (seeded on the server), read, rename, delete. Query
 * functions take plain values and throw AppErrors; a workbook the caller cannot see is a 404 (so
 * ids cannot be probed) and a role too weak for the action is a 403.
 */
import { encodeBase32LowerCaseNoPadding } from '@oslojs/encoding';
import { desc, eq, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { getDb } from './db';
import { documentSnapshot, user, workbook, workbookMember } from './db/schema';
import { AppError, invalidInput, notFound } from './errors';
import { deleteUpdateLog, newestLoggedChange, newestLoggedEditor } from './collab/persistence';
import { CloseCode } from '../collab/protocol';
import { getRoomRegistry } from './collab/room-registry';
import {
	resolveAccess,
	roleAllows,
	toIdentity,
	type Requester,
	type WorkbookRole
} from './workbook-access';
import { isWorkbookTemplate, seedWorkbookState, WORKBOOK_TEMPLATES } from './workbook-content';

/** Longest title accepted. */
export const MAX_TITLE_LENGTH = 200;

/** A workbook as listed for one person. */
export interface WorkbookSummary {
	id: string;
	title: string;
	role: WorkbookRole;
	template: string | null;
	createdAt: Date;
	updatedAt: Date;
	lastEditedBy: { id: string; name: string } | null;
}

/** A fresh, unguessable workbook id (120 random bits, base32). */
export function generateWorkbookId(): string {
	const bytes = new Uint8Array(15);
	crypto.getRandomValues(bytes);
	return encodeBase32LowerCaseNoPadding(bytes);
}

/** Validates a title: text, trimmed, 1–200 characters. */
export function readTitle(value: unknown): string {
	if (typeof value !== 'string' || value.trim() === '') {
		throw invalidInput('Give the workbook a title.', 'title');
	}
	const title = value.trim();
	if (title.length > MAX_TITLE_LENGTH) {
		throw invalidInput(`A title can be at most ${MAX_TITLE_LENGTH} characters.`, 'title');
	}
	return title;
}

const editor = alias(user, 'editor');

/**
 * When a workbook was last changed: its newest logged update, else its own stamp (which
 * compaction keeps).
 */
const lastChangedAt =
	sql<Date>`coalesce(${newestLoggedChange(workbook.id)}, ${workbook.updatedAt})`.mapWith(
		workbook.updatedAt
	);

/** Who made the newest logged update, else the workbook's stamp (see lastChangedAt). */
const lastEditorId = sql<
	string | null
>`coalesce(${newestLoggedEditor(workbook.id)}, ${workbook.lastEditedBy})`;

function summaryQuery(db: Awaited<ReturnType<typeof getDb>>) {
	return db
		.select({
			id: workbook.id,
			title: workbook.title,
			role: workbookMember.role,
			template: workbook.template,
			createdAt: workbook.createdAt,
			updatedAt: lastChangedAt,
			editorId: editor.id,
			editorName: editor.name
		})
		.from(workbookMember)
		.innerJoin(workbook, eq(workbook.id, workbookMember.workbookId))
		.leftJoin(editor, eq(editor.id, lastEditorId));
}

type SummaryRow = Awaited<ReturnType<ReturnType<typeof summaryQuery>['execute']>>[number];

function toSummary(row: SummaryRow): WorkbookSummary {
	return {
		id: row.id,
		title: row.title,
		role: row.role as WorkbookRole,
		template: row.template,
		createdAt: row.createdAt,
		updatedAt: row.updatedAt,
		lastEditedBy: row.editorId ? { id: row.editorId, name: row.editorName ?? '' } : null
	};
}

/** The workbooks `userId` owns or that are shared with them, most recently edited first. */
export async function listWorkbooks(userId: string): Promise<WorkbookSummary[]> {
	const db = await getDb();
	const rows = await summaryQuery(db)
		.where(eq(workbookMember.userId, userId))
		.orderBy(desc(lastChangedAt));
	return rows.map(toSummary);
}

/**
 * Creates a workbook owned by `userId` from `template` (default `blank`), storing its seeded
 * document as the first snapshot in the same transaction.
 */
export async function createWorkbook(
	userId: string,
	input: { title: unknown; template?: unknown }
): Promise<WorkbookSummary> {
	const title = readTitle(input.title);
	const template = input.template ?? 'blank';
	if (!isWorkbookTemplate(template)) {
		throw new AppError(
			400,
			'unknown_template',
			`Unknown template; choose one of: ${WORKBOOK_TEMPLATES.join(', ')}.`,
			'template'
		);
	}
	const state = seedWorkbookState(template);
	const id = generateWorkbookId();
	const db = await getDb();
	await db.transaction(async (tx) => {
		await tx
			.insert(workbook)
			.values({ id, title, ownerId: userId, template, lastEditedBy: userId });
		await tx.insert(workbookMember).values({ workbookId: id, userId, role: 'owner' });
		await tx
			.insert(documentSnapshot)
			.values({ workbookId: id, state, throughUpdateId: 0, updateCount: 0 });
	});
	return getWorkbookSummary(userId, id);
}

/**
 * The workbook as `userId` sees it, requiring at least `needed`: 404 when they cannot see it,
 * 403 when they can but their role is weaker.
 */
export async function getWorkbookSummary(
	who: Requester,
	workbookId: string,
	needed: WorkbookRole = 'viewer'
): Promise<WorkbookSummary> {
	const role = await requireRole(who, workbookId, needed);
	const db = await getDb();
	const [row] = await summaryQuery(db).where(eq(workbookMember.workbookId, workbookId)).limit(1);
	if (!row) throw notFound('This workbook');
	return { ...toSummary(row), role };
}

/** The caller's role on the workbook, at least `needed`; 404 / 403 otherwise. */
export async function requireRole(
	who: Requester,
	workbookId: string,
	needed: WorkbookRole
): Promise<WorkbookRole> {
	const role = await resolveAccess(toIdentity(who), workbookId);
	if (!role) throw notFound('This workbook');
	if (!roleAllows(role, needed)) {
		throw new AppError(
			403,
			'forbidden',
			needed === 'owner'
				? 'Only the owner of this workbook can do this.'
				: 'You can view this workbook but not change it.'
		);
	}
	return role;
}

/** Renames a workbook (owners and editors). */
export async function renameWorkbook(
	userId: string,
	workbookId: string,
	title: unknown
): Promise<WorkbookSummary> {
	await requireRole(userId, workbookId, 'editor');
	const newTitle = readTitle(title);
	const db = await getDb();
	await db.update(workbook).set({ title: newTitle }).where(eq(workbook.id, workbookId));
	return getWorkbookSummary(userId, workbookId);
}

/**
 * Deletes a workbook with its members, update log and snapshot (owner only), then closes its
 * open sockets with 4404.
 */
export async function deleteWorkbook(userId: string, workbookId: string): Promise<void> {
	await requireRole(userId, workbookId, 'owner');
	const db = await getDb();
	await db.transaction(async (tx) => {
		await deleteUpdateLog(tx, workbookId);
		await tx.delete(workbook).where(eq(workbook.id, workbookId));
	});
	await getRoomRegistry().evict(workbookId, CloseCode.notFound, 'workbook deleted');
	// A batch that was committing while the first delete ran may have appended more (the log has
	// no foreign key to stop it); nothing can append after the eviction.
	await deleteUpdateLog(db, workbookId);
}
