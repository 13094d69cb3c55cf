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
import { getLogger } from '../logger';
import { RequestChannel, WorkerStoppedError } from '../threads/request-channel';
import { buildState } from './snapshot-state.js';

/** Thrown when the parts do not make a document (a bug: they were all committed updates). */
export class SnapshotBuildError extends Error {
	constructor(reason: string) {
		super(`snapshot could not be built: ${reason}`);
		this.name = 'SnapshotBuildError';
	}
}

/** The process's snapshot worker. */
export class SnapshotBuilder {
	private worker: RequestChannel | null = null;
	private readonly log = getLogger().child({ module: 'collab-snapshots' });

	/** Resolves with the state of the document `parts` make, built off the event loop. */
	async build(parts: readonly Uint8Array[]): Promise<Uint8Array> {
		const worker = this.runningWorker();
		if (!worker) return buildHere(parts);
		try {
			return await worker.request<Uint8Array>({ parts });
		} catch (error) {
			if (!(error instanceof WorkerStoppedError)) throw new SnapshotBuildError(messageOf(error));
			if (this.worker === worker) {
				this.worker = null;
				this.log.error({ err: error }, 'snapshot worker failed; building on the event loop');
			}
			return buildHere(parts);
		}
	}

	/** Stops the worker; jobs it had not answered are built on the event loop. */
	async close(): Promise<void> {
		await this.worker?.terminate();
	}

	/** The worker, started when there is none or the last one stopped; null if it cannot start. */
	private runningWorker(): RequestChannel | null {
		if (this.worker && !this.worker.stopped) return this.worker;
		try {
			this.worker = new RequestChannel(
				new URL('./snapshot-worker.js', import.meta.url),
				'the snapshot worker'
			);
		} catch (error) {
			this.worker = null;
			this.log.error({ err: error }, 'snapshot worker did not start; building on the event loop');
		}
		return this.worker;
	}
}

function messageOf(error: unknown): string {
	return error instanceof Error ? error.message : String(error);
}

/** Builds the state on the event loop (when there is no worker to build it). */
function buildHere(parts: readonly Uint8Array[]): Uint8Array {
	try {
		return buildState(parts);
	} catch (error) {
		throw new SnapshotBuildError(messageOf(error));
	}
}
