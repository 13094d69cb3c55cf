import { json } from '@sveltejs/kit';
import { apiEndpoint, requireUser } from '$lib/server/http/api';
import {
	importStatement,
	MAX_STATEMENT_BYTES,
	readMappingText
} from '$lib/server/books/ledger-import';
import { readUploadBody } from '$lib/server/books/upload';
import type { RequestHandler } from './$types';

/**
 * Body: a bank statement CSV (`text/csv`, or multipart `file` + `mapping`);
 * `?dryRun=1&mapping=<JSON>` → `{ added, duplicates, uncategorised, preview }`.
 */
export const POST: RequestHandler = apiEndpoint(async (event) => {
	const user = requireUser(event);
	const upload = await readUploadBody(event.request, MAX_STATEMENT_BYTES, 'A statement');
	const params = event.url.searchParams;
	const mapping = readMappingText(upload.fields.get('mapping') ?? params.get('mapping'));
	const dryRun = ['1', 'true'].includes(params.get('dryRun') ?? upload.fields.get('dryRun') ?? '');
	const result = await importStatement(user.id, event.params.id, upload.bytes, mapping, dryRun);
	return json(result, { status: dryRun ? 200 : 201 });
});
