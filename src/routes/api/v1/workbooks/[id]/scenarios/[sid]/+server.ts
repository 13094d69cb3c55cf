import { json } from '@sveltejs/kit';
import { apiEndpoint, readJsonObject, requireUser } from '$lib/server/http/api';
import { deleteWorkbookScenario, patchWorkbookScenario } from '$lib/server/workbook-scenarios';
import type { RequestHandler } from './$types';

/** `{ name?, set?: [{ ref, input }], clear?: [ref] }` → the scenario, changed atomically. */
export const PATCH: RequestHandler = apiEndpoint(async (event) => {
	const user = requireUser(event);
	const body = await readJsonObject(event.request);
	return json(await patchWorkbookScenario(user.id, event.params.id, event.params.sid, body));
});

/** Deletes the scenario → 204 (the base is untouched). */
export const DELETE: RequestHandler = apiEndpoint(async (event) => {
	const user = requireUser(event);
	await deleteWorkbookScenario(user.id, event.params.id, event.params.sid);
	return new Response(null, { status: 204 });
});
