import { apiEndpoint } from '$lib/server/http/api';
import { logOut } from '$lib/server/sign-in';
import type { RequestHandler } from './$types';

export const POST: RequestHandler = apiEndpoint(async (event) => {
	await logOut(event);
	return new Response(null, { status: 204 });
});
