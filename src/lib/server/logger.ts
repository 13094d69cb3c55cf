/**
 * Structured logs (pino, JSON lines). Secrets never reach a log: known fields are redacted and
 * request logs carry only the method, the path without its query, the status and timings.
 */
import pino from 'pino';
import { getConfig } from './config';

export type Logger = pino.Logger;

const REDACTED_PATHS = [
	'password',
	'newPassword',
	'currentPassword',
	'token',
	'cookie',
	'authorization',
	'*.password',
	'*.token',
	'*.cookie',
	'*.authorization',
	'req.headers.cookie',
	'req.headers.authorization'
];

const LOGGER_KEY = Symbol.for('investflow.logger');
type LoggerSlot = { [LOGGER_KEY]?: Logger };

/** The process's root logger (shared by the SvelteKit bundle and the Node entry). */
export function getLogger(): Logger {
	const slot = globalThis as LoggerSlot;
	slot[LOGGER_KEY] ??= pino({
		level: getConfig().logLevel,
		base: { app: 'investflow' },
		redact: { paths: REDACTED_PATHS, censor: '[redacted]' }
	});
	return slot[LOGGER_KEY];
}

/** A path safe to log: query strings may carry share-link tokens, and `/s/<token>` is one. */
export function loggablePath(url: URL): string {
	return url.pathname.replace(/^\/(s|invites|verify-email|reset-password)\/[^/]+/, '/$1/[token]');
}
