import { json } from '@sveltejs/kit';
import { verifyEmail } from '$lib/server/email-verification';
import { apiEndpoint, readJsonObject } from '$lib/server/http/api';
import { clientAddress } from '$lib/server/http/client-address';
import type { RequestHandler } from './$types';

/**
 * `{token}` from a verification email, sent by the account it belongs to → 200 `{verified: true,
 * grantedWorkbooks}`; 401 signed out, 403 `wrong_account` for another account.
 */
export const POST: RequestHandler = apiEndpoint(async (event) => {
	const body = await readJsonObject(event.request);
	const userId = event.locals.user?.id ?? null;
	const { grantedWorkbooks } = await verifyEmail(body.token, clientAddress(event), userId);
	return json({ verified: true, grantedWorkbooks });
});
