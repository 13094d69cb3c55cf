import { json, type Handle, type HandleServerError, type ServerInit } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { validateSessionToken } from '$lib/server/auth';
import { openDatabase } from '$lib/server/db';
import { isForeignOriginWrite } from '$lib/server/http/origin-check';
import { securityHeaders } from '$lib/server/http/security-headers';
import { getLogger, loggablePath } from '$lib/server/logger';
import { getOutputRecompute } from '$lib/server/portfolio/output-recompute';
import {
	deleteSessionCookie,
	sessionCookieName,
	setSessionCookie
} from '$lib/server/session-cookie';

export const init: ServerInit = async () => {
	await openDatabase();
	// Listens for commits from now on, so published outputs follow every edit.
	getOutputRecompute();
};

const handleRequestLog: Handle = async ({ event, resolve }) => {
	const started = performance.now();
	event.locals.requestId =
		event.request.headers.get('x-request-id')?.slice(0, 64) || crypto.randomUUID();
	event.locals.log = getLogger().child({ requestId: event.locals.requestId });
	const response = await resolve(event);
	event.locals.log.info(
		{
			method: event.request.method,
			path: loggablePath(event.url),
			status: response.status,
			ms: Math.round(performance.now() - started)
		},
		'request'
	);
	response.headers.set('x-request-id', event.locals.requestId);
	return response;
};

const handleForeignOrigin: Handle = async ({ event, resolve }) => {
	const refused = isForeignOriginWrite(
		event.request.method,
		event.request.headers.get('origin'),
		event.cookies.get(sessionCookieName()) !== undefined,
		event.url.origin
	);
	if (refused) {
		return json(
			{ error: { code: 'forbidden_origin', message: 'Cross-site requests are not allowed.' } },
			{ status: 403 }
		);
	}
	return resolve(event);
};

const handleSession: Handle = async ({ event, resolve }) => {
	const token = event.cookies.get(sessionCookieName());
	event.locals.user = null;
	event.locals.session = null;
	if (token) {
		const { session, user } = await validateSessionToken(token);
		if (session) {
			setSessionCookie(event.cookies, token, session.expiresAt);
			event.locals.session = session;
			event.locals.user = user;
		} else {
			deleteSessionCookie(event.cookies);
		}
	}
	return resolve(event);
};

/** CSP (for non-pages), framing, sniffing, referrer and HSTS headers on every answer. */
const handleSecurityHeaders: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	const added = securityHeaders(response.headers, event.url.origin);
	try {
		for (const [name, value] of Object.entries(added)) response.headers.set(name, value);
		return response;
	} catch {
		// A response with immutable headers (a proxied fetch): copy it to set them.
		const copy = new Response(response.body, response);
		for (const [name, value] of Object.entries(added)) copy.headers.set(name, value);
		return copy;
	}
};

export const handle = sequence(
	handleRequestLog,
	handleSecurityHeaders,
	handleForeignOrigin,
	handleSession
);

export const handleError: HandleServerError = ({ error, event, status, message }) => {
	if (status === 404) return { message: 'Not found', requestId: event.locals.requestId };
	(event.locals.log ?? getLogger()).error({ err: error, status }, 'unhandled error');
	return {
		message: status >= 500 ? 'Something went wrong on our side. Please try again.' : message,
		requestId: event.locals.requestId
	};
};
