/**
 * Who may do what with a workbook. Every workbook route and the WebSocket upgrade ask here; the
 * answer is a role or null (no access). Membership lives in `workbook_member`; share-link tokens
 * are accepted in the signature now and honoured once sharing lands.
 */
import { and, eq } from 'drizzle-orm';
import { getDb } from './db';
import { workbook, workbookMember } from './db/schema';
import { resolveShareLinkToken } from './sharing/links';

/** A person's role on a workbook, strongest first. */
export type WorkbookRole = 'owner' | 'editor' | 'viewer';

/** Who is asking: a signed-in user, a share-link token, or both. */
export interface AccessIdentity {
	userId?: string | null;
	linkToken?: string | null;
	/** Where a link token came from: wrong tokens count as guesses from this address. */
	clientAddress?: string;
}

/** A caller: a user id, or a full identity (user and/or share-link token). */
export type Requester = string | AccessIdentity;

/** The identity a requester stands for. */
export function toIdentity(who: Requester): AccessIdentity {
	return typeof who === 'string' ? { userId: who } : who;
}

const RANK: Record<WorkbookRole, number> = { viewer: 1, editor: 2, owner: 3 };

/** True when `role` is at least `needed`. */
export function roleAllows(role: WorkbookRole | null, needed: WorkbookRole): boolean {
	return role !== null && RANK[role] >= RANK[needed];
}

/** True when `role` may change the document (owners and editors). */
export function canWrite(role: WorkbookRole | null): boolean {
	return roleAllows(role, 'editor');
}

function isRole(value: string): value is WorkbookRole {
	return value in RANK;
}

/**
 * The identity's role on `workbookId`, or null when it has none (including when the workbook
 * does not exist — callers that must tell the two apart use {@link workbookExists}).
 */
export async function resolveAccess(
	identity: AccessIdentity,
	workbookId: string
): Promise<WorkbookRole | null> {
	if (identity.userId) {
		const db = await getDb();
		const [member] = await db
			.select({ role: workbookMember.role })
			.from(workbookMember)
			.where(
				and(eq(workbookMember.workbookId, workbookId), eq(workbookMember.userId, identity.userId))
			);
		if (member && isRole(member.role)) return member.role;
	}
	if (identity.linkToken) {
		const link = await resolveShareLinkToken(identity.linkToken, identity.clientAddress);
		// A link pinned to a version reads that version only (history/version-access.ts).
		if (link?.workbookId === workbookId && !link.versionId) return link.role;
	}
	return null;
}

/** True when a workbook with this id exists. */
export async function workbookExists(workbookId: string): Promise<boolean> {
	const db = await getDb();
	const [found] = await db
		.select({ id: workbook.id })
		.from(workbook)
		.where(eq(workbook.id, workbookId));
	return !!found;
}
