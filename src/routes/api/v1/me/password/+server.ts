import { apiEndpoint, readJsonObject, requireUser } from '$lib/server/http/api';
import { invalidateUserSessions } from '$lib/server/auth';
import { changePassword } from '$lib/server/users';
import type { RequestHandler } from './$types';

/** `{ currentPassword, newPassword }`; every other session of the user ends. */
export const POST: RequestHandler = apiEndpoint(async (event) => {
	const user = requireUser(event);
	const body = await readJsonObject(event.request);
	await changePassword(user.id, body.currentPassword, body.newPassword, event.locals.session?.id);
	await invalidateUserSessions(user.id, event.locals.session?.id);
	return new Response(null, { status: 204 });
});
