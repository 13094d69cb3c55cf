import { json } from '@sveltejs/kit';
import { apiEndpoint, requireReader } from '$lib/server/http/api';
import { parseCellHistoryPage, readCellHistory } from '$lib/server/history/cell-history';
import type { RequestHandler } from './$types';

/**
 * `?sheet=Sheet1&ref=B3[&limit=100][&before=<next>]` → `{history: [{at, by, before, after}],
 * next}`, newest first; `next` (null on the last page) asks for the older page.
 */
export const GET: RequestHandler = apiEndpoint(async (event) => {
	const reader = requireReader(event);
	const { searchParams } = event.url;
	const page = parseCellHistoryPage(searchParams);
	const result = await readCellHistory(
		reader,
		event.params.id,
		searchParams.get('sheet'),
		searchParams.get('ref'),
		page
	);
	return json(result);
});
