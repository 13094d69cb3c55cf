import { json } from '@sveltejs/kit';
import { apiEndpoint, readJsonObject, requireReader, requireUser } from '$lib/server/http/api';
import { createWorkbookScenario, listWorkbookScenarios } from '$lib/server/workbook-scenarios';
import type { RequestHandler } from './$types';

/** The workbook's scenarios with their overrides (viewers and view-only links too). */
export const GET: RequestHandler = apiEndpoint(async (event) => {
	const reader = requireReader(event);
	return json({ scenarios: await listWorkbookScenarios(reader, event.params.id) });
});

/** `{ name, overrides?: [{ ref, input }], from? }` → 201 the scenario (owners and editors). */
export const POST: RequestHandler = apiEndpoint(async (event) => {
	const user = requireUser(event);
	const body = await readJsonObject(event.request);
	return json(await createWorkbookScenario(user.id, event.params.id, body), { status: 201 });
});
