import { json } from '@sveltejs/kit';
import { apiEndpoint, readJsonObject, requireUser } from '$lib/server/http/api';
import { createWorkbook, listWorkbooks } from '$lib/server/workbooks';
import type { RequestHandler } from './$types';

/** The workbooks I own or that are shared with me. */
export const GET: RequestHandler = apiEndpoint(async (event) => {
	const user = requireUser(event);
	return json({ workbooks: await listWorkbooks(user.id) });
});

/** `{ title, template? }` creates a workbook (seeded on the server) → 201. */
export const POST: RequestHandler = apiEndpoint(async (event) => {
	const user = requireUser(event);
	const body = await readJsonObject(event.request);
	const created = await createWorkbook(user.id, { title: body.title, template: body.template });
	return json(created, { status: 201, headers: { location: `/api/v1/workbooks/${created.id}` } });
});
