import { json } from '@sveltejs/kit';
import { verifyEmail } from '$lib/server/email-verification';
import { apiEndpoint, readJsonObject } from '$lib/server/http/api';
import { clientAddress } from '$lib/server/http/client-address';
import type { RequestHandler } from './$types';

/** `{token}` from a verification email → 200 `{verified: true, grantedWorkbooks}`. */
export const POST: RequestHandler = apiEndpoint(async (event) => {
	const body = await readJsonObject(event.request);
	const { grantedWorkbooks } = await verifyEmail(body.token, clientAddress(event));
	return json({ verified: true, grantedWorkbooks });
});
