import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';

/** Any path under /api that no endpoint serves: a JSON 404 rather than an HTML page. */
export const fallback: RequestHandler = () =>
	json(
		{ error: { code: 'not_found', message: 'There is no such API endpoint.' } },
		{ status: 404 }
	);
