/**
 * The main thread's handle on the PGlite worker (pglite-worker.ts): the part of PGlite's
 * interface drizzle's PGlite driver uses — `query(sql, params, options)` and
 * `transaction(callback)` — carried over messages. While a transaction is open the worker's
 * PGlite holds its lock, so other queries wait their turn there, exactly as in-process.
 */
import { Worker } from 'node:worker_threads';
import {
	deserializeError,
	type WorkerReply,
	type WorkerRequestInput,
	type WorkerStartOptions
} from './pglite-worker-protocol';

/** The worker module, beside this one (a variable, so bundlers leave the URL alone). */
const WORKER_FILE = './pglite-worker.ts';

interface QueryOptions {
	rowMode?: 'array' | 'object';
	parsers?: Record<number, unknown>;
}

/** What drizzle sees of PGlite, inside a transaction or not. */
export interface PgliteLikeExecutor {
	query(sql: string, params?: unknown[], options?: QueryOptions): Promise<unknown>;
}

interface Pending {
	resolve(value: unknown): void;
	reject(error: Error): void;
}

export class PgliteWorkerClient implements PgliteLikeExecutor {
	private readonly pending = new Map<number, Pending>();
	private nextId = 1;
	private failure: Error | null = null;

	private constructor(private readonly worker: Worker) {
		worker.on('message', (reply: WorkerReply) => this.settle(reply));
		worker.on('error', (error) => this.fail(error));
		worker.on('exit', (code) => this.fail(new Error(`the database thread exited (${code})`)));
	}

	/** Starts the worker on `dataDir` and resolves once its database is open. */
	static async start(dataDir: string): Promise<PgliteWorkerClient> {
		const options: WorkerStartOptions = { dataDir };
		const worker = new Worker(bootstrap(new URL(WORKER_FILE, import.meta.url)), {
			eval: true,
			workerData: options
		});
		const client = new PgliteWorkerClient(worker);
		await new Promise<void>((resolve, reject) => client.pending.set(0, { resolve, reject }));
		return client;
	}

	query(sql: string, params?: unknown[], options?: QueryOptions): Promise<unknown> {
		return this.call(queryRequest(sql, params, options));
	}

	async transaction<T>(callback: (tx: PgliteLikeExecutor) => Promise<T>): Promise<T> {
		const tx = (await this.call({ op: 'begin' })) as number;
		const executor: PgliteLikeExecutor = {
			query: (sql, params, options) => this.call({ ...queryRequest(sql, params, options), tx })
		};
		let result: T;
		try {
			result = await callback(executor);
		} catch (error) {
			await this.call({ op: 'end', tx, commit: false }).catch(() => {});
			throw error;
		}
		await this.call({ op: 'end', tx, commit: true });
		return result;
	}

	async close(): Promise<void> {
		if (!this.failure) await this.call({ op: 'close' });
		await this.worker.terminate();
	}

	private call(request: WorkerRequestInput): Promise<unknown> {
		if (this.failure) return Promise.reject(this.failure);
		const id = this.nextId++;
		return new Promise((resolve, reject) => {
			this.pending.set(id, { resolve, reject });
			this.worker.postMessage({ ...request, id });
		});
	}

	private settle(reply: WorkerReply): void {
		const pending = this.pending.get(reply.id);
		if (!pending) return;
		this.pending.delete(reply.id);
		if ('error' in reply) pending.reject(deserializeError(reply.error));
		else pending.resolve(reply.result);
	}

	/** The worker died: every waiting and later call fails with `error`. */
	private fail(error: Error): void {
		this.failure ??= error;
		for (const pending of this.pending.values()) pending.reject(this.failure);
		this.pending.clear();
	}
}

/**
 * The worker's first script: registers tsx's loader (the worker is TypeScript, and a worker
 * thread does not inherit the loader hooks of its parent), then imports the worker module.
 */
function bootstrap(workerUrl: URL): string {
	return `import('tsx/esm/api')
		.then(({ register }) => register())
		.then(() => import(${JSON.stringify(workerUrl.href)}));`;
}

function queryRequest(
	sql: string,
	params: unknown[] | undefined,
	options: QueryOptions | undefined
): Extract<WorkerRequestInput, { op: 'query' }> {
	const textTypes = options?.parsers ? Object.keys(options.parsers).map(Number) : undefined;
	return { op: 'query', sql, params, rowMode: options?.rowMode, textTypes };
}
