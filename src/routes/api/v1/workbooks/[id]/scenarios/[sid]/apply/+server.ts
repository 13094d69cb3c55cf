import { json } from '@sveltejs/kit';
import { apiEndpoint, requireUser } from '$lib/server/http/api';
import { applyWorkbookScenario } from '$lib/server/workbook-scenarios';
import type { RequestHandler } from './$types';

/** Writes the scenario's overrides into the base as one change → 200 the scenario. */
export const POST: RequestHandler = apiEndpoint(async (event) => {
	const user = requireUser(event);
	return json(await applyWorkbookScenario(user.id, event.params.id, event.params.sid));
});
