import { apiEndpoint, requireUser } from '$lib/server/http/api';
import { openPortfolioEvents } from '$lib/server/portfolio/portfolio-events';
import type { RequestHandler } from './$types';

/** Server-sent events: `outputs` `{ workbookId }` when a visible workbook's outputs change. */
export const GET: RequestHandler = apiEndpoint(async (event) => {
	const user = requireUser(event);
	return openPortfolioEvents(user.id, event.request.signal);
});
