import { apiEndpoint, requireUser } from '$lib/server/http/api';
import { revokeShareLink } from '$lib/server/sharing/links';
import { requireRole } from '$lib/server/workbooks';
import type { RequestHandler } from './$types';

/** The owner revokes a link; anyone using it is disconnected at once. */
export const DELETE: RequestHandler = apiEndpoint(async (event) => {
	const user = requireUser(event);
	await requireRole(user.id, event.params.id, 'owner');
	await revokeShareLink(event.params.id, event.params.linkId, user.id);
	return new Response(null, { status: 204 });
});
