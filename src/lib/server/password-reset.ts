/**
 * Password reset by email. Asking always gets the same answer (the caller answers 202) whether
 * or not the address has an account, and takes the same time: the email is sent in the
 * background. A reset token is 160 bits, stored hashed, single use and valid for 30 minutes;
 * using it sets the password, ends every session of the account (closing their sockets) and
 * spends its other reset tokens.
 */
import { eq } from 'drizzle-orm';
import { issueAuthToken, peekAuthToken, spendAllAuthTokens, spendAuthToken } from './auth-tokens';
import { invalidateUserSessions } from './auth';
import { getDb } from './db';
import { user as userTable } from './db/schema';
import { normaliseEmail } from './email';
import { markEmailVerified } from './email-verification';
import { passwordResetThrottle } from './login-throttle';
import { getLogger } from './logger';
import { passwordResetMessage } from './mail/messages';
import { sendMail } from './mail/outbox';
import { assertAcceptablePassword, hashPassword } from './passwords';

export const RESET_LIFETIME_MS = 30 * 60 * 1000;

/** The page a reset link opens. */
export function resetUrl(origin: string, token: string): string {
	return `${origin}/reset-password/${token}`;
}

async function issueAndSend(userId: string, email: string, origin: string): Promise<void> {
	const token = await issueAuthToken('password_reset', { userId, email }, RESET_LIFETIME_MS);
	await sendMail(passwordResetMessage({ to: email, url: resetUrl(origin, token) }));
}

/**
 * Starts a reset for `emailInput`: 400 when it is not an email address, 429 when that address
 * or the client `address` asked too often (counted whether or not an account exists, so the
 * throttle tells nothing either); otherwise returns at once, and an account with that address
 * gets its link by email.
 */
export async function requestPasswordReset(
	emailInput: unknown,
	address: string,
	origin: string
): Promise<void> {
	const email = normaliseEmail(emailInput);
	passwordResetThrottle.assertAllowed(`email:${email}`);
	passwordResetThrottle.assertAllowed(`address:${address}`);
	passwordResetThrottle.record(`email:${email}`);
	passwordResetThrottle.record(`address:${address}`);
	const db = await getDb();
	const [found] = await db
		.select({ id: userTable.id })
		.from(userTable)
		.where(eq(userTable.email, email));
	if (!found) return;
	issueAndSend(found.id, email, origin).catch((error: unknown) =>
		getLogger().error({ err: error }, 'password reset email failed')
	);
}

/**
 * Checks a reset token without spending it (the reset page shows its form only for a valid one).
 */
export async function checkPasswordResetToken(token: unknown, address: string): Promise<void> {
	await peekAuthToken('password_reset', token, address);
}

/**
 * Sets a new password with a reset token: 429 after too many wrong tokens from `address`, 400
 * `invalid_token` (unknown, used or older than 30 minutes), 400 on `password` for a weak one
 * (the token is then not spent). Ends every session of the account.
 */
export async function confirmPasswordReset(
	token: unknown,
	passwordInput: unknown,
	address: string
): Promise<void> {
	await peekAuthToken('password_reset', token, address);
	const password = assertAcceptablePassword(passwordInput, 'password');
	const passwordHash = await hashPassword(password);
	const grant = await spendAuthToken('password_reset', token as string);
	const db = await getDb();
	await db.update(userTable).set({ passwordHash }).where(eq(userTable.id, grant.userId));
	await spendAllAuthTokens('password_reset', grant.userId);
	await invalidateUserSessions(grant.userId);
	// The link reached the address, which is what verification proves too.
	await markEmailVerified(grant.userId, grant.email);
}
