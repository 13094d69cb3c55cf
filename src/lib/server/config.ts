/**
 * The server's configuration, read once from the environment and validated at start-up.
 *
 * Plain `process.env` rather than `$env/dynamic/private`: the same module serves SvelteKit's
 * handler and the Node entry in `server/`, which is not built by Vite. Invalid values fail with a
 * sentence that says what to set.
 */
import path from 'node:path';
import type { VacuumPolicy } from './db/vacuum-schedule';
import { readEvaluationConfig, type EvaluationConfig } from './evaluation/evaluation-config';

export interface ServerConfig {
	port: number;
	host: string;
	origin: URL;
	/** Unset: embedded PGlite under `dataDir`. */
	databaseUrl: string | undefined;
	dataDir: string;
	/**
	 * PGlite has no autovacuum: the server vacuums the embedded database when it is quiet, or
	 * every deleted and replaced row (compacted log, old snapshots, ended sessions) stays on disk
	 * (see db/vacuum-schedule.ts).
	 */
	pgliteVacuum: VacuumPolicy;
	redisUrl: string | undefined;
	/** Whether cookies get `Secure` and the `__Host-` prefix. */
	secureCookies: boolean;
	logLevel: string;
	/** Quiet time after a workbook's last commit before its published outputs are recomputed. */
	outputDebounceMs: number;
	/** Worker threads that evaluate for the API (see evaluation/evaluation-config.ts). */
	evaluation: EvaluationConfig;
	/** Bytes of attachments one workbook may store (`ATTACHMENT_QUOTA_BYTES`, default 1 GiB). */
	attachmentQuotaBytes: number;
}

export class ConfigError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'ConfigError';
	}
}

function readPort(value: string | undefined): number {
	if (value === undefined || value === '') return 3000;
	const port = Number(value);
	if (!Number.isInteger(port) || port < 0 || port > 65535) {
		throw new ConfigError(`PORT must be a whole number from 0 to 65535; it is "${value}".`);
	}
	return port;
}

function readOrigin(value: string | undefined, port: number): URL {
	const text = value || `http://localhost:${port}`;
	let origin: URL;
	try {
		origin = new URL(text);
	} catch {
		throw new ConfigError(`ORIGIN must be a URL such as https://app.example.com; it is "${text}".`);
	}
	if (origin.protocol !== 'http:' && origin.protocol !== 'https:') {
		throw new ConfigError(`ORIGIN must start with http:// or https://; it is "${text}".`);
	}
	return new URL(origin.origin);
}

function readDatabaseUrl(value: string | undefined): string | undefined {
	if (!value) return undefined;
	if (!/^postgres(ql)?:\/\//.test(value)) {
		throw new ConfigError(
			'DATABASE_URL must be a PostgreSQL URL (postgres://user@host:5432/db), or unset for the embedded database.'
		);
	}
	return value;
}

/**
 * The environment variable `name`, whose `value` must be a positive whole number; `fallback`
 * when it is unset or empty. Throws a ConfigError naming the variable otherwise.
 */
export function readPositiveInteger(
	name: string,
	value: string | undefined,
	fallback: number
): number {
	if (value === undefined || value === '') return fallback;
	const number = Number(value);
	if (!Number.isInteger(number) || number <= 0) {
		throw new ConfigError(`${name} must be a positive whole number; it is "${value}".`);
	}
	return number;
}

/** Reads and validates the configuration from `env`; throws a ConfigError that names the variable. */
export function readConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
	const port = readPort(env.PORT);
	const origin = readOrigin(env.ORIGIN, port);
	return {
		port,
		host: env.HOST || '127.0.0.1',
		origin,
		databaseUrl: readDatabaseUrl(env.DATABASE_URL),
		dataDir: path.resolve(env.DATA_DIR || './data'),
		pgliteVacuum: {
			intervalMs: readPositiveInteger(
				'PGLITE_VACUUM_INTERVAL_MS',
				env.PGLITE_VACUUM_INTERVAL_MS,
				10_000
			),
			quietMs: readPositiveInteger('PGLITE_VACUUM_QUIET_MS', env.PGLITE_VACUUM_QUIET_MS, 1_000),
			maxDelayMs: readPositiveInteger(
				'PGLITE_VACUUM_MAX_DELAY_MS',
				env.PGLITE_VACUUM_MAX_DELAY_MS,
				60_000
			)
		},
		redisUrl: env.REDIS_URL || undefined,
		secureCookies: origin.protocol === 'https:',
		logLevel: env.LOG_LEVEL || (env.NODE_ENV === 'test' ? 'warn' : 'info'),
		outputDebounceMs: readPositiveInteger('OUTPUT_DEBOUNCE_MS', env.OUTPUT_DEBOUNCE_MS, 1_000),
		evaluation: readEvaluationConfig(env),
		attachmentQuotaBytes: readPositiveInteger(
			'ATTACHMENT_QUOTA_BYTES',
			env.ATTACHMENT_QUOTA_BYTES,
			1024 * 1024 * 1024
		)
	};
}

let current: ServerConfig | undefined;

/** The process's configuration, read on first use. */
export function getConfig(): ServerConfig {
	current ??= readConfig();
	return current;
}
