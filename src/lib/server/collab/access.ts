/**
 * Decides whether a WebSocket upgrade to `/collab/<workbookId>` may see the document: Origin
 * (when sent) must be the server's own, the session cookie or a share link must name someone,
 * and they must have a role on the workbook. A workbook they may not see is 4404 whether or not
 * it exists. Nothing of the document is sent before this answers with a role.
 */
import type http from 'node:http';
import { validateSessionToken } from '../auth';
import { sessionCookieName } from '../session-cookie';
import { resolveShareLinkToken } from '../sharing/links';
import { resolveAccess, type WorkbookRole } from '../workbook-access';
import { AppError } from '../errors';
import { CloseCode } from '../../collab/protocol';

/** The authenticated person behind a connection. */
export interface ConnectionUser {
	id: string;
	name: string;
	/** The session the connection was opened with: when it ends, the connection closes (4401). */
	sessionId?: string;
	/** Set when the connection came through a view-only share link rather than an account. */
	linkId?: string;
	/** When that link expires (ms since the epoch), if it does. */
	linkExpiresAt?: number;
}

/** The `link` query parameter of an upgrade URL (`/collab/<id>?link=<token>`), if any. */
function readLinkToken(url: string | undefined): string | undefined {
	if (!url) return undefined;
	try {
		return new URL(url, 'http://localhost').searchParams.get('link') ?? undefined;
	} catch {
		return undefined;
	}
}

/**
 * The client's address, for the token-guess throttle: the last hop of `ADDRESS_HEADER` behind a
 * proxy (the one the nearest proxy wrote), else the socket's peer.
 */
function upgradeClientAddress(req: http.IncomingMessage): string {
	const headerName = process.env.ADDRESS_HEADER?.toLowerCase();
	const forwarded = headerName ? req.headers[headerName] : undefined;
	const value = Array.isArray(forwarded) ? forwarded.at(-1) : forwarded;
	const last = value?.split(',').at(-1)?.trim();
	return last || req.socket.remoteAddress || 'unknown';
}

/** The outcome of {@link authorizeUpgrade}. */
export type UpgradeDecision =
	| { ok: true; user: ConnectionUser; role: WorkbookRole }
	| { ok: false; code: number; reason: string };

/** The value of cookie `name` in a Cookie header, if present. */
export function readCookie(header: string | undefined, name: string): string | undefined {
	if (!header) return undefined;
	for (const part of header.split(';')) {
		const eq = part.indexOf('=');
		if (eq < 0) continue;
		if (part.slice(0, eq).trim() === name) {
			try {
				return decodeURIComponent(part.slice(eq + 1).trim());
			} catch {
				return undefined;
			}
		}
	}
	return undefined;
}

/** True when the request sent no Origin, or the one it sent is `expectedOrigin`. */
export function originAllowed(header: string | undefined, expectedOrigin: string): boolean {
	if (header === undefined) return true;
	try {
		return new URL(header).origin === new URL(expectedOrigin).origin;
	} catch {
		return false;
	}
}

/** Authenticates and authorises an upgrade request for `workbookId`. */
export async function authorizeUpgrade(
	req: http.IncomingMessage,
	workbookId: string,
	expectedOrigin: string
): Promise<UpgradeDecision> {
	if (!originAllowed(req.headers.origin, expectedOrigin)) {
		return { ok: false, code: CloseCode.forbidden, reason: 'origin not allowed' };
	}
	const token = readCookie(req.headers.cookie, sessionCookieName());
	const validation = token ? await validateSessionToken(token) : null;
	const user = validation?.user ?? null;
	const linkToken = readLinkToken(req.url);
	if (!user && !linkToken) {
		return { ok: false, code: CloseCode.unauthorized, reason: 'not signed in' };
	}
	// A workbook you may not see answers 4404 whether or not it exists, so the close code never
	// tells a stranger which workbook ids are real.
	const role = user ? await resolveAccess({ userId: user.id }, workbookId) : null;
	if (user && role) {
		return {
			ok: true,
			user: { id: user.id, name: user.name, sessionId: validation?.session?.id },
			role
		};
	}
	let link: Awaited<ReturnType<typeof resolveShareLinkToken>> = null;
	try {
		link = linkToken ? await resolveShareLinkToken(linkToken, upgradeClientAddress(req)) : null;
	} catch (error) {
		if (error instanceof AppError && error.status === 429) {
			return { ok: false, code: CloseCode.tryAgainLater, reason: 'too many wrong links' };
		}
		throw error;
	}
	// A link pinned to a version never sees the live document (nor its edits).
	if (link && link.workbookId === workbookId && !link.versionId) {
		const guest = {
			id: `link:${link.linkId}`,
			name: 'Guest (view only)',
			linkId: link.linkId,
			linkExpiresAt: link.expiresAt?.getTime()
		};
		return { ok: true, user: guest, role: 'viewer' };
	}
	if (!user && !link) return { ok: false, code: CloseCode.unauthorized, reason: 'link not valid' };
	return { ok: false, code: CloseCode.notFound, reason: 'no such workbook' };
}
