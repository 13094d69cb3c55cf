import { json } from '@sveltejs/kit';
import { apiEndpoint, requireReader } from '$lib/server/http/api';
import { readVersionNames } from '$lib/server/history/versions';
import type { RequestHandler } from './$types';

/** The version's defined names with their values then. */
export const GET: RequestHandler = apiEndpoint(async (event) => {
	const reader = requireReader(event);
	return json({ names: await readVersionNames(reader, event.params.id, event.params.vid) });
});
