import { json } from '@sveltejs/kit';
import { apiEndpoint, readJsonObject, requireReader, requireUser } from '$lib/server/http/api';
import { createNamedVersion, listVersions } from '$lib/server/history/versions';
import type { RequestHandler } from './$types';

/** The workbook's versions, newest first: `{versions: [{id, name, kind, createdAt, editors}]}`. */
export const GET: RequestHandler = apiEndpoint(async (event) => {
	const reader = requireReader(event);
	return json({ versions: await listVersions(reader, event.params.id) });
});

/** `{name}` → 201 a named version of the workbook as it is now. */
export const POST: RequestHandler = apiEndpoint(async (event) => {
	const user = requireUser(event);
	const body = await readJsonObject(event.request);
	return json(await createNamedVersion(user.id, event.params.id, body), { status: 201 });
});
