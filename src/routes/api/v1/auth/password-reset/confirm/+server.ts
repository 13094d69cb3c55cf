import { apiEndpoint, readJsonObject } from '$lib/server/http/api';
import { clientAddress } from '$lib/server/http/client-address';
import { confirmPasswordReset } from '$lib/server/password-reset';
import type { RequestHandler } from './$types';

/** `{token, password}` → 204; every session of the account ends. */
export const POST: RequestHandler = apiEndpoint(async (event) => {
	const body = await readJsonObject(event.request);
	await confirmPasswordReset(body.token, body.password, clientAddress(event));
	return new Response(null, { status: 204 });
});
