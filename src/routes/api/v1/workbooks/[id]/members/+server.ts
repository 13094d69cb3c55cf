import { json } from '@sveltejs/kit';
import { apiEndpoint, readJsonObject, requireUser } from '$lib/server/http/api';
import { inviteMember, listMembers } from '$lib/server/sharing/members';
import { requireRole } from '$lib/server/workbooks';
import type { RequestHandler } from './$types';

/** Members and pending invitations; any member may look. */
export const GET: RequestHandler = apiEndpoint(async (event) => {
	const user = requireUser(event);
	await requireRole(user.id, event.params.id, 'viewer');
	return json(await listMembers(event.params.id));
});

/** `{email, role}`: the owner invites; 201 `{status: 'added'|'invited', email, role}`. */
export const POST: RequestHandler = apiEndpoint(async (event) => {
	const user = requireUser(event);
	await requireRole(user.id, event.params.id, 'owner');
	const body = await readJsonObject(event.request);
	const invited = await inviteMember(event.params.id, user.id, {
		email: body.email,
		role: body.role
	});
	return json(invited, { status: 201 });
});
