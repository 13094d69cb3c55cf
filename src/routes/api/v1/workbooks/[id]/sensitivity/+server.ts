import { json } from '@sveltejs/kit';
import { apiEndpoint, requireReader } from '$lib/server/http/api';
import { workbookSensitivity } from '$lib/server/workbook-scenarios';
import type { RequestHandler } from './$types';

/** `?input=InterestRate&values=0.05,0.06&outputs=DSCR[&scenario=<id>]` → `{ input, outputs, rows }`. */
export const GET: RequestHandler = apiEndpoint(async (event) => {
	const reader = requireReader(event);
	return json(await workbookSensitivity(reader, event.params.id, event.url.searchParams));
});
