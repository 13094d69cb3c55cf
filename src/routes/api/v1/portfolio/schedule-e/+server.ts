import { json } from '@sveltejs/kit';
import { apiEndpoint, requireUser } from '$lib/server/http/api';
import { readCombinedScheduleE, readTaxYear } from '$lib/server/portfolio/portfolio';
import { exportScheduleE, readScheduleEFormat } from '$lib/server/portfolio/schedule-e-export';
import type { RequestHandler } from './$types';

/**
 * The combined Schedule E for `?year=` (this year by default): per property and total, as JSON
 * or, with `?format=xlsx|csv|pdf`, as a file.
 */
export const GET: RequestHandler = apiEndpoint(async (event) => {
	const user = requireUser(event);
	const year = readTaxYear(event.url.searchParams.get('year'));
	const format = readScheduleEFormat(event.url.searchParams.get('format'));
	const report = await readCombinedScheduleE(user.id, year);
	if (!format) return json(report);
	const file = await exportScheduleE(report, format);
	return new Response(file.bytes as BodyInit, {
		headers: {
			'content-type': file.contentType,
			'content-disposition': `attachment; filename="${file.filename}"`,
			'cache-control': 'no-store'
		}
	});
});
