import { json } from '@sveltejs/kit';
import { apiEndpoint, readJsonObject } from '$lib/server/http/api';
import { logIn } from '$lib/server/sign-in';
import type { RequestHandler } from './$types';

export const POST: RequestHandler = apiEndpoint(async (event) => {
	const body = await readJsonObject(event.request);
	const user = await logIn(event, body.email, body.password);
	return json({ user });
});
