import { json } from '@sveltejs/kit';
import { apiEndpoint, requireUser } from '$lib/server/http/api';
import { listShareEvents } from '$lib/server/sharing/audit';
import { requireRole } from '$lib/server/workbooks';
import type { RequestHandler } from './$types';

/** The sharing audit trail, newest first (owner only). */
export const GET: RequestHandler = apiEndpoint(async (event) => {
	const user = requireUser(event);
	await requireRole(user.id, event.params.id, 'owner');
	return json({ events: await listShareEvents(event.params.id) });
});
