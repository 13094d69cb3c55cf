import { json } from '@sveltejs/kit';
import { apiEndpoint, requireUser } from '$lib/server/http/api';
import { readPortfolio } from '$lib/server/portfolio/portfolio';
import type { RequestHandler } from './$types';

/** The property workbooks I can see with their outputs, and the portfolio's totals. */
export const GET: RequestHandler = apiEndpoint(async (event) => {
	const user = requireUser(event);
	return json(await readPortfolio(user.id));
});
