import { apiEndpoint, requireReader } from '$lib/server/http/api';
import { readVersionState } from '$lib/server/history/versions';
import type { RequestHandler } from './$types';

/** The version's document as one Yjs update (`application/octet-stream`). */
export const GET: RequestHandler = apiEndpoint(async (event) => {
	const reader = requireReader(event);
	const state = await readVersionState(reader, event.params.id, event.params.vid);
	return new Response(state as Uint8Array<ArrayBuffer>, {
		headers: { 'content-type': 'application/octet-stream', 'cache-control': 'no-store' }
	});
});
