/**
 * How the server evaluates workbooks for the API: how many worker threads, and the time and
 * memory one request may take on one. Read from the environment with the rest of the server's
 * configuration (config.ts), so a bad value stops start-up with a sentence naming the variable.
 */
import { readPositiveInteger } from '../config';

/** See the README's configuration table. */
export interface EvaluationConfig {
	/** Worker threads evaluating at once (`EVAL_WORKERS`). */
	workers: number;
	/** Longest one request may evaluate before its worker is stopped (`EVAL_TIMEOUT_MS`). */
	timeoutMs: number;
	/** Longest one export or import may take building its file or workbook (`EVAL_EXPORT_TIMEOUT_MS`). */
	exportTimeoutMs: number;
	/** Heap of one worker (`EVAL_MEMORY_MB`); past it the worker is stopped. */
	memoryMb: number;
	/** Workbooks whose replica and evaluator one worker keeps (`EVAL_CACHED_WORKBOOKS`). */
	cachedWorkbooks: number;
	/** Requests that may wait for a worker; more are answered 503 at once. */
	queueLimit: number;
}

/** Requests that may wait per worker: a few seconds of ordinary reads. */
const QUEUE_PER_WORKER = 64;

/** Defaults: two workers (a second lane while one works on a slow request) on a small machine. */
export const EVALUATION_DEFAULTS: EvaluationConfig = {
	workers: 2,
	timeoutMs: 10_000,
	exportTimeoutMs: 60_000,
	memoryMb: 512,
	cachedWorkbooks: 8,
	queueLimit: 2 * QUEUE_PER_WORKER
};

/** Reads the evaluation settings from `env`; throws a ConfigError naming a bad variable. */
export function readEvaluationConfig(env: NodeJS.ProcessEnv = process.env): EvaluationConfig {
	const defaults = EVALUATION_DEFAULTS;
	const workers = readPositiveInteger('EVAL_WORKERS', env.EVAL_WORKERS, defaults.workers);
	return {
		workers,
		timeoutMs: readPositiveInteger('EVAL_TIMEOUT_MS', env.EVAL_TIMEOUT_MS, defaults.timeoutMs),
		exportTimeoutMs: readPositiveInteger(
			'EVAL_EXPORT_TIMEOUT_MS',
			env.EVAL_EXPORT_TIMEOUT_MS,
			defaults.exportTimeoutMs
		),
		memoryMb: readPositiveInteger('EVAL_MEMORY_MB', env.EVAL_MEMORY_MB, defaults.memoryMb),
		cachedWorkbooks: readPositiveInteger(
			'EVAL_CACHED_WORKBOOKS',
			env.EVAL_CACHED_WORKBOOKS,
			defaults.cachedWorkbooks
		),
		queueLimit: QUEUE_PER_WORKER * workers
	};
}
