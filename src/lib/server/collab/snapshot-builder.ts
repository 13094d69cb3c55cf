/**
 * Builds a document's snapshot from its stored parts on a worker thread (snapshot-worker.js).
 * Encoding a loaded document on the event loop stalled every room of the server: 22–80 ms for
 * a 100,000-cell workbook, each time its log was compacted. The worker rebuilds the same state
 * from the bytes the room keeps (see Room.durableParts) instead.
 *
 * One worker serves the process, started on first use and unreferenced while idle, so it never
 * keeps the process alive. Should it fail to start or die, its jobs are built on the event loop
 * as before (a stall is better than a log that is never compacted), and the next job starts a
 * new worker.
 */
import { Worker } from 'node:worker_threads';
import { getLogger } from '../logger';
import { buildState } from './snapshot-state.js';

interface Job {
	parts: readonly Uint8Array[];
	resolve(state: Uint8Array): void;
	reject(error: Error): void;
}

type Answer = { id: number; state: Uint8Array } | { id: number; error: string };

/** Thrown when the parts do not make a document (a bug: they were all committed updates). */
export class SnapshotBuildError extends Error {
	constructor(reason: string) {
		super(`snapshot could not be built: ${reason}`);
		this.name = 'SnapshotBuildError';
	}
}

/** The process's snapshot worker and the jobs it has not answered yet. */
export class SnapshotBuilder {
	private worker: Worker | null = null;
	private readonly jobs = new Map<number, Job>();
	private nextId = 1;
	private readonly log = getLogger().child({ module: 'collab-snapshots' });

	/** Resolves with the state of the document `parts` make, built off the event loop. */
	build(parts: readonly Uint8Array[]): Promise<Uint8Array> {
		const worker = this.worker ?? this.start();
		if (!worker) return new Promise((resolve, reject) => buildHere({ parts, resolve, reject }));
		const id = this.nextId++;
		return new Promise<Uint8Array>((resolve, reject) => {
			this.jobs.set(id, { parts, resolve, reject });
			if (this.jobs.size === 1) worker.ref();
			worker.postMessage({ id, parts });
		});
	}

	/** Stops the worker; jobs it had not answered are built on the event loop. */
	async close(): Promise<void> {
		await this.worker?.terminate();
	}

	private start(): Worker | null {
		try {
			const worker = new Worker(new URL('./snapshot-worker.js', import.meta.url));
			worker.unref();
			worker.on('message', (answer: Answer) => this.answer(answer));
			worker.on('error', (error) => this.fail(worker, error));
			worker.on('exit', (code) => this.fail(worker, new Error(`worker exited with ${code}`)));
			this.worker = worker;
			return worker;
		} catch (error) {
			this.log.error({ err: error }, 'snapshot worker did not start; building on the event loop');
			return null;
		}
	}

	private answer(answer: Answer): void {
		const job = this.jobs.get(answer.id);
		if (!job) return;
		this.jobs.delete(answer.id);
		if (this.jobs.size === 0) this.worker?.unref();
		if ('state' in answer) job.resolve(answer.state);
		else job.reject(new SnapshotBuildError(answer.error));
	}

	/** The worker died: its unanswered jobs are built here, and the next build starts a new one. */
	private fail(worker: Worker, error: Error): void {
		if (this.worker !== worker) return;
		this.worker = null;
		const jobs = [...this.jobs.values()];
		this.jobs.clear();
		if (jobs.length === 0) return;
		this.log.error({ err: error }, 'snapshot worker failed; building on the event loop');
		for (const job of jobs) buildHere(job);
	}
}

/** Builds `job` on the event loop (when there is no worker to build it). */
function buildHere(job: Job): void {
	try {
		job.resolve(buildState(job.parts));
	} catch (error) {
		job.reject(new SnapshotBuildError(error instanceof Error ? error.message : String(error)));
	}
}
