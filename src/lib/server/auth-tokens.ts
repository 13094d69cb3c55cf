/**
 * Single-use emailed secrets (address verification, password reset): 160 random bits, stored
 * only as their SHA-256, spent atomically (two requests racing with one token: one wins), and
 * worthless after `expiresAt`. Wrong tokens count as guesses from the client's address.
 */
import { and, eq, gt, isNull } from 'drizzle-orm';
import { getDb } from './db';
import { authToken } from './db/schema';
import { AppError } from './errors';
import { tokenGuessThrottle } from './login-throttle';
import { generateToken, hashToken, TOKEN_PATTERN } from './tokens';

export type AuthTokenPurpose = 'verify_email' | 'password_reset';

/** What a valid token stands for. */
export interface AuthTokenGrant {
	userId: string;
	email: string;
}

/** Stores a new token for `userId` and `email`, valid for `lifetimeMs`; returns the token. */
export async function issueAuthToken(
	purpose: AuthTokenPurpose,
	grant: AuthTokenGrant,
	lifetimeMs: number,
	now = new Date()
): Promise<string> {
	const token = generateToken();
	const db = await getDb();
	await db.insert(authToken).values({
		tokenHash: hashToken(token),
		purpose,
		userId: grant.userId,
		email: grant.email,
		createdAt: now,
		expiresAt: new Date(now.getTime() + lifetimeMs)
	});
	return token;
}

function tokenCondition(purpose: AuthTokenPurpose, token: string, now: Date) {
	return and(
		eq(authToken.tokenHash, hashToken(token)),
		eq(authToken.purpose, purpose),
		isNull(authToken.usedAt),
		gt(authToken.expiresAt, now)
	);
}

/** The 400 every unusable token gets, whether unknown, used or expired. */
export function invalidToken(): AppError {
	return new AppError(
		400,
		'invalid_token',
		'This link is not valid any more: it may have been used already or have expired.',
		'token'
	);
}

/**
 * Checks a token without spending it (so a form can be shown, or other input checked first).
 * Throws 429 for an address that guessed too often and {@link invalidToken} for a bad token,
 * which counts as a guess.
 */
export async function peekAuthToken(
	purpose: AuthTokenPurpose,
	token: unknown,
	address: string,
	now = new Date()
): Promise<AuthTokenGrant> {
	tokenGuessThrottle.assertAllowed(address);
	if (typeof token === 'string' && TOKEN_PATTERN.test(token)) {
		const db = await getDb();
		const [found] = await db
			.select({ userId: authToken.userId, email: authToken.email })
			.from(authToken)
			.where(tokenCondition(purpose, token, now));
		if (found) return found;
	}
	tokenGuessThrottle.record(address);
	throw invalidToken();
}

/** Spends a token checked by {@link peekAuthToken}; {@link invalidToken} when it lost a race. */
export async function spendAuthToken(
	purpose: AuthTokenPurpose,
	token: string,
	now = new Date()
): Promise<AuthTokenGrant> {
	const db = await getDb();
	const [spent] = await db
		.update(authToken)
		.set({ usedAt: now })
		.where(tokenCondition(purpose, token, now))
		.returning({ userId: authToken.userId, email: authToken.email });
	if (!spent) throw invalidToken();
	return spent;
}

/** Spends every unspent token of `userId` for `purpose` (a reset link made the others moot). */
export async function spendAllAuthTokens(
	purpose: AuthTokenPurpose,
	userId: string,
	now = new Date()
): Promise<void> {
	const db = await getDb();
	await db
		.update(authToken)
		.set({ usedAt: now })
		.where(
			and(eq(authToken.userId, userId), eq(authToken.purpose, purpose), isNull(authToken.usedAt))
		);
}
