import { error } from '@sveltejs/kit';
import { AppError } from '../errors';

/**
 * Rethrows a domain error from a page `load` as SvelteKit's `error(status, message)`, so the
 * page shows the sentence (a 404 link, a 429 throttle) rather than a generic failure.
 */
export function pageError(cause: unknown): never {
	if (cause instanceof AppError) error(cause.status, cause.message);
	throw cause;
}
