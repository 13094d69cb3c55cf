import { invalidateUserSession } from '$lib/server/auth';
import { notFound } from '$lib/server/errors';
import { apiEndpoint, requireUser } from '$lib/server/http/api';
import { deleteSessionCookie } from '$lib/server/session-cookie';
import type { RequestHandler } from './$types';

/** Ends one of my sessions (ending the current one logs me out). */
export const DELETE: RequestHandler = apiEndpoint(async (event) => {
	const user = requireUser(event);
	const sessionId = event.params.sessionId;
	if (!(await invalidateUserSession(user.id, sessionId))) throw notFound('This session');
	if (sessionId === event.locals.session?.id) deleteSessionCookie(event.cookies);
	return new Response(null, { status: 204 });
});
