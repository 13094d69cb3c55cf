/**
 * Co-owners and guests of a workbook: list, change roles, remove, leave, transfer ownership
 * (invitations are in invites.ts). Callers check that the actor is the owner where the action
 * needs it (`requireRole(…, 'owner')`).
 */
import { and, asc, eq } from 'drizzle-orm';
import { getDb } from '../db';
import { user, workbook, workbookInvite, workbookMember } from '../db/schema';
import { AppError, invalidInput, notFound } from '../errors';
import type { WorkbookRole } from '../workbook-access';
import { announceAccessChange } from './access-events';
import { recordShareEvent } from './audit';

/** The roles an owner can give: ownership moves only by transfer. */
export type GrantableRole = 'editor' | 'viewer';

export interface MemberView {
	userId: string;
	name: string;
	email: string;
	role: WorkbookRole;
}

export interface InviteView {
	email: string;
	role: GrantableRole;
	createdAt: string;
}

/** Reads a role an owner may grant; 400 otherwise. */
export function readGrantableRole(value: unknown): GrantableRole {
	if (value === 'editor' || value === 'viewer') return value;
	throw invalidInput('The role must be "editor" or "viewer".', 'role');
}

/**
 * The workbook's members (owner first) and, with `includeInvites` (the owner's view only), its
 * pending invitations: an address in a pending invitation is what a taker would register.
 */
export async function listMembers(
	workbookId: string,
	includeInvites: boolean
): Promise<{ members: MemberView[]; invites: InviteView[] }> {
	const db = await getDb();
	const members = await db
		.select({ userId: user.id, name: user.name, email: user.email, role: workbookMember.role })
		.from(workbookMember)
		.innerJoin(user, eq(user.id, workbookMember.userId))
		.where(eq(workbookMember.workbookId, workbookId))
		.orderBy(asc(workbookMember.createdAt));
	const invites = includeInvites
		? await db
				.select()
				.from(workbookInvite)
				.where(eq(workbookInvite.workbookId, workbookId))
				.orderBy(asc(workbookInvite.createdAt))
		: [];
	const rank = { owner: 0, editor: 1, viewer: 2 } as Record<string, number>;
	return {
		members: members
			.map((member) => ({ ...member, role: member.role as WorkbookRole }))
			.sort((a, b) => rank[a.role] - rank[b.role]),
		invites: invites.map((invite) => ({
			email: invite.email,
			role: invite.role as GrantableRole,
			createdAt: invite.createdAt.toISOString()
		}))
	};
}

async function requireMember(workbookId: string, userId: string): Promise<WorkbookRole> {
	const db = await getDb();
	const [membership] = await db
		.select({ role: workbookMember.role })
		.from(workbookMember)
		.where(and(eq(workbookMember.workbookId, workbookId), eq(workbookMember.userId, userId)));
	if (!membership) throw notFound('This member');
	return membership.role as WorkbookRole;
}

/** Changes a member's role (never the owner's). Live connections follow within a second. */
export async function changeMemberRole(
	workbookId: string,
	actorUserId: string,
	userId: string,
	roleInput: unknown
): Promise<void> {
	const role = readGrantableRole(roleInput);
	if ((await requireMember(workbookId, userId)) === 'owner') {
		throw new AppError(409, 'owner_role', 'Transfer ownership to change the owner’s role.');
	}
	const db = await getDb();
	await db
		.update(workbookMember)
		.set({ role })
		.where(and(eq(workbookMember.workbookId, workbookId), eq(workbookMember.userId, userId)));
	await recordShareEvent({
		workbookId,
		actorUserId,
		kind: 'role_change',
		subject: userId,
		detail: role
	});
	announceAccessChange(workbookId);
}

/** Removes a member (the owner cannot be removed); their live connections close. */
export async function removeMember(
	workbookId: string,
	actorUserId: string,
	userId: string
): Promise<void> {
	if ((await requireMember(workbookId, userId)) === 'owner') {
		throw new AppError(
			409,
			'owner_cannot_leave',
			'The owner cannot be removed; transfer ownership first.'
		);
	}
	const db = await getDb();
	await db
		.delete(workbookMember)
		.where(and(eq(workbookMember.workbookId, workbookId), eq(workbookMember.userId, userId)));
	const kind = actorUserId === userId ? 'leave' : 'removal';
	await recordShareEvent({ workbookId, actorUserId, kind, subject: userId });
	announceAccessChange(workbookId);
}

/** Makes `newOwnerId` (already a member) the owner; the previous owner becomes an editor. */
export async function transferOwnership(
	workbookId: string,
	actorUserId: string,
	newOwnerId: string
): Promise<void> {
	if (newOwnerId === actorUserId) throw invalidInput('You already own this workbook.', 'userId');
	await requireMember(workbookId, newOwnerId);
	const db = await getDb();
	await db.transaction(async (tx) => {
		await tx
			.update(workbookMember)
			.set({ role: 'editor' })
			.where(
				and(eq(workbookMember.workbookId, workbookId), eq(workbookMember.userId, actorUserId))
			);
		await tx
			.update(workbookMember)
			.set({ role: 'owner' })
			.where(and(eq(workbookMember.workbookId, workbookId), eq(workbookMember.userId, newOwnerId)));
		await tx.update(workbook).set({ ownerId: newOwnerId }).where(eq(workbook.id, workbookId));
	});
	await recordShareEvent({
		workbookId,
		actorUserId,
		kind: 'ownership_transfer',
		subject: newOwnerId
	});
	announceAccessChange(workbookId);
}
