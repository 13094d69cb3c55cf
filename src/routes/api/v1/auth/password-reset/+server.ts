import { json } from '@sveltejs/kit';
import { apiEndpoint, readJsonObject } from '$lib/server/http/api';
import { clientAddress } from '$lib/server/http/client-address';
import { requestPasswordReset } from '$lib/server/password-reset';
import type { RequestHandler } from './$types';

/** `{email}` → 202 whether or not it has an account; an account gets a reset link by email. */
export const POST: RequestHandler = apiEndpoint(async (event) => {
	const body = await readJsonObject(event.request);
	await requestPasswordReset(body.email, clientAddress(event), event.url.origin);
	return json({ status: 'check_your_email' }, { status: 202 });
});
