import { json } from '@sveltejs/kit';
import { apiEndpoint, requireReader, readJsonObject, requireUser } from '$lib/server/http/api';
import { readWorkbookCells, writeWorkbookCells } from '$lib/server/workbook-cells';
import type { RequestHandler } from './$types';

/** `?sheet=<name>&range=A1:D20` → rows of `{ ref, input, value, display }`. */
export const GET: RequestHandler = apiEndpoint(async (event) => {
	const reader = requireReader(event);
	const { searchParams } = event.url;
	return json(
		await readWorkbookCells(
			reader,
			event.params.id,
			searchParams.get('sheet'),
			searchParams.get('range')
		)
	);
});

/** `{ sheet?, updates: [{ ref, input }] }` → applied atomically, committed before the answer. */
export const POST: RequestHandler = apiEndpoint(async (event) => {
	const user = requireUser(event);
	const body = await readJsonObject(event.request, 8 * 1024 * 1024);
	return json(await writeWorkbookCells(user.id, event.params.id, body));
});
