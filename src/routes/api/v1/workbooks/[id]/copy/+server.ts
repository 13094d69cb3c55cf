import { json } from '@sveltejs/kit';
import { apiEndpoint, readJsonObject, requireUser } from '$lib/server/http/api';
import { copyWorkbook } from '$lib/server/workbook-copy';
import type { RequestHandler } from './$types';

/** `{ title? }` → 201 a copy of the whole workbook, owned by the caller, with no other members. */
export const POST: RequestHandler = apiEndpoint(async (event) => {
	const user = requireUser(event);
	const body = await readJsonObject(event.request);
	return json(await copyWorkbook(user.id, event.params.id, body.title), { status: 201 });
});
