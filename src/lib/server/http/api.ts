/**
 * Helpers for `/api/v1` endpoints: one error shape, bounded JSON bodies, and the identity checks
 * every endpoint starts with.
 */
import { json, type RequestEvent } from '@sveltejs/kit';
import { AppError } from '../errors';
import type { SessionUser } from '../auth';
import type { AccessIdentity } from '../workbook-access';
import { clientAddress } from './client-address';

const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

/** The JSON error response for `error`; unknown errors become a generic 500 and a log line. */
export function errorResponse(error: unknown, event: RequestEvent): Response {
	if (error instanceof AppError) {
		return json(
			{
				error: {
					code: error.code,
					message: error.message,
					...(error.field && { field: error.field })
				}
			},
			{ status: error.status, headers: error.headers }
		);
	}
	event.locals.log.error({ err: error }, 'unhandled error in API endpoint');
	return json(
		{ error: { code: 'internal', message: 'Something went wrong on our side. Please try again.' } },
		{ status: 500 }
	);
}

/** Wraps an endpoint so every thrown error leaves as `{ error: { code, message } }`. */
export function apiEndpoint<Event extends RequestEvent>(
	handler: (event: Event) => Promise<Response>
): (event: Event) => Promise<Response> {
	return async (event) => {
		try {
			return await handler(event);
		} catch (error) {
			return errorResponse(error, event);
		}
	};
}

/** Reads a JSON object body: 400 when malformed or not an object, 413 when over `maxBytes`. */
export async function readJsonObject(
	request: Request,
	maxBytes = DEFAULT_MAX_BODY_BYTES
): Promise<Record<string, unknown>> {
	const declared = Number(request.headers.get('content-length') ?? '0');
	if (declared > maxBytes) throw tooLarge(maxBytes);
	const text = await request.text().catch((error: unknown) => {
		// adapter-node's own cap (BODY_SIZE_LIMIT) fails the read with status 413.
		if ((error as { status?: number }).status === 413) throw tooLarge(maxBytes);
		throw error;
	});
	if (new TextEncoder().encode(text).length > maxBytes) throw tooLarge(maxBytes);
	let body: unknown;
	try {
		body = JSON.parse(text);
	} catch {
		throw new AppError(400, 'malformed_json', 'The request body is not valid JSON.');
	}
	if (typeof body !== 'object' || body === null || Array.isArray(body)) {
		throw new AppError(400, 'invalid_input', 'The request body must be a JSON object.');
	}
	return body as Record<string, unknown>;
}

function tooLarge(maxBytes: number): AppError {
	return new AppError(413, 'too_large', `The request body is larger than ${maxBytes} bytes.`);
}

/** The logged-in user, or a 401. */
export function requireUser(event: RequestEvent): SessionUser {
	const user = event.locals.user;
	if (!user) throw new AppError(401, 'unauthenticated', 'Log in to do this.');
	return user;
}

/**
 * Who is reading: the logged-in user and/or a share-link token sent as `Authorization: Bearer`
 * or `?link=`. A 401 when there is neither; whether they may read is the caller's check.
 */
export function requireReader(event: RequestEvent): AccessIdentity {
	const authorization = event.request.headers.get('authorization') ?? '';
	const bearer = /^Bearer\s+(\S+)$/i.exec(authorization)?.[1];
	const linkToken = bearer ?? event.url.searchParams.get('link') ?? null;
	const userId = event.locals.user?.id ?? null;
	if (!userId && !linkToken) throw new AppError(401, 'unauthenticated', 'Log in to do this.');
	return { userId, linkToken, clientAddress: linkToken ? clientAddress(event) : undefined };
}
