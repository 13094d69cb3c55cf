import { json } from '@sveltejs/kit';
import { apiEndpoint, requireUser } from '$lib/server/http/api';
import { importCsvSheet, readUpload } from '$lib/server/files/workbook-import';
import type { RequestHandler } from './$types';

/** Body: a CSV file; `?sheet=Name` → 201 `{ sheet, cells, notes }`, the sheet added live. */
export const POST: RequestHandler = apiEndpoint(async (event) => {
	const user = requireUser(event);
	const bytes = await readUpload(event.request);
	return json(
		await importCsvSheet(user.id, event.params.id, event.url.searchParams.get('sheet'), bytes),
		{ status: 201 }
	);
});
