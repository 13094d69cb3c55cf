import { apiEndpoint, requireReader } from '$lib/server/http/api';
import { exportWorkbook } from '$lib/server/files/workbook-export';
import type { RequestHandler } from './$types';

/** `?format=xlsx|csv|pdf&sheet=&range=&values=raw|display` → the file as an attachment. */
export const GET: RequestHandler = apiEndpoint(async (event) => {
	const reader = requireReader(event);
	const query = event.url.searchParams;
	const file = await exportWorkbook(reader, event.params.id, {
		format: query.get('format'),
		sheet: query.get('sheet'),
		range: query.get('range'),
		values: query.get('values')
	});
	return new Response(file.body as Uint8Array<ArrayBuffer>, {
		headers: {
			'content-type': file.contentType,
			'content-disposition': `attachment; filename="${file.filename}"`,
			'cache-control': 'private, no-store'
		}
	});
});
