import { json } from '@sveltejs/kit';
import { listUserSessions } from '$lib/server/auth';
import { apiEndpoint, requireUser } from '$lib/server/http/api';
import { describeSession } from '$lib/server/session-summary';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = apiEndpoint(async (event) => {
	const user = requireUser(event);
	const sessions = await listUserSessions(user.id);
	return json({
		sessions: sessions.map((session) => describeSession(session, event.locals.session?.id))
	});
});
