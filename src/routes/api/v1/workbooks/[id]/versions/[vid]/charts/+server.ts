import { json } from '@sveltejs/kit';
import { apiEndpoint, requireReader } from '$lib/server/http/api';
import { readVersionCharts } from '$lib/server/history/versions';
import type { RequestHandler } from './$types';

/** The version's charts with the data they drew then. */
export const GET: RequestHandler = apiEndpoint(async (event) => {
	const reader = requireReader(event);
	return json({ charts: await readVersionCharts(reader, event.params.id, event.params.vid) });
});
