import { json } from '@sveltejs/kit';
import { apiEndpoint, readJsonObject, requireReader, requireUser } from '$lib/server/http/api';
import { createRule, listRules } from '$lib/server/books/ledger-rules';
import type { RequestHandler } from './$types';

/** → `{ rules: [{ id, contains, line, sign? }] }` (viewers and view-only links). */
export const GET: RequestHandler = apiEndpoint(async (event) => {
	return json({ rules: await listRules(requireReader(event), event.params.id) });
});

/** `{ contains, line, sign? }` → 201 the rule (editors). */
export const POST: RequestHandler = apiEndpoint(async (event) => {
	const user = requireUser(event);
	const body = await readJsonObject(event.request);
	return json(await createRule(user.id, event.params.id, body), { status: 201 });
});
