import { json } from '@sveltejs/kit';
import { apiEndpoint, requireUser } from '$lib/server/http/api';
import { readCombinedScheduleE, readTaxYear } from '$lib/server/portfolio/portfolio';
import type { RequestHandler } from './$types';

/** The combined Schedule E for `?year=` (this year by default): per property and total. */
export const GET: RequestHandler = apiEndpoint(async (event) => {
	const user = requireUser(event);
	const year = readTaxYear(event.url.searchParams.get('year'));
	return json(await readCombinedScheduleE(user.id, year));
});
