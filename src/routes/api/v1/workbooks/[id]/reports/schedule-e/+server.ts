import { json } from '@sveltejs/kit';
import { apiEndpoint, requireReader } from '$lib/server/http/api';
import {
	readLine,
	readTaxYear,
	scheduleELineRows,
	scheduleEReport
} from '$lib/server/books/schedule-e';
import { buildReportFile, readReportFormat } from '$lib/server/books/schedule-e-files';
import type { RequestHandler } from './$types';

/**
 * `?year=2026` → `{ year, property, lines, owners }`; `&format=csv|xlsx|pdf` → the file;
 * `&line=9` → `{ year, line, rows }`, the ledger rows behind that line (viewers and links).
 */
export const GET: RequestHandler = apiEndpoint(async (event) => {
	const reader = requireReader(event);
	const query = event.url.searchParams;
	const year = readTaxYear(query.get('year'));
	const line = query.get('line');
	if (line !== null) {
		return json(await scheduleELineRows(reader, event.params.id, year, readLine(line)));
	}
	const format = readReportFormat(query.get('format'));
	const report = await scheduleEReport(reader, event.params.id, year);
	if (!format) return json(report);
	const file = await buildReportFile(report, format);
	return new Response(file.body as Uint8Array<ArrayBuffer>, {
		headers: {
			'content-type': file.contentType,
			'content-disposition': `attachment; filename="${file.filename}"`,
			'cache-control': 'private, no-store'
		}
	});
});
