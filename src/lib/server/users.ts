/**
 * Accounts: registration, credentials, profile changes. Query functions take plain values and
 * throw AppError for a caller's mistake; the API and the form actions both call these.
 */
import { eq } from 'drizzle-orm';
import { getDb } from './db';
import { user as userTable } from './db/schema';
import { AppError, invalidInput } from './errors';
import { assertAcceptablePassword, hashPassword, verifyPassword } from './passwords';
import { normaliseEmail } from './email';
import {
	accountNoticeThrottle,
	passwordCheckPerSession,
	passwordCheckPerUser,
	registrationThrottles
} from './login-throttle';
import { alreadyRegisteredMessage } from './mail/messages';
import { sendMail } from './mail/outbox';
import type { SessionUser } from './auth';

export const NAME_MAX_LENGTH = 100;

/** Trims a display name; throws 400 when empty or too long. */
export function normaliseName(name: unknown): string {
	const trimmed = typeof name === 'string' ? name.trim().replace(/\s+/g, ' ') : '';
	if (!trimmed) throw invalidInput('Enter your name.', 'name');
	if (trimmed.length > NAME_MAX_LENGTH) {
		throw invalidInput(`Use at most ${NAME_MAX_LENGTH} characters.`, 'name');
	}
	return trimmed;
}

export interface Registration {
	email: unknown;
	name: unknown;
	password: unknown;
}

/**
 * Creates an account with an unverified email (invitations to that address wait until it is
 * verified). Throttled per client `address` and for the whole server (429 with `Retry-After`,
 * counting every attempt), so neither mass sign-ups nor probing which addresses are taken go
 * fast. 409 `email_taken` when the address has an account, whose owner is told by email (with a
 * link to reset their password, at most 3 times an hour) so that probing does not go unnoticed.
 */
export async function registerUser(
	input: Registration,
	context: { address: string; origin: string }
): Promise<SessionUser> {
	const throttles = registrationThrottles();
	throttles.global.assertAllowed('all');
	throttles.perAddress.assertAllowed(context.address);
	throttles.global.record('all');
	throttles.perAddress.record(context.address);
	const email = normaliseEmail(input.email);
	const name = normaliseName(input.name);
	const password = assertAcceptablePassword(input.password);
	const db = await getDb();
	const [existing] = await db
		.select({ id: userTable.id })
		.from(userTable)
		.where(eq(userTable.email, email));
	if (existing) {
		if (accountNoticeThrottle.retryAfterSeconds(email) === 0) {
			accountNoticeThrottle.record(email);
			await sendMail(
				alreadyRegisteredMessage({ to: email, url: `${context.origin}/forgot-password` })
			);
		}
		throw emailTaken();
	}
	const created = {
		id: crypto.randomUUID(),
		email,
		name,
		passwordHash: await hashPassword(password)
	};
	const inserted = await db
		.insert(userTable)
		.values(created)
		.onConflictDoNothing({ target: userTable.email })
		.returning({ id: userTable.id });
	if (inserted.length === 0) throw emailTaken();
	return { id: created.id, email, name };
}

function emailTaken(): AppError {
	return new AppError(409, 'email_taken', 'An account with this email already exists.', 'email');
}

/** The user whose email and password match, or null: callers must not say which part was wrong. */
export async function authenticate(email: unknown, password: unknown): Promise<SessionUser | null> {
	if (typeof email !== 'string' || typeof password !== 'string' || password.length > 256) {
		return null;
	}
	const db = await getDb();
	const [found] = await db
		.select()
		.from(userTable)
		.where(eq(userTable.email, email.trim().toLowerCase()));
	if (!found) {
		// Hash anyway so an unknown email takes as long as a wrong password.
		await hashPassword(password);
		return null;
	}
	if (!(await verifyPassword(found.passwordHash, password))) return null;
	return { id: found.id, email: found.email, name: found.name };
}

/** Changes a user's display name and returns the stored one. */
export async function changeName(userId: string, name: unknown): Promise<string> {
	const normalised = normaliseName(name);
	const db = await getDb();
	await db.update(userTable).set({ name: normalised }).where(eq(userTable.id, userId));
	return normalised;
}

/**
 * Changes a password after checking the current one; 400 naming the field that is wrong. Wrong
 * current passwords are throttled per session (`sessionId`) and per user: 429 once either has
 * failed too often, so a stolen session cannot guess the password it would need to lock the
 * owner out.
 */
export async function changePassword(
	userId: string,
	currentPassword: unknown,
	newPassword: unknown,
	sessionId?: string
): Promise<void> {
	passwordCheckPerUser.assertAllowed(userId);
	if (sessionId) passwordCheckPerSession.assertAllowed(sessionId);
	const db = await getDb();
	const [found] = await db.select().from(userTable).where(eq(userTable.id, userId));
	if (!found) throw new AppError(401, 'unauthenticated', 'Log in first.');
	if (
		typeof currentPassword !== 'string' ||
		!(await verifyPassword(found.passwordHash, currentPassword))
	) {
		passwordCheckPerUser.record(userId);
		if (sessionId) passwordCheckPerSession.record(sessionId);
		throw invalidInput('Your current password is not correct.', 'currentPassword');
	}
	const password = assertAcceptablePassword(newPassword, 'newPassword');
	await db
		.update(userTable)
		.set({ passwordHash: await hashPassword(password) })
		.where(eq(userTable.id, userId));
}
