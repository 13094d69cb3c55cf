import { json } from '@sveltejs/kit';
import { apiEndpoint, requireReader } from '$lib/server/http/api';
import { listVersionChanges } from '$lib/server/history/version-changes';
import type { RequestHandler } from './$types';

/** `?against=current|previous` → `{changes: [{sheet, ref, before, after, by}]}`. */
export const GET: RequestHandler = apiEndpoint(async (event) => {
	const reader = requireReader(event);
	const changes = await listVersionChanges(
		reader,
		event.params.id,
		event.params.vid,
		event.url.searchParams.get('against')
	);
	return json({ changes });
});
