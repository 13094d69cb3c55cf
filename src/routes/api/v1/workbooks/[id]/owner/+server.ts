import { json } from '@sveltejs/kit';
import { invalidInput } from '$lib/server/errors';
import { apiEndpoint, readJsonObject, requireUser } from '$lib/server/http/api';
import { transferOwnership } from '$lib/server/sharing/members';
import { requireRole } from '$lib/server/workbooks';
import type { RequestHandler } from './$types';

/** `{userId}`: the owner hands the workbook to a member and becomes an editor. */
export const PUT: RequestHandler = apiEndpoint(async (event) => {
	const user = requireUser(event);
	await requireRole(user.id, event.params.id, 'owner');
	const body = await readJsonObject(event.request);
	if (typeof body.userId !== 'string')
		throw invalidInput('Name the new owner by userId.', 'userId');
	await transferOwnership(event.params.id, user.id, body.userId);
	return json({ ownerId: body.userId });
});
