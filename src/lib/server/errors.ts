/**
 * Errors the server's domain modules throw for a caller's mistake. Each carries the HTTP status
 * and a stable machine code; the API renders them as `{ error: { code, message } }` and forms show
 * the message beside the field named in `field`.
 */
export class AppError extends Error {
	constructor(
		readonly status: 400 | 401 | 403 | 404 | 409 | 413 | 429 | 503,
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
