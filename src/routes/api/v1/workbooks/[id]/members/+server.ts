import { json } from '@sveltejs/kit';
import { apiEndpoint, readJsonObject, requireUser } from '$lib/server/http/api';
import { inviteMember } from '$lib/server/sharing/invites';
import { listMembers } from '$lib/server/sharing/members';
import { requireRole } from '$lib/server/workbooks';
import type { RequestHandler } from './$types';

/** Members, any member may look; pending invitations only the owner sees. */
export const GET: RequestHandler = apiEndpoint(async (event) => {
	const user = requireUser(event);
	const role = await requireRole(user.id, event.params.id, 'viewer');
	return json(await listMembers(event.params.id, role === 'owner'));
});

/**
 * `{email, role}`: the owner invites; 201 `{status: 'invited', email, role, url, emailed}` whether
 * or not the address has an account. Access follows when the emailed link is accepted.
 */
export const POST: RequestHandler = apiEndpoint(async (event) => {
	const user = requireUser(event);
	await requireRole(user.id, event.params.id, 'owner');
	const body = await readJsonObject(event.request);
	const invited = await inviteMember(
		event.params.id,
		user.id,
		{ email: body.email, role: body.role },
		event.url.origin
	);
	return json(invited, { status: 201 });
});
