import { json } from '@sveltejs/kit';
import { apiEndpoint, readJsonObject } from '$lib/server/http/api';
import { startSession } from '$lib/server/sign-in';
import { registerUser } from '$lib/server/users';
import type { RequestHandler } from './$types';

export const POST: RequestHandler = apiEndpoint(async (event) => {
	const body = await readJsonObject(event.request);
	const user = await registerUser({ email: body.email, name: body.name, password: body.password });
	await startSession(event, user);
	return json({ user }, { status: 201 });
});
