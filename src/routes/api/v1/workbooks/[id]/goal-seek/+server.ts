import { json } from '@sveltejs/kit';
import { apiEndpoint, requireReader } from '$lib/server/http/api';
import { workbookGoalSeek } from '$lib/server/workbook-scenarios';
import type { RequestHandler } from './$types';

/** `?input=MonthlyRent&output=DSCR&target=1.25[&min=&max=&scenario=]` → `{ value }` or 422. */
export const GET: RequestHandler = apiEndpoint(async (event) => {
	const reader = requireReader(event);
	return json(await workbookGoalSeek(reader, event.params.id, event.url.searchParams));
});
