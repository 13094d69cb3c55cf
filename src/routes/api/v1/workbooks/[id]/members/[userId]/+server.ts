import { json } from '@sveltejs/kit';
import { apiEndpoint, readJsonObject, requireUser } from '$lib/server/http/api';
import { changeMemberRole, removeMember } from '$lib/server/sharing/members';
import { requireRole } from '$lib/server/workbooks';
import type { RequestHandler } from './$types';

/** `{role}`: the owner changes a member's role. */
export const PATCH: RequestHandler = apiEndpoint(async (event) => {
	const user = requireUser(event);
	await requireRole(user.id, event.params.id, 'owner');
	const body = await readJsonObject(event.request);
	await changeMemberRole(event.params.id, user.id, event.params.userId, body.role);
	return json({ userId: event.params.userId, role: body.role });
});

/** The owner removes a member, or a member (not the owner) leaves by naming themselves. */
export const DELETE: RequestHandler = apiEndpoint(async (event) => {
	const user = requireUser(event);
	const leaving = event.params.userId === user.id;
	await requireRole(user.id, event.params.id, leaving ? 'viewer' : 'owner');
	await removeMember(event.params.id, user.id, event.params.userId);
	return new Response(null, { status: 204 });
});
