/**
 * Keeps live connections within the access they have now, not the access they had when they
 * connected: when sharing changes (a role change, a removal, a revoked link) the workbook's
 * connections are re-checked at once — closed with 4403 when access is gone, made read-only when
 * that is what changed — and share-link connections are closed when their link expires. When a
 * session ends (logout, password change, revocation, reset) the connections opened with it close
 * with 4401 at once, and every connection's session is re-checked at least every
 * {@link SESSION_RECHECK_MS}, so one that expired (or ended in another process) stops too.
 */
import { findLiveSessionIds } from '../auth';
import { onAccessChange, onSessionsEnded } from '../sharing/access-events';
import { isShareLinkActive } from '../sharing/links';
import { canWrite, resolveAccess, type WorkbookRole } from '../workbook-access';
import type { Logger } from '../logger';
import { CloseCode, encodeReadOnlyNotice } from '../../collab/protocol';
import type { Connection } from './client-connection';

/** How often expiring share links are checked. */
const EXPIRY_CHECK_MS = 500;
/** How often every connection's session is looked up again (expiry, deletion elsewhere). */
export const SESSION_RECHECK_MS = 30_000;

async function currentRole(connection: Connection): Promise<WorkbookRole | null> {
	const user = connection.user!;
	if (user.linkId) return (await isShareLinkActive(user.linkId)) ? 'viewer' : null;
	return resolveAccess({ userId: user.id }, connection.workbookId);
}

/** Re-checks one connection; closes it or changes its role to match its access now. */
async function recheckConnection(connection: Connection): Promise<void> {
	if (!connection.user || connection.isClosed) return;
	const role = await currentRole(connection);
	if (!role) {
		connection.close(CloseCode.forbidden, 'access revoked');
		return;
	}
	const couldWrite = canWrite(connection.role);
	connection.role = role;
	if (couldWrite && !canWrite(role)) connection.send(encodeReadOnlyNotice());
}

/** How long an ended session is remembered for upgrades that were being authorised meanwhile. */
const RECENTLY_ENDED_MS = 60_000;
const recentlyEnded = new Map<string, number>();

function rememberEnded(sessionIds: readonly string[]): void {
	const now = Date.now();
	for (const [id, endedAt] of recentlyEnded) {
		if (now - endedAt > RECENTLY_ENDED_MS) recentlyEnded.delete(id);
	}
	for (const id of sessionIds) recentlyEnded.set(id, now);
}

/**
 * True when `sessionId` ended in the last minute: an upgrade authorised with it just before it
 * ended missed the announcement, and must not join its room.
 */
export function sessionEndedRecently(sessionId: string | undefined): boolean {
	return sessionId !== undefined && recentlyEnded.has(sessionId);
}

function closeEndedSessions(connections: Set<Connection>, ended: ReadonlySet<string>): void {
	for (const connection of connections) {
		const sessionId = connection.user?.sessionId;
		if (sessionId !== undefined && ended.has(sessionId)) {
			connection.close(CloseCode.unauthorized, 'session ended');
		}
	}
}

/** Closes the connections whose session no longer exists or has expired. */
async function recheckSessions(connections: Set<Connection>): Promise<void> {
	const sessionIds = new Set<string>();
	for (const connection of connections) {
		if (connection.user?.sessionId && !connection.isClosed)
			sessionIds.add(connection.user.sessionId);
	}
	const live = await findLiveSessionIds([...sessionIds]);
	closeEndedSessions(connections, new Set([...sessionIds].filter((id) => !live.has(id))));
}

/** Starts watching; returns a function that stops. */
export function watchAccess(connections: Set<Connection>, log: Logger): () => void {
	const stopListening = onAccessChange((workbookId) => {
		for (const connection of connections) {
			if (connection.workbookId !== workbookId) continue;
			recheckConnection(connection).catch((error: unknown) =>
				log.error({ err: error, workbookId }, 'access re-check failed')
			);
		}
	});
	const expiryTimer = setInterval(() => {
		const now = Date.now();
		for (const connection of connections) {
			const expiresAt = connection.user?.linkExpiresAt;
			if (expiresAt !== undefined && expiresAt <= now) {
				connection.close(CloseCode.forbidden, 'link expired');
			}
		}
	}, EXPIRY_CHECK_MS);
	expiryTimer.unref();
	const stopSessionWatch = onSessionsEnded((sessionIds) => {
		rememberEnded(sessionIds);
		closeEndedSessions(connections, new Set(sessionIds));
	});
	const sessionTimer = setInterval(() => {
		recheckSessions(connections).catch((error: unknown) =>
			log.error({ err: error }, 'session re-check failed')
		);
	}, SESSION_RECHECK_MS);
	sessionTimer.unref();
	return () => {
		stopListening();
		stopSessionWatch();
		clearInterval(expiryTimer);
		clearInterval(sessionTimer);
	};
}
