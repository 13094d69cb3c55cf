import { apiEndpoint, requireUser } from '$lib/server/http/api';
import { cancelInvite } from '$lib/server/sharing/invites';
import { requireRole } from '$lib/server/workbooks';
import type { RequestHandler } from './$types';

/** The owner withdraws a pending invitation: its link stops working → 204; 404 when none. */
export const DELETE: RequestHandler = apiEndpoint(async (event) => {
	const user = requireUser(event);
	await requireRole(user.id, event.params.id, 'owner');
	await cancelInvite(event.params.id, user.id, event.params.email);
	return new Response(null, { status: 204 });
});
