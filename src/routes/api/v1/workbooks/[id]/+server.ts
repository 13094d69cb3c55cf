import { json } from '@sveltejs/kit';
import { getRoomRegistry } from '$lib/server/collab/room-registry';
import { notFound } from '$lib/server/errors';
import { apiEndpoint, requireReader, readJsonObject, requireUser } from '$lib/server/http/api';
import { listWorkbookSheets } from '$lib/server/workbook-content';
import { deleteWorkbook, getWorkbookSummary, renameWorkbook } from '$lib/server/workbooks';
import type { RequestHandler } from './$types';

/** The workbook with its sheets `{ id, name }` in order. */
export const GET: RequestHandler = apiEndpoint(async (event) => {
	const reader = requireReader(event);
	const summary = await getWorkbookSummary(reader, event.params.id);
	const sheets = await getRoomRegistry().read(event.params.id, listWorkbookSheets);
	if (!sheets) throw notFound('This workbook');
	return json({ ...summary, sheets: sheets.value });
});

/** `{ title }` renames the workbook (owners and editors). */
export const PATCH: RequestHandler = apiEndpoint(async (event) => {
	const user = requireUser(event);
	const body = await readJsonObject(event.request);
	return json(await renameWorkbook(user.id, event.params.id, body.title));
});

/** Deletes the workbook and its document (owner only); open sockets close with 4404. */
export const DELETE: RequestHandler = apiEndpoint(async (event) => {
	const user = requireUser(event);
	await deleteWorkbook(user.id, event.params.id);
	return new Response(null, { status: 204 });
});
