/**
 * The request-level verbs shared by the auth API and the auth forms: register, start a session
 * for a user, log in with throttling, log out.
 */
import type { RequestEvent } from '@sveltejs/kit';
import { createSession, generateSessionToken, invalidateSession, type SessionUser } from './auth';
import { AppError } from './errors';
import { clientAddress } from './http/client-address';
import { loginThrottle } from './login-throttle';
import { deleteSessionCookie, setSessionCookie } from './session-cookie';
import { sendVerificationEmail } from './email-verification';
import { authenticate, registerUser, type Registration } from './users';

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
 * Creates an account (throttled; see registerUser), signs it in and emails the link that
 * verifies its address.
 */
export async function register(event: RequestEvent, input: Registration): Promise<SessionUser> {
	const origin = event.url.origin;
	const user = await registerUser(input, { address: clientAddress(event), origin });
	await startSession(event, user);
	await sendVerificationEmail(user.id, user.email, origin);
	return user;
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
	loginThrottle.assertAllowed(address);
	const user = await authenticate(email, password);
	if (!user) {
		loginThrottle.record(address);
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
