import { json } from '@sveltejs/kit';
import { apiEndpoint, readJsonObject, requireUser } from '$lib/server/http/api';
import { createShareLink, listShareLinks } from '$lib/server/sharing/links';
import { requireRole } from '$lib/server/workbooks';
import type { RequestHandler } from './$types';

/** The owner's view-only links (never their tokens). */
export const GET: RequestHandler = apiEndpoint(async (event) => {
	const user = requireUser(event);
	await requireRole(user.id, event.params.id, 'owner');
	return json({ links: await listShareLinks(event.params.id) });
});

/** `{label?, expiresAt?, role?: 'viewer'}` → 201 `{id, url, token, …}`; the token is shown once. */
export const POST: RequestHandler = apiEndpoint(async (event) => {
	const user = requireUser(event);
	await requireRole(user.id, event.params.id, 'owner');
	const body = await readJsonObject(event.request);
	const link = await createShareLink(event.params.id, user.id, body, event.url.origin);
	return json(link, { status: 201 });
});
