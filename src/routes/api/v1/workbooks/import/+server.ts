import { json } from '@sveltejs/kit';
import { apiEndpoint, requireUser } from '$lib/server/http/api';
import { importWorkbook, readUpload } from '$lib/server/files/workbook-import';
import type { RequestHandler } from './$types';

/** Body: an XLSX or CSV file; `?title=` → 201 the new workbook with `notes`. */
export const POST: RequestHandler = apiEndpoint(async (event) => {
	const user = requireUser(event);
	const bytes = await readUpload(event.request);
	const created = await importWorkbook(
		user.id,
		event.url.searchParams.get('title'),
		event.request.headers.get('content-type'),
		bytes
	);
	return json(created, { status: 201, headers: { location: `/api/v1/workbooks/${created.id}` } });
});
