/**
 * The server's evaluation workers: a small pool of worker threads (evaluation-worker.js) that
 * answer every API read needing formulas, so a formula that takes seconds or gigabytes costs
 * one worker, never the event loop.
 *
 * Each worker keeps replicas of the workbooks it has evaluated (evaluation-tasks.ts). A worker
 * without a replica is sent the workbook's stored parts (snapshot and log rows) as they are, so
 * starting a replica never encodes a large document on the event loop. The pool remembers, per
 * worker and per loaded document, the state vector it last sent, and then sends only the Yjs
 * update since then (nothing when the document has not changed): a steady read costs a message.
 * A worker runs one request at a time; the rest wait in the pool's queue for it. A request that runs past its time
 * budget, or a worker that runs out of its heap, stops that worker: the request fails with
 * {@link EvaluationOverBudgetError}, the requests queued behind it with
 * {@link EvaluationRetryError} (their diffs assumed the replicas it had), and the next request
 * starts a fresh worker that rebuilds replicas from the whole state.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as Y from 'yjs';
import { getLogger } from '../logger';
import { RequestChannel, WorkerStoppedError } from '../threads/request-channel';
import type { EvaluationConfig } from './evaluation-config';
import type {
	EvaluationAnswer,
	EvaluationRequest,
	EvaluationTask,
	StatelessTask
} from './evaluation-tasks';

/** The request ran out of its time or its worker's memory; the worker was replaced. */
export class EvaluationOverBudgetError extends Error {
	constructor(readonly budget: 'time' | 'memory') {
		super(`evaluation ran out of ${budget}`);
		this.name = 'EvaluationOverBudgetError';
	}
}

/** Every worker is busy and the queue is full. */
export class EvaluationBusyError extends Error {
	constructor() {
		super('every evaluation worker is busy');
		this.name = 'EvaluationBusyError';
	}
}

/** The request's worker was replaced before it ran: dispatch it again (the whole state). */
export class EvaluationRetryError extends Error {
	constructor() {
		super('the evaluation worker was replaced before it ran this request');
		this.name = 'EvaluationRetryError';
	}
}

/**
 * Which of the errors above `error` is, by name: the pool's errors reach callers in the other
 * copy of this module (see getEvaluationPool), where `instanceof` does not recognise them.
 */
export function evaluationErrorKind(error: unknown): 'over_budget' | 'busy' | 'retry' | undefined {
	const name = error instanceof Error ? error.name : undefined;
	if (name === 'EvaluationOverBudgetError') return 'over_budget';
	if (name === 'EvaluationBusyError') return 'busy';
	if (name === 'EvaluationRetryError') return 'retry';
	return undefined;
}

interface Job {
	/** The document whose replica the request continues; null for a task that needs none. */
	doc: Y.Doc | null;
	request: EvaluationRequest;
	resolve(answer: EvaluationAnswer): void;
	reject(error: Error): void;
}

/** A worker thread, the replicas it is known to hold, and its queue. */
interface PoolWorker {
	channel: RequestChannel;
	/** Resolves once the worker has loaded the core (its start-up is not a request's budget). */
	ready: Promise<void>;
	/** Per document: its state vector and version (versionOf) when last sent to this worker. */
	sent: WeakMap<Y.Doc, { stateVector: Uint8Array; version: number }>;
	queue: Job[];
	running: Job | null;
	/** Why the pool stopped it, if it did. */
	stoppedFor?: 'time' | 'memory' | 'close';
}

/**
 * Where the worker's file is. Beside this module under tsx and `vite dev`; the built server's
 * bundle lives in `build/`, away from it, and runs from the project directory, where the worker
 * (which loads the core's TypeScript sources) is found under `src/`.
 */
function workerUrl(): URL {
	const beside = new URL('./evaluation-worker.js', import.meta.url);
	if (beside.protocol === 'file:' && fs.existsSync(fileURLToPath(beside))) return beside;
	return pathToFileURL(path.resolve('src/lib/server/evaluation/evaluation-worker.js'));
}

/**
 * `bytes` over a buffer of their own: posting a view clones its whole underlying buffer, which
 * for a view into a shared one is far more than the view.
 */
function ownBytes(bytes: Uint8Array): Uint8Array {
	const whole = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength;
	return whole ? bytes : bytes.slice();
}

const versions = new WeakMap<Y.Doc, { changes: number }>();

/**
 * How many updates `doc` has had since the pool first saw it. Compared rather than state
 * vectors: a transaction that only deletes leaves the state vector as it was.
 */
function versionOf(doc: Y.Doc): number {
	let version = versions.get(doc);
	if (!version) {
		const counter = { changes: 0 };
		doc.on('update', () => counter.changes++);
		versions.set(doc, counter);
		version = counter;
	}
	return version.changes;
}

/** A fixed number of evaluation workers, started on first use and replaced when stopped. */
export class EvaluationPool {
	private readonly slots: (PoolWorker | null)[];
	private readonly log = getLogger().child({ module: 'evaluation' });
	private closed = false;

	constructor(readonly config: EvaluationConfig) {
		this.slots = Array.from({ length: config.workers }, () => null);
	}

	/**
	 * Queues `task` on the workbook's document `doc` as it is now, and resolves with the worker's
	 * answer. Synchronous up to the promise: call it where `doc` may be read (a room read).
	 * `reset` sends the whole state even to a worker believed to hold a replica (after a
	 * `missing` answer or an EvaluationRetryError). `storedParts`, when given, must make exactly
	 * `doc` applied in order (a room's durable parts, read in the pipeline's durable phase): a
	 * replica starts from them instead of an encoding of `doc`. Throws EvaluationBusyError at once
	 * when the queue is full; the promise rejects with EvaluationOverBudgetError or
	 * EvaluationRetryError.
	 */
	dispatch(
		workbookId: string,
		doc: Y.Doc,
		task: EvaluationTask,
		reset = false,
		storedParts?: readonly Uint8Array[]
	): Promise<EvaluationAnswer> {
		const worker = this.admit(doc);
		const known = reset ? undefined : worker.sent.get(doc);
		const version = versionOf(doc);
		let updates: Uint8Array[] = [];
		if (!known) updates = storedParts ? storedParts.map(ownBytes) : [Y.encodeStateAsUpdate(doc)];
		// The update since a state vector carries the whole delete set, so deletions reach it too.
		else if (known.version !== version) updates = [Y.encodeStateAsUpdate(doc, known.stateVector)];
		worker.sent.set(doc, { stateVector: Y.encodeStateVector(doc), version });
		const answer = new Promise<EvaluationAnswer>((resolve, reject) => {
			const request = { workbookId, reset: !known, updates, task };
			worker.queue.push({ doc, request, resolve, reject });
		});
		// The caller awaits it only after its room read returns; until then it must not count
		// as unhandled.
		answer.catch(() => undefined);
		void this.pump(worker);
		return answer;
	}

	/**
	 * Queues `task`, which needs no workbook replica (an import, history's tasks), on the least loaded worker and
	 * resolves with its answer. Throws EvaluationBusyError at once when the queue is full; the
	 * promise rejects with EvaluationOverBudgetError or EvaluationRetryError (dispatch it again).
	 */
	run(task: StatelessTask): Promise<EvaluationAnswer> {
		const worker = this.admit(null);
		const answer = new Promise<EvaluationAnswer>((resolve, reject) => {
			const request = { workbookId: '', reset: false, updates: [], task };
			worker.queue.push({ doc: null, request, resolve, reject });
		});
		answer.catch(() => undefined);
		void this.pump(worker);
		return answer;
	}

	/** The worker a new request goes to; throws EvaluationBusyError when none may take it. */
	private admit(doc: Y.Doc | null): PoolWorker {
		if (this.closed) throw new EvaluationBusyError();
		const waiting = this.slots.reduce((sum, worker) => sum + (worker?.queue.length ?? 0), 0);
		if (waiting >= this.config.queueLimit) throw new EvaluationBusyError();
		return this.choose(doc);
	}

	/**
	 * Starts every worker now, so the first reads do not wait for them to load the core (a
	 * second or more on a busy machine). The server calls it at start-up.
	 */
	warmUp(): void {
		this.slots.forEach((slot, index) => {
			if (!slot || slot.stoppedFor || slot.channel.stopped) this.start(index);
		});
	}

	/** Stops every worker; queued requests fail with EvaluationBusyError. */
	async close(): Promise<void> {
		this.closed = true;
		await Promise.all(
			this.slots.map((worker) => (worker ? this.stop(worker, 'close') : Promise.resolve()))
		);
	}

	/** The least loaded worker, preferring one that holds `doc`'s replica; starts missing ones. */
	private choose(doc: Y.Doc | null): PoolWorker {
		let best: PoolWorker | undefined;
		let bestScore = Infinity;
		this.slots.forEach((slot, index) => {
			const worker = slot && !slot.stoppedFor && !slot.channel.stopped ? slot : this.start(index);
			const score =
				2 * (worker.queue.length + (worker.running ? 1 : 0)) -
				(doc && worker.sent.has(doc) ? 1 : 0);
			if (score < bestScore) [best, bestScore] = [worker, score];
		});
		return best!;
	}

	private start(index: number): PoolWorker {
		const channel = new RequestChannel(workerUrl(), 'an evaluation worker', {
			workerData: { cachedWorkbooks: this.config.cachedWorkbooks },
			resourceLimits: { maxOldGenerationSizeMb: this.config.memoryMb }
		});
		const worker: PoolWorker = {
			channel,
			ready: channel.request<null>({ kind: 'warm-up' }).then(() => undefined),
			sent: new WeakMap(),
			queue: [],
			running: null
		};
		// A worker stopped while warming up with nothing queued (a shutdown right after start-up)
		// has nobody awaiting `ready`; pump() still sees the failure when a job does.
		worker.ready.catch(() => undefined);
		this.slots[index] = worker;
		return worker;
	}

	private async pump(worker: PoolWorker): Promise<void> {
		if (worker.running) return;
		try {
			await worker.ready;
		} catch (error) {
			if (!worker.stoppedFor) this.log.error({ err: error }, 'evaluation worker did not start');
			this.failQueue(worker);
			return;
		}
		const job = worker.running ? undefined : worker.queue.shift();
		if (!job) return;
		worker.running = job;
		const timer = setTimeout(
			() => void this.stop(worker, 'time'),
			this.timeoutFor(job.request.task)
		);
		try {
			job.resolve(await worker.channel.request<EvaluationAnswer>(job.request));
		} catch (error) {
			// A replica whose update failed half-way cannot be continued: start it afresh.
			if (job.doc) worker.sent.delete(job.doc);
			job.reject(this.explain(worker, error));
			if (error instanceof WorkerStoppedError) this.failQueue(worker);
		} finally {
			clearTimeout(timer);
			worker.running = null;
		}
		void this.pump(worker);
	}

	/**
	 * The time budget of `task`: an export evaluates the whole workbook and builds a file, and an
	 * import parses one and builds a workbook, so both get EVAL_EXPORT_TIMEOUT_MS; every read
	 * EVAL_TIMEOUT_MS.
	 */
	timeoutFor(task: EvaluationTask): number {
		const building =
			task.kind === 'export' ||
			task.kind === 'import' ||
			task.kind === 'import-sheet' ||
			task.kind === 'statement' ||
			task.kind === 'history-digest' ||
			task.kind === 'history-merge';
		return building ? this.config.exportTimeoutMs : this.config.timeoutMs;
	}

	/** Why the running request failed, as the caller should hear it. */
	private explain(worker: PoolWorker, error: unknown): Error {
		if (!(error instanceof WorkerStoppedError)) {
			return error instanceof Error ? error : new Error(String(error));
		}
		const cause = error.cause as { code?: string } | undefined;
		if (cause?.code === 'ERR_WORKER_OUT_OF_MEMORY') worker.stoppedFor ??= 'memory';
		if (worker.stoppedFor === 'time' || worker.stoppedFor === 'memory') {
			this.log.warn({ budget: worker.stoppedFor }, 'evaluation over budget; worker replaced');
			return new EvaluationOverBudgetError(worker.stoppedFor);
		}
		if (worker.stoppedFor === 'close') return new EvaluationBusyError();
		this.log.error({ err: error }, 'evaluation worker stopped');
		return error;
	}

	/** Fails every queued request of a stopped worker so that its callers dispatch again. */
	private failQueue(worker: PoolWorker): void {
		const failure =
			worker.stoppedFor === 'close' ? new EvaluationBusyError() : new EvaluationRetryError();
		for (const job of worker.queue.splice(0)) job.reject(failure);
	}

	private async stop(worker: PoolWorker, reason: 'time' | 'memory' | 'close'): Promise<void> {
		worker.stoppedFor ??= reason;
		await worker.channel.terminate();
	}
}

const POOL_KEY = Symbol.for('investflow.evaluation.pool');
type PoolSlot = { [POOL_KEY]?: EvaluationPool };

/**
 * The process's pool. Kept on `globalThis`, like the room registry: the SvelteKit bundle and the
 * Node entry each load their own copy of this module and must share the workers.
 */
export function getEvaluationPool(config: () => EvaluationConfig): EvaluationPool {
	const slot = globalThis as PoolSlot;
	slot[POOL_KEY] ??= new EvaluationPool(config());
	return slot[POOL_KEY];
}
