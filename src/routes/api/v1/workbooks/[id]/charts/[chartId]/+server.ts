import { json } from '@sveltejs/kit';
import { apiEndpoint, requireReader, readJsonObject, requireUser } from '$lib/server/http/api';
import {
	deleteWorkbookChart,
	readWorkbookChart,
	updateWorkbookChart
} from '$lib/server/workbook-charts';
import type { RequestHandler } from './$types';

/** One chart with its computed data. */
export const GET: RequestHandler = apiEndpoint(async (event) => {
	const reader = requireReader(event);
	return json(await readWorkbookChart(reader, event.params.id, event.params.chartId));
});

/** Any of `{ type, title, sheet, labels, series }` → the chart as it now is. */
export const PATCH: RequestHandler = apiEndpoint(async (event) => {
	const user = requireUser(event);
	const body = await readJsonObject(event.request, 64 * 1024);
	return json(await updateWorkbookChart(user.id, event.params.id, event.params.chartId, body));
});

/** Deletes the chart → 204. */
export const DELETE: RequestHandler = apiEndpoint(async (event) => {
	const user = requireUser(event);
	await deleteWorkbookChart(user.id, event.params.id, event.params.chartId);
	return new Response(null, { status: 204 });
});
