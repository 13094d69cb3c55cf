import { json } from '@sveltejs/kit';
import { apiEndpoint, requireReader } from '$lib/server/http/api';
import { readWorkbookSourcesFor } from '$lib/server/portfolio/portfolio';
import type { RequestHandler } from './$types';

/**
 * What this workbook's `WORKBOOK()` calls (`?ref=` each, normalised) may show the person asking:
 * `{ sources: { ref: { outputs } | { error, message } } }`; a reference whose workbook has no
 * outputs yet is left out (ask again shortly).
 */
export const GET: RequestHandler = apiEndpoint(async (event) => {
	const reader = requireReader(event);
	const refs = event.url.searchParams.getAll('ref');
	return json(await readWorkbookSourcesFor(reader, event.params.id, refs));
});
