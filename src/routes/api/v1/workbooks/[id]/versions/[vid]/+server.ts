import { json } from '@sveltejs/kit';
import { apiEndpoint, readJsonObject, requireUser } from '$lib/server/http/api';
import { renameWorkbookVersion } from '$lib/server/history/versions';
import type { RequestHandler } from './$types';

/** `{name}` → the version renamed (an automatic version becomes named, kept forever). */
export const PATCH: RequestHandler = apiEndpoint(async (event) => {
	const user = requireUser(event);
	const body = await readJsonObject(event.request);
	return json(await renameWorkbookVersion(user.id, event.params.id, event.params.vid, body));
});
