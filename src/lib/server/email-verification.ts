/**
 * Proves that a person owns their account's email address: registration emails a link; the
 * account's holder, signed in, confirms it with a click, which marks the address verified and
 * grants the workbook invitations waiting for that address. Neither half alone is enough: a mail
 * scanner that opens every link, or the inbox's owner clicking a link for an account someone else
 * registered with their address, verifies nothing.
 * Until then an invitation to the address gives its account nothing (issue 27: registering an
 * address one saw in a members list must not be enough).
 */
import { and, eq, isNull } from 'drizzle-orm';
import { issueAuthToken, peekAuthToken, spendAllAuthTokens, spendAuthToken } from './auth-tokens';
import { verificationResendThrottle } from './login-throttle';
import { getDb } from './db';
import { user as userTable } from './db/schema';
import { verificationMessage } from './mail/messages';
import { sendMail } from './mail/outbox';
import { acceptPendingInvites } from './sharing/invites';
import { AppError } from './errors';

const VERIFICATION_LIFETIME_MS = 7 * 24 * 60 * 60 * 1000;

/** The page a verification link opens. */
export function verificationUrl(origin: string, token: string): string {
	return `${origin}/verify-email/${token}`;
}

/** Emails `email` a link that verifies it for `userId` (valid for 7 days). */
export async function sendVerificationEmail(
	userId: string,
	email: string,
	origin: string
): Promise<void> {
	const token = await issueAuthToken('verify_email', { userId, email }, VERIFICATION_LIFETIME_MS);
	await sendMail(verificationMessage({ to: email, url: verificationUrl(origin, token) }));
}

/** Whether `userId`'s current address is verified. */
export async function isEmailVerified(userId: string): Promise<boolean> {
	const db = await getDb();
	const [found] = await db
		.select({ verifiedAt: userTable.emailVerifiedAt })
		.from(userTable)
		.where(eq(userTable.id, userId));
	return Boolean(found?.verifiedAt);
}

/**
 * Emails `email` a fresh verification link for `userId`, which makes the earlier ones void: 409
 * `already_verified` when there is nothing to verify, 429 past 3 an hour per account (each
 * sends an email to an address nobody has proven yet).
 */
export async function resendVerificationEmail(
	userId: string,
	email: string,
	origin: string
): Promise<void> {
	if (await isEmailVerified(userId)) {
		throw new AppError(409, 'already_verified', 'Your email address is already confirmed.');
	}
	verificationResendThrottle.assertAllowed(userId);
	verificationResendThrottle.record(userId);
	await spendAllAuthTokens('verify_email', userId);
	await sendVerificationEmail(userId, email, origin);
}

/**
 * Marks `email` verified for `userId` and turns its pending invitations into memberships;
 * returns how many were granted. Shared by the verification link and a password reset (which
 * proves the same thing).
 */
export async function markEmailVerified(userId: string, email: string): Promise<number> {
	const db = await getDb();
	await db
		.update(userTable)
		.set({ emailVerifiedAt: new Date() })
		.where(
			and(eq(userTable.id, userId), eq(userTable.email, email), isNull(userTable.emailVerifiedAt))
		);
	return acceptPendingInvites(userId, email);
}

/**
 * The address a verification token would confirm, and for which account, without spending it:
 * 429 after too many wrong tokens from `address`, 400 `invalid_token` for one that is unknown,
 * used or expired.
 */
export async function describeVerification(
	token: unknown,
	address: string
): Promise<{ userId: string; email: string }> {
	return peekAuthToken('verify_email', token, address);
}

/**
 * Spends a verification token for the signed-in `userId` (null when nobody is): 401
 * `unauthenticated` without one, 403 `wrong_account` when the link belongs to another account,
 * and the errors of {@link describeVerification}. Returns the workbooks granted.
 */
export async function verifyEmail(
	token: unknown,
	address: string,
	userId: string | null
): Promise<{ userId: string; grantedWorkbooks: number }> {
	const pending = await describeVerification(token, address);
	if (!userId) {
		throw new AppError(
			401,
			'unauthenticated',
			'Log in to the account you registered with this address, then confirm it.'
		);
	}
	if (pending.userId !== userId) {
		throw new AppError(
			403,
			'wrong_account',
			'This link confirms the address of another account. Log out, then log in to the account you registered with this address.'
		);
	}
	const grant = await spendAuthToken('verify_email', token as string);
	return {
		userId: grant.userId,
		grantedWorkbooks: await markEmailVerified(grant.userId, grant.email)
	};
}
