import { json } from '@sveltejs/kit';
import { apiEndpoint, readJsonObject, requireUser } from '$lib/server/http/api';
import { restoreVersion } from '$lib/server/history/version-changes';
import type { RequestHandler } from './$types';

/** `{sheet?, range?}` → the version's inputs written over the present as a new change. */
export const POST: RequestHandler = apiEndpoint(async (event) => {
	const user = requireUser(event);
	const body = await readJsonObject(event.request);
	return json(await restoreVersion(user.id, event.params.id, event.params.vid, body));
});
