import { json } from '@sveltejs/kit';
import { apiEndpoint, readJsonObject, requireUser } from '$lib/server/http/api';
import { changeName } from '$lib/server/users';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = apiEndpoint(async (event) => {
	return json({ user: requireUser(event) });
});

/** `{ name }` changes the display name. */
export const PATCH: RequestHandler = apiEndpoint(async (event) => {
	const user = requireUser(event);
	const body = await readJsonObject(event.request);
	const name = await changeName(user.id, body.name);
	return json({ user: { ...user, name } });
});
