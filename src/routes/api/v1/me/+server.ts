import { json } from '@sveltejs/kit';
import { apiEndpoint, readJsonObject, requireUser } from '$lib/server/http/api';
import { isEmailVerified } from '$lib/server/email-verification';
import { changeName } from '$lib/server/users';
import type { RequestHandler } from './$types';

/** The signed-in person, and whether their address is verified. */
export const GET: RequestHandler = apiEndpoint(async (event) => {
	const user = requireUser(event);
	return json({ user: { ...user, emailVerified: await isEmailVerified(user.id) } });
});

/** `{ name }` changes the display name. */
export const PATCH: RequestHandler = apiEndpoint(async (event) => {
	const user = requireUser(event);
	const body = await readJsonObject(event.request);
	const name = await changeName(user.id, body.name);
	return json({ user: { ...user, name } });
});
