import { apiEndpoint, requireUser } from '$lib/server/http/api';
import { removeRule } from '$lib/server/books/ledger-rules';
import type { RequestHandler } from './$types';

/** Deletes a rule → 204 (editors). */
export const DELETE: RequestHandler = apiEndpoint(async (event) => {
	const user = requireUser(event);
	await removeRule(user.id, event.params.id, event.params.rid);
	return new Response(null, { status: 204 });
});
