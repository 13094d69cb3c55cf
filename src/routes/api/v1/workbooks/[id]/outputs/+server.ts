import { json } from '@sveltejs/kit';
import { apiEndpoint, readJsonObject, requireReader, requireUser } from '$lib/server/http/api';
import { choosePublishedOutputs, readPublishedOutputs } from '$lib/server/portfolio/portfolio';
import type { RequestHandler } from './$types';

/** The workbook's published outputs as last computed `{ outputs, computedAt, stale, chosen }`. */
export const GET: RequestHandler = apiEndpoint(async (event) => {
	const reader = requireReader(event);
	return json(await readPublishedOutputs(reader, event.params.id));
});

/** `{ names: [...] | null }` chooses the published outputs (owners and editors). */
export const PUT: RequestHandler = apiEndpoint(async (event) => {
	const user = requireUser(event);
	const body = await readJsonObject(event.request);
	return json(await choosePublishedOutputs(user.id, event.params.id, body));
});
