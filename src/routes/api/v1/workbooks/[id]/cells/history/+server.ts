import { json } from '@sveltejs/kit';
import { apiEndpoint, requireReader } from '$lib/server/http/api';
import { readCellHistory } from '$lib/server/history/cell-history';
import type { RequestHandler } from './$types';

/** `?sheet=Sheet1&ref=B3` → `{history: [{at, by, before, after}]}`, newest first. */
export const GET: RequestHandler = apiEndpoint(async (event) => {
	const reader = requireReader(event);
	const { searchParams } = event.url;
	const history = await readCellHistory(
		reader,
		event.params.id,
		searchParams.get('sheet'),
		searchParams.get('ref')
	);
	return json({ history });
});
