import { json } from '@sveltejs/kit';
import { resendVerificationEmail } from '$lib/server/email-verification';
import { apiEndpoint, requireUser } from '$lib/server/http/api';
import type { RequestHandler } from './$types';

/** Emails a fresh verification link → 202 `{sent: true}`; 409 `already_verified`; 429. */
export const POST: RequestHandler = apiEndpoint(async (event) => {
	const user = requireUser(event);
	await resendVerificationEmail(user.id, user.email, event.url.origin);
	return json({ sent: true }, { status: 202 });
});
