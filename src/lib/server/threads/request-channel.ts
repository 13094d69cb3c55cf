/**
 * Requests to a worker thread, each answered once. `{ id, ...request }` goes out; the worker
 * (see answer-requests.js) answers `{ id, result }` or `{ id, error }`.
 *
 * The worker keeps the process alive only while an answer is awaited. When it stops — an
 * uncaught error, an exit, `terminate()` — every unanswered request rejects with a
 * `WorkerStoppedError`, and so does every later one: a caller that can do the work elsewhere
 * tells that apart from the worker's own answer that the request failed.
 */
import { Worker, type WorkerOptions } from 'node:worker_threads';

/** An error the worker reported, as answer-requests.js sends it. */
export interface ReportedError {
	message: string;
	name: string;
	[field: string]: unknown;
}

type Answer = { id: number; result?: unknown; error?: ReportedError };

interface Waiter {
	resolve(result: unknown): void;
	reject(error: Error): void;
}

/** The worker stopped before it answered (or was stopped before it was asked). */
export class WorkerStoppedError extends Error {
	constructor(message: string, options?: ErrorOptions) {
		super(message, options);
		this.name = 'WorkerStoppedError';
	}
}

/** An error as the worker reported it, with every field it carried (PostgreSQL's code, …). */
function restoreError(reported: ReportedError): Error {
	const error = new Error(reported.message);
	Object.assign(error, reported);
	return error;
}

/** See RequestChannel.activity. */
export interface ChannelActivity {
	waiting: number;
	answered: number;
	lastAnsweredAt: number;
}

export class RequestChannel {
	readonly #worker: Worker;
	readonly #waiting = new Map<number, Waiter>();
	#nextId = 1;
	#stopped: WorkerStoppedError | undefined;
	#answered = 0;
	#lastAnsweredAt = performance.now();

	/**
	 * Starts the worker at `url` with `options` (workerData, resourceLimits, …); `name` says in
	 * errors which worker it was.
	 */
	constructor(url: URL, name: string, options?: WorkerOptions) {
		this.#worker = new Worker(url, options);
		this.#worker.unref();
		this.#worker.on('message', (answer: Answer) => this.#settle(answer));
		this.#worker.on('error', (error) =>
			this.#stop(new WorkerStoppedError(`${name} failed: ${error.message}`, { cause: error }))
		);
		this.#worker.on('exit', (code) =>
			this.#stop(new WorkerStoppedError(`${name} exited with code ${code}`))
		);
	}

	/** Whether the worker has stopped: every request now rejects. */
	get stopped(): boolean {
		return this.#stopped !== undefined;
	}

	/**
	 * What the worker has been doing: how many requests await an answer, how many were answered
	 * so far, and when the last answer came (performance.now()).
	 */
	activity(): ChannelActivity {
		return {
			waiting: this.#waiting.size,
			answered: this.#answered,
			lastAnsweredAt: this.#lastAnsweredAt
		};
	}

	/** Sends `request`, handing over the buffers in `transfer`, and resolves with the answer. */
	request<T>(request: object, transfer: ArrayBuffer[] = []): Promise<T> {
		if (this.#stopped) return Promise.reject(this.#stopped);
		const id = this.#nextId++;
		return new Promise<T>((resolve, reject) => {
			if (this.#waiting.size === 0) this.#worker.ref();
			this.#waiting.set(id, { resolve: resolve as (result: unknown) => void, reject });
			this.#worker.postMessage({ ...request, id }, transfer);
		});
	}

	/** Stops the worker; unanswered requests reject with a WorkerStoppedError. */
	async terminate(): Promise<void> {
		await this.#worker.terminate();
	}

	#settle(answer: Answer): void {
		const waiter = this.#waiting.get(answer.id);
		if (!waiter) return;
		this.#waiting.delete(answer.id);
		this.#answered++;
		this.#lastAnsweredAt = performance.now();
		if (this.#waiting.size === 0) this.#worker.unref();
		if (answer.error) waiter.reject(restoreError(answer.error));
		else waiter.resolve(answer.result);
	}

	#stop(error: WorkerStoppedError): void {
		this.#stopped ??= error;
		for (const waiter of this.#waiting.values()) waiter.reject(this.#stopped);
		this.#waiting.clear();
	}
}
