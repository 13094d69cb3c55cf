import { json } from '@sveltejs/kit';
import { apiEndpoint, readJsonObject, requireUser } from '$lib/server/http/api';
import { clientAddress } from '$lib/server/http/client-address';
import { acceptInvite } from '$lib/server/sharing/invites';
import type { RequestHandler } from './$types';

/**
 * `{token}` from an invitation link: the signed-in caller joins the workbook with the invited
 * role → 200 `{workbookId, role}`; the link is spent. 404 `invite_not_found` otherwise.
 */
export const POST: RequestHandler = apiEndpoint(async (event) => {
	const user = requireUser(event);
	const body = await readJsonObject(event.request);
	return json(await acceptInvite(body.token, user.id, clientAddress(event)));
});
