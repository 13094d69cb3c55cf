import { json } from '@sveltejs/kit';
import { apiEndpoint, readJsonObject, requireUser } from '$lib/server/http/api';
import { applyWorkbookOps } from '$lib/server/workbook-cells';
import type { RequestHandler } from './$types';

/** `{ ops: [...] }` → structural operations applied atomically. */
export const POST: RequestHandler = apiEndpoint(async (event) => {
	const user = requireUser(event);
	const body = await readJsonObject(event.request);
	return json(await applyWorkbookOps(user.id, event.params.id, body.ops));
});
