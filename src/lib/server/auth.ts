/**
 * Sessions the Lucia way: a random 160-bit token lives only in the client's cookie; the database
 * keeps its SHA-256 hash as the session id. Sessions last 30 days and slide forward when less than
 * half remains. Called by hooks.server.ts (every request), the auth API and the WebSocket upgrade.
 * Every way a session ends announces it, so the sockets opened with it close at once.
 */
import { and, eq, gt, inArray, lt, ne } from 'drizzle-orm';
import { getDb } from './db';
import { session as sessionTable, user as userTable, type Session } from './db/schema';
import { announceSessionsEnded } from './sharing/access-events';
import { generateToken, hashToken, TOKEN_PATTERN } from './tokens';

const DAY_MS = 24 * 60 * 60 * 1000;
export const SESSION_LIFETIME_MS = 30 * DAY_MS;
/** `lastUsedAt` is written at most this often per session, so reads do not each cost a write. */
const LAST_USED_RESOLUTION_MS = 60 * 1000;

export interface SessionUser {
	id: string;
	email: string;
	name: string;
}

export type SessionValidation =
	{ session: Session; user: SessionUser } | { session: null; user: null };

export interface SessionClientInfo {
	userAgent?: string | null;
	ipAddress?: string | null;
}

/** A new session token: 160 random bits, base32. */
export const generateSessionToken = generateToken;

/** The id under which a token's session is stored: the hex SHA-256 of the token. */
export const sessionIdFromToken = hashToken;

/** Stores a session for `userId` keyed by the hash of `token`; returns the stored row. */
export async function createSession(
	token: string,
	userId: string,
	client: SessionClientInfo = {},
	now = new Date()
): Promise<Session> {
	const db = await getDb();
	const row = {
		id: sessionIdFromToken(token),
		userId,
		expiresAt: new Date(now.getTime() + SESSION_LIFETIME_MS),
		createdAt: now,
		lastUsedAt: now,
		userAgent: client.userAgent?.slice(0, 512) ?? null,
		ipAddress: client.ipAddress ?? null
	};
	await db.insert(sessionTable).values(row);
	return row;
}

/**
 * Looks up the session a token names. Expired sessions are deleted and reported as invalid; a
 * session with less than half its lifetime left is extended to a full 30 days.
 */
export async function validateSessionToken(
	token: string,
	now = new Date()
): Promise<SessionValidation> {
	if (!TOKEN_PATTERN.test(token)) return { session: null, user: null };
	const db = await getDb();
	const sessionId = sessionIdFromToken(token);
	const [found] = await db
		.select({
			session: sessionTable,
			user: { id: userTable.id, email: userTable.email, name: userTable.name }
		})
		.from(sessionTable)
		.innerJoin(userTable, eq(sessionTable.userId, userTable.id))
		.where(eq(sessionTable.id, sessionId));
	if (!found) return { session: null, user: null };
	const { session, user } = found;
	if (now.getTime() >= session.expiresAt.getTime()) {
		await db.delete(sessionTable).where(eq(sessionTable.id, sessionId));
		announceSessionsEnded([sessionId]);
		return { session: null, user: null };
	}
	const changes: Partial<Session> = {};
	if (session.expiresAt.getTime() - now.getTime() < SESSION_LIFETIME_MS / 2) {
		changes.expiresAt = new Date(now.getTime() + SESSION_LIFETIME_MS);
	}
	if (now.getTime() - session.lastUsedAt.getTime() >= LAST_USED_RESOLUTION_MS) {
		changes.lastUsedAt = now;
	}
	if (Object.keys(changes).length > 0) {
		await db.update(sessionTable).set(changes).where(eq(sessionTable.id, sessionId));
		Object.assign(session, changes);
	}
	return { session, user };
}

/** Ends one session; its sockets close. */
export async function invalidateSession(sessionId: string): Promise<void> {
	const db = await getDb();
	await db.delete(sessionTable).where(eq(sessionTable.id, sessionId));
	announceSessionsEnded([sessionId]);
}

/** Ends one of a user's sessions; false when the user has no such session. */
export async function invalidateUserSession(userId: string, sessionId: string): Promise<boolean> {
	const db = await getDb();
	const deleted = await db
		.delete(sessionTable)
		.where(and(eq(sessionTable.id, sessionId), eq(sessionTable.userId, userId)))
		.returning({ id: sessionTable.id });
	announceSessionsEnded(deleted.map((row) => row.id));
	return deleted.length > 0;
}

/**
 * Ends every session of a user, except `keepSessionId` when given (the caller's own); their
 * sockets close.
 */
export async function invalidateUserSessions(
	userId: string,
	keepSessionId?: string
): Promise<void> {
	const db = await getDb();
	const condition = keepSessionId
		? and(eq(sessionTable.userId, userId), ne(sessionTable.id, keepSessionId))
		: eq(sessionTable.userId, userId);
	const deleted = await db.delete(sessionTable).where(condition).returning({ id: sessionTable.id });
	announceSessionsEnded(deleted.map((row) => row.id));
}

/**
 * Which of `sessionIds` still name an unexpired session: live sockets re-check theirs with this,
 * so a session that expired (or was deleted by another process) stops its sockets too.
 */
export async function findLiveSessionIds(
	sessionIds: readonly string[],
	now = new Date()
): Promise<Set<string>> {
	if (sessionIds.length === 0) return new Set();
	const db = await getDb();
	const rows = await db
		.select({ id: sessionTable.id })
		.from(sessionTable)
		.where(and(inArray(sessionTable.id, [...sessionIds]), gt(sessionTable.expiresAt, now)));
	return new Set(rows.map((row) => row.id));
}

/** A user's unexpired sessions, most recently used first. */
export async function listUserSessions(userId: string, now = new Date()): Promise<Session[]> {
	const db = await getDb();
	await db
		.delete(sessionTable)
		.where(and(eq(sessionTable.userId, userId), lt(sessionTable.expiresAt, now)));
	const rows = await db.select().from(sessionTable).where(eq(sessionTable.userId, userId));
	return rows.sort((a, b) => b.lastUsedAt.getTime() - a.lastUsedAt.getTime());
}
