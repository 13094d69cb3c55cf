import { json } from '@sveltejs/kit';
import { apiEndpoint, requireReader, readJsonObject, requireUser } from '$lib/server/http/api';
import { createWorkbookChart, listWorkbookCharts } from '$lib/server/workbook-charts';
import type { RequestHandler } from './$types';

/** → `{ charts: [{ id, type, title, sheet, labels, series, data: { labels, datasets } }] }`. */
export const GET: RequestHandler = apiEndpoint(async (event) => {
	const reader = requireReader(event);
	return json({ charts: await listWorkbookCharts(reader, event.params.id) });
});

/** `{ type, title?, sheet?, labels?, series: [{ name, range }] }` → 201 with the chart. */
export const POST: RequestHandler = apiEndpoint(async (event) => {
	const user = requireUser(event);
	const body = await readJsonObject(event.request, 64 * 1024);
	return json(await createWorkbookChart(user.id, event.params.id, body), { status: 201 });
});
