import { json } from '@sveltejs/kit';
import { apiEndpoint, requireReader } from '$lib/server/http/api';
import { readVersionCells } from '$lib/server/history/versions';
import type { RequestHandler } from './$types';

/** `?sheet=&range=` → the version's cells as the live endpoint answers, computed as they were. */
export const GET: RequestHandler = apiEndpoint(async (event) => {
	const reader = requireReader(event);
	const { searchParams } = event.url;
	return json(
		await readVersionCells(
			reader,
			event.params.id,
			event.params.vid,
			searchParams.get('sheet'),
			searchParams.get('range')
		)
	);
});
