/**
 * Invitations by email. An invitation is always pending at first, whether or not the address has
 * an account (so the answer tells nobody which addresses are registered): it is emailed as a
 * single-use link, and becomes a membership when a signed-in person accepts that link, or when
 * the owner of the address verifies it. Only the owner invites (callers check
 * `requireRole(…, 'owner')`).
 */
import { and, eq } from 'drizzle-orm';
import { getDb, type Database } from '../db';
import { user, workbook, workbookInvite, workbookMember } from '../db/schema';
import { AppError, notFound } from '../errors';
import { normaliseEmail } from '../email';
import { tokenGuessThrottle } from '../login-throttle';
import { invitationMessage } from '../mail/messages';
import { sendMail } from '../mail/outbox';
import { generateToken, hashToken, TOKEN_PATTERN } from '../tokens';
import type { WorkbookRole } from '../workbook-access';
import { announceAccessChange } from './access-events';
import { recordShareEvent } from './audit';
import { readGrantableRole, type GrantableRole } from './members';

export interface InviteResult {
	/** Always `invited`: access waits until the link is accepted or the address verified. */
	status: 'invited';
	email: string;
	role: GrantableRole;
	/** The single-use invitation link, shown to the owner once (only its hash is stored). */
	url: string;
	/** Whether the invitation email was handed to the mail server or the outbox. */
	emailed: boolean;
}

/** What an invitation link offers, for the page that asks to accept it. */
export interface InviteOffer {
	workbookId: string;
	workbookTitle: string;
	email: string;
	role: GrantableRole;
	invitedBy: string | null;
}

/** The page an invitation link opens. */
export function inviteUrl(origin: string, token: string): string {
	return `${origin}/invites/${token}`;
}

/**
 * Invites `email` with `role` and emails them a single-use link (a new one on every call: the
 * previous link stops working). 409 when the address is the owner's. Access waits until the
 * link is accepted ({@link acceptInvite}) or the address verified ({@link acceptPendingInvites}).
 */
export async function inviteMember(
	workbookId: string,
	actorUserId: string,
	input: { email: unknown; role: unknown },
	origin: string
): Promise<InviteResult> {
	const email = normaliseEmail(input.email);
	const role = readGrantableRole(input.role);
	const db = await getDb();
	const [owner] = await db
		.select({ email: user.email })
		.from(workbookMember)
		.innerJoin(user, eq(user.id, workbookMember.userId))
		.where(and(eq(workbookMember.workbookId, workbookId), eq(workbookMember.role, 'owner')));
	if (owner?.email === email) {
		throw new AppError(409, 'already_owner', 'That person owns this workbook.', 'email');
	}
	const token = generateToken();
	const tokenHash = hashToken(token);
	await db
		.insert(workbookInvite)
		.values({ workbookId, email, role, invitedBy: actorUserId, tokenHash })
		.onConflictDoUpdate({
			target: [workbookInvite.workbookId, workbookInvite.email],
			set: { role, invitedBy: actorUserId, tokenHash, createdAt: new Date() }
		});
	await recordShareEvent({ workbookId, actorUserId, kind: 'invite', subject: email, detail: role });
	const [details] = await db
		.select({ title: workbook.title, inviterName: user.name })
		.from(workbook)
		.innerJoin(user, eq(user.id, actorUserId))
		.where(eq(workbook.id, workbookId));
	const url = inviteUrl(origin, token);
	const emailed = await sendMail(
		invitationMessage({
			to: email,
			inviterName: details?.inviterName ?? 'Someone',
			workbookTitle: details?.title ?? 'a workbook',
			role,
			url
		})
	);
	return { status: 'invited', email, role, url, emailed };
}

/**
 * Makes `userId` a member of `workbookId` with the invited `role` within `tx`, except that an
 * owner stays owner (an invitation never demotes); returns the role they now have.
 */
async function grantInvitedRole(
	tx: Pick<Database, 'select' | 'insert'>,
	workbookId: string,
	userId: string,
	role: GrantableRole
): Promise<WorkbookRole> {
	const [current] = await tx
		.select({ role: workbookMember.role })
		.from(workbookMember)
		.where(and(eq(workbookMember.workbookId, workbookId), eq(workbookMember.userId, userId)));
	if (current?.role === 'owner') return 'owner';
	await tx
		.insert(workbookMember)
		.values({ workbookId, userId, role })
		.onConflictDoUpdate({
			target: [workbookMember.workbookId, workbookMember.userId],
			set: { role }
		});
	return role;
}

function invalidInvite(): AppError {
	return new AppError(
		404,
		'invite_not_found',
		'This invitation link is not valid: it may have been accepted already or withdrawn.'
	);
}

async function findInviteByToken(token: unknown, address: string) {
	tokenGuessThrottle.assertAllowed(address);
	if (typeof token === 'string' && TOKEN_PATTERN.test(token)) {
		const db = await getDb();
		const [found] = await db
			.select({
				workbookId: workbookInvite.workbookId,
				workbookTitle: workbook.title,
				email: workbookInvite.email,
				role: workbookInvite.role,
				invitedBy: user.name
			})
			.from(workbookInvite)
			.innerJoin(workbook, eq(workbook.id, workbookInvite.workbookId))
			.leftJoin(user, eq(user.id, workbookInvite.invitedBy))
			.where(eq(workbookInvite.tokenHash, hashToken(token)));
		if (found) return { ...found, role: found.role as GrantableRole };
	}
	tokenGuessThrottle.record(address);
	throw invalidInvite();
}

/**
 * What the invitation link `token` offers; 404 `invite_not_found` when it offers nothing (a
 * guess from `address`, throttled with 429 like every secret token).
 */
export async function describeInvite(token: unknown, address: string): Promise<InviteOffer> {
	return findInviteByToken(token, address);
}

/**
 * Accepts the invitation link `token` for the signed-in `userId`: they become a member with the
 * invited role (an owner stays owner) and the link is spent. 404 as {@link describeInvite}.
 */
export async function acceptInvite(
	token: unknown,
	userId: string,
	address: string
): Promise<{ workbookId: string; role: WorkbookRole }> {
	const offer = await findInviteByToken(token, address);
	const db = await getDb();
	const role = await db.transaction(async (tx) => {
		const spent = await tx
			.delete(workbookInvite)
			.where(eq(workbookInvite.tokenHash, hashToken(token as string)))
			.returning({ role: workbookInvite.role });
		if (spent.length === 0) throw invalidInvite();
		return grantInvitedRole(tx, offer.workbookId, userId, offer.role);
	});
	await recordShareEvent({
		workbookId: offer.workbookId,
		actorUserId: userId,
		kind: 'invite_accepted',
		subject: offer.email,
		detail: role
	});
	announceAccessChange(offer.workbookId);
	return { workbookId: offer.workbookId, role };
}

/** Withdraws an invitation not yet accepted; 404 when there is none. */
export async function cancelInvite(workbookId: string, actorUserId: string, email: string) {
	const db = await getDb();
	const deleted = await db
		.delete(workbookInvite)
		.where(
			and(eq(workbookInvite.workbookId, workbookId), eq(workbookInvite.email, email.toLowerCase()))
		)
		.returning({ email: workbookInvite.email });
	if (deleted.length === 0) throw notFound('This invitation');
	await recordShareEvent({
		workbookId,
		actorUserId,
		kind: 'removal',
		subject: email,
		detail: 'invite'
	});
}

/**
 * Turns the invitations waiting for `email` into memberships of `userId`, whose ownership of
 * that address has just been verified (never call it for an unverified address).
 */
export async function acceptPendingInvites(userId: string, email: string): Promise<number> {
	const db = await getDb();
	const invites = await db.select().from(workbookInvite).where(eq(workbookInvite.email, email));
	for (const invite of invites) {
		await db.transaction(async (tx) => {
			await grantInvitedRole(tx, invite.workbookId, userId, invite.role as GrantableRole);
			await tx
				.delete(workbookInvite)
				.where(
					and(eq(workbookInvite.workbookId, invite.workbookId), eq(workbookInvite.email, email))
				);
		});
		await recordShareEvent({
			workbookId: invite.workbookId,
			actorUserId: userId,
			kind: 'invite_accepted',
			subject: email,
			detail: invite.role
		});
		announceAccessChange(invite.workbookId);
	}
	return invites.length;
}
