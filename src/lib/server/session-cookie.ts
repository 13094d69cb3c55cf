/**
 * The session cookie's name and attributes. `Secure` and the `__Host-` prefix apply when ORIGIN is
 * https; the WebSocket upgrade reads the same name.
 */
import type { Cookies } from '@sveltejs/kit';
import { getConfig } from './config';

/** The cookie's name for this deployment. */
export function sessionCookieName(): string {
	return getConfig().secureCookies ? '__Host-session' : 'session';
}

/** Sets the session cookie to `token` until `expiresAt`. */
export function setSessionCookie(cookies: Cookies, token: string, expiresAt: Date): void {
	cookies.set(sessionCookieName(), token, {
		httpOnly: true,
		sameSite: 'lax',
		path: '/',
		secure: getConfig().secureCookies,
		expires: expiresAt
	});
}

/** Clears the session cookie. */
export function deleteSessionCookie(cookies: Cookies): void {
	cookies.delete(sessionCookieName(), {
		httpOnly: true,
		sameSite: 'lax',
		path: '/',
		secure: getConfig().secureCookies
	});
}
