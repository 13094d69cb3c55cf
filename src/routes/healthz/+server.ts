import { json } from '@sveltejs/kit';
import { openDatabase } from '$lib/server/db';
import type { RequestHandler } from './$types';

/** 200 when the database answers, 503 otherwise. */
export const GET: RequestHandler = async ({ locals }) => {
	try {
		const handle = await openDatabase();
		await handle.ping();
		return json({ status: 'ok', database: handle.kind });
	} catch (error) {
		locals.log.error({ err: error }, 'health check failed');
		return json({ status: 'unavailable', database: 'unreachable' }, { status: 503 });
	}
};
