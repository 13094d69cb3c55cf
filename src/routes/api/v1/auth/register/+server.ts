import { json } from '@sveltejs/kit';
import { apiEndpoint, readJsonObject } from '$lib/server/http/api';
import { register } from '$lib/server/sign-in';
import type { RequestHandler } from './$types';

/** 201 `{user}` with the session cookie; a verification link is emailed to the address. */
export const POST: RequestHandler = apiEndpoint(async (event) => {
	const body = await readJsonObject(event.request);
	const user = await register(event, {
		email: body.email,
		name: body.name,
		password: body.password
	});
	return json({ user }, { status: 201 });
});
