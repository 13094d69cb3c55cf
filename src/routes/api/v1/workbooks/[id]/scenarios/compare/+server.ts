import { json } from '@sveltejs/kit';
import { apiEndpoint, requireReader } from '$lib/server/http/api';
import { compareWorkbookScenarios } from '$lib/server/workbook-scenarios';
import type { RequestHandler } from './$types';

/** `?names=NOI,CashFlow` → `{ names, columns }`, base first, evaluated on the server. */
export const GET: RequestHandler = apiEndpoint(async (event) => {
	const reader = requireReader(event);
	const names = event.url.searchParams.get('names');
	return json(await compareWorkbookScenarios(reader, event.params.id, names));
});
