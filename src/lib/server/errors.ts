const APP_ERROR_BRAND = Symbol.for('investflow.AppError');

/**
 * Errors the server's domain modules throw for a caller's mistake. Each carries the HTTP status
 * and a stable machine code; the API renders them as `{ error: { code, message } }` and forms show
 * the message beside the field named in `field`.
 */
export class AppError extends Error {
	/**
	 * The Node entry and the SvelteKit bundle each load their own copy of this module, and the
	 * collaboration pipeline they share (see room-registry.ts) throws from either copy: so an
	 * AppError is recognised by a process-wide brand, not by which copy of the class made it.
	 */
	static [Symbol.hasInstance](value: unknown): boolean {
		return typeof value === 'object' && value !== null && APP_ERROR_BRAND in value;
	}
	readonly [APP_ERROR_BRAND] = true;

	constructor(
		readonly status: 400 | 401 | 403 | 404 | 409 | 413 | 422 | 429 | 503,
		readonly code: string,
		message: string,
		readonly field?: string,
		readonly headers: Record<string, string> = {}
	) {
		super(message);
		this.name = 'AppError';
	}
}

/** 400 for input that fails validation; `field` names the offending input. */
export function invalidInput(message: string, field?: string): AppError {
	return new AppError(400, 'invalid_input', message, field);
}

/** 404 with a generic message, so nobody learns whether a thing exists. */
export function notFound(what = 'This'): AppError {
	return new AppError(404, 'not_found', `${what} was not found.`);
}
