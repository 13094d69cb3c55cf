/**
 * The request-level verbs shared by the auth API and the auth forms: start a session for a user,
 * log in with throttling, log out.
 */
import type { RequestEvent } from '@sveltejs/kit';
import { createSession, generateSessionToken, invalidateSession, type SessionUser } from './auth';
import { AppError } from './errors';
import { loginThrottle } from './login-throttle';
import { deleteSessionCookie, setSessionCookie } from './session-cookie';
import { authenticate } from './users';

function clientAddress(event: RequestEvent): string {
	try {
		return event.getClientAddress();
	} catch {
		return 'unknown';
	}
}

/** Creates a session for `user` and sets its cookie on the response. */
export async function startSession(event: RequestEvent, user: SessionUser): Promise<void> {
	const token = generateSessionToken();
	const session = await createSession(token, user.id, {
		userAgent: event.request.headers.get('user-agent'),
		ipAddress: clientAddress(event)
	});
	setSessionCookie(event.cookies, token, session.expiresAt);
	event.locals.user = user;
	event.locals.session = session;
}

/**
 * Checks credentials and starts a session. Throws 429 with `Retry-After` once the client address
 * has failed too often, and 401 with one message whether the email or the password was wrong.
 */
export async function logIn(
	event: RequestEvent,
	email: unknown,
	password: unknown
): Promise<SessionUser> {
	const address = clientAddress(event);
	const waitSeconds = loginThrottle.retryAfterSeconds(address);
	if (waitSeconds > 0) {
		throw new AppError(
			429,
			'too_many_attempts',
			`Too many failed attempts. Try again in ${Math.ceil(waitSeconds / 60)} minute(s).`,
			undefined,
			{ 'Retry-After': String(waitSeconds) }
		);
	}
	const user = await authenticate(email, password);
	if (!user) {
		loginThrottle.recordFailure(address);
		throw new AppError(401, 'invalid_credentials', 'The email or password is not correct.');
	}
	loginThrottle.reset(address);
	await startSession(event, user);
	return user;
}

/** Ends the current session, if any, and clears the cookie. */
export async function logOut(event: RequestEvent): Promise<void> {
	if (event.locals.session) await invalidateSession(event.locals.session.id);
	deleteSessionCookie(event.cookies);
	event.locals.user = null;
	event.locals.session = null;
}
