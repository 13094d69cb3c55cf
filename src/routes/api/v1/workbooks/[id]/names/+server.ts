import { json } from '@sveltejs/kit';
import { apiEndpoint, requireReader } from '$lib/server/http/api';
import { listWorkbookNames } from '$lib/server/workbook-cells';
import type { RequestHandler } from './$types';

/** The workbook's defined names with their references and values. */
export const GET: RequestHandler = apiEndpoint(async (event) => {
	const reader = requireReader(event);
	return json({ names: await listWorkbookNames(reader, event.params.id) });
});
