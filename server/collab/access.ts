/**
 * Decides whether a WebSocket upgrade to `/collab/<workbookId>` may see the document: Origin
 * (when sent) must be the server's own, the session cookie (or, later, a share link) must name
 * someone, the workbook must exist and they must have a role on it. Nothing of the document is
 * sent before this answers with a role.
 */
import type http from 'node:http';
import { validateSessionToken } from '../../src/lib/server/auth.ts';
import { sessionCookieName } from '../../src/lib/server/session-cookie.ts';
import { resolveShareLinkToken } from '../../src/lib/server/sharing/links.ts';
import {
	resolveAccess,
	workbookExists,
	type WorkbookRole
} from '../../src/lib/server/workbook-access.ts';
import { CloseCode } from './close-codes.ts';

/** The authenticated person behind a connection. */
export interface ConnectionUser {
	id: string;
	name: string;
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
	const { user } = token ? await validateSessionToken(token) : { user: null };
	const linkToken = readLinkToken(req.url);
	if (!user && !linkToken) {
		return { ok: false, code: CloseCode.unauthorized, reason: 'not signed in' };
	}
	if (!(await workbookExists(workbookId))) {
		return { ok: false, code: CloseCode.notFound, reason: 'no such workbook' };
	}
	const role = user ? await resolveAccess({ userId: user.id }, workbookId) : null;
	if (user && role) return { ok: true, user: { id: user.id, name: user.name }, role };
	const link = linkToken ? await resolveShareLinkToken(linkToken) : null;
	if (link && link.workbookId === workbookId) {
		const guest = {
			id: `link:${link.linkId}`,
			name: 'Guest (view only)',
			linkId: link.linkId,
			linkExpiresAt: link.expiresAt?.getTime()
		};
		return { ok: true, user: guest, role: 'viewer' };
	}
	if (!user) return { ok: false, code: CloseCode.unauthorized, reason: 'link not valid' };
	return { ok: false, code: CloseCode.forbidden, reason: 'no access' };
}
