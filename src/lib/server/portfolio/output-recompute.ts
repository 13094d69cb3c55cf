/**
 * Recomputes workbooks' published outputs after edits, off the commit path: the commit pipeline
 * announces each committed workbook on a diagnostics channel; this debounces per workbook
 * (OUTPUT_DEBOUNCE_MS after the last commit, at most ten times that while edits keep coming),
 * evaluates on the evaluation workers from the durable document (never on the event loop), and
 * stores the values with the update id they belong to (output-store.ts). One recompute runs at
 * a time, so they never crowd out API reads or co-editing.
 *
 * When a workbook's values change, listeners hear of it (the dashboard's live push, and the
 * workbooks whose `WORKBOOK()` calls read it, which are recomputed in turn).
 */
import diagnostics from 'node:diagnostics_channel';
import { publishedNames } from '../../core/published-outputs';
import { WORKBOOK_COMMITTED_CHANNEL } from '../collab/commit-pipeline';
import { getRoomRegistry } from '../collab/room-registry';
import { getConfig } from '../config';
import {
	evaluationErrorKind,
	getEvaluationPool,
	type EvaluationPool
} from '../evaluation/evaluation-pool';
import type { ComputedOutputs, EvaluationAnswer } from '../evaluation/evaluation-tasks';
import { getLogger } from '../logger';
import type { SourceEntry } from '../../core/functions/workbook-ref';
import { readWorkbookOutputs, saveComputedOutputs, saveOutputError } from './output-store';
import {
	listDependentWorkbooks,
	resolveWorkbookSources,
	type ResolvedReference
} from './workbook-sources';

/**
 * While edits keep coming, a workbook is recomputed at the latest this many debounce periods
 * after its first unrecomputed edit: recomputing mid-burst costs CPU that co-editing needs.
 */
const MAX_WAIT_DEBOUNCES = 10;

/** A failed recompute is tried again this many times, after RETRY_MS × the attempt. */
const MAX_RETRIES = 3;
const RETRY_MS = 3_000;

/** Dispatches this many times at most when a worker was replaced under the request. */
const ATTEMPTS = 3;

/** Called with a workbook whose published outputs changed. */
export type OutputsListener = (workbookId: string) => void;

interface Pending {
	timer: ReturnType<typeof setTimeout>;
	firstAt: number;
}

/** The process's output recompute; see the module comment. */
export class OutputRecompute {
	private readonly pending = new Map<string, Pending>();
	private readonly ready: string[] = [];
	private readonly running = new Set<string>();
	private readonly again = new Set<string>();
	private readonly listeners = new Set<OutputsListener>();
	/** Consecutive failed recomputes per workbook (retried {@link MAX_RETRIES} times). */
	private readonly failures = new Map<string, number>();
	private readonly log = getLogger().child({ module: 'outputs' });
	private readonly onCommit = (workbookId: unknown) => this.schedule(String(workbookId));
	private closed = false;

	constructor(
		private readonly debounceMs: number,
		private readonly pool: () => EvaluationPool
	) {
		diagnostics.subscribe(WORKBOOK_COMMITTED_CHANNEL, this.onCommit);
	}

	/** Calls `listener` whenever a workbook's stored outputs change; returns unsubscribe. */
	subscribe(listener: OutputsListener): () => void {
		this.listeners.add(listener);
		return () => this.listeners.delete(listener);
	}

	/**
	 * Recomputes the workbook `delay` ms from now, or later if it is scheduled again meanwhile
	 * (but never more than MAX_WAIT_DEBOUNCES periods after it was first scheduled).
	 */
	schedule(workbookId: string, delay = this.debounceMs): void {
		if (this.closed) return;
		if (this.running.has(workbookId)) {
			this.again.add(workbookId);
			return;
		}
		const existing = this.pending.get(workbookId);
		const firstAt = existing?.firstAt ?? performance.now();
		if (existing) clearTimeout(existing.timer);
		const latest = firstAt + MAX_WAIT_DEBOUNCES * this.debounceMs - performance.now();
		const timer = setTimeout(() => this.enqueue(workbookId), Math.max(0, Math.min(delay, latest)));
		timer.unref?.();
		this.pending.set(workbookId, { timer, firstAt });
	}

	/** Recomputes soon unless a recompute is already scheduled, queued or running. */
	ensure(workbookId: string): void {
		if (this.pending.has(workbookId) || this.running.has(workbookId)) return;
		if (this.ready.includes(workbookId)) return;
		this.schedule(workbookId, 0);
	}

	/** True while the workbook has a recompute scheduled, queued or running. */
	isPending(workbookId: string): boolean {
		return (
			this.pending.has(workbookId) ||
			this.running.has(workbookId) ||
			this.ready.includes(workbookId)
		);
	}

	/** Resolves once nothing is scheduled, queued or running (tests and benchmarks). */
	async idle(): Promise<void> {
		while (this.pending.size + this.ready.length + this.running.size > 0) {
			await new Promise((resolve) => setTimeout(resolve, 20));
		}
	}

	/** Stops listening for commits and drops what is scheduled. */
	close(): void {
		this.closed = true;
		diagnostics.unsubscribe(WORKBOOK_COMMITTED_CHANNEL, this.onCommit);
		for (const { timer } of this.pending.values()) clearTimeout(timer);
		this.pending.clear();
		this.ready.length = 0;
	}

	private enqueue(workbookId: string): void {
		this.pending.delete(workbookId);
		if (!this.ready.includes(workbookId)) this.ready.push(workbookId);
		this.pump();
	}

	private pump(): void {
		// One lane: background recomputes leave the other workers to API reads, and a core to
		// the event loop on a small machine.
		const lanes = 1;
		while (this.running.size < lanes && this.ready.length > 0) {
			const workbookId = this.ready.shift()!;
			this.running.add(workbookId);
			void this.recompute(workbookId).finally(() => {
				this.running.delete(workbookId);
				if (this.again.delete(workbookId)) this.schedule(workbookId);
				this.pump();
			});
		}
	}

	private async recompute(workbookId: string): Promise<void> {
		try {
			const info = await readWorkbookOutputs(workbookId);
			if (!info) return;
			const before = info.stored;
			// WORKBOOK() sources as the owner may see them: those the last run asked for first; a
			// run that asks for new ones is run again with them (once).
			let references = (before?.references ?? []).map((entry) => entry.ref);
			let computed: (ComputedOutputs & { clock: number }) | null = null;
			let resolved: ResolvedReference[] = [];
			for (let pass = 1; pass <= 2; pass++) {
				const sources = await resolveWorkbookSources(info.ownerId, workbookId, references);
				resolved = sources.resolved;
				for (const source of sources.pending) this.ensure(source);
				computed = await this.evaluate(
					workbookId,
					info.template,
					before?.chosenNames,
					sources.sources
				);
				if (!computed) return;
				const asked = computed.references;
				const known = new Set(references);
				if (asked.every((reference) => known.has(reference))) break;
				references = asked;
			}
			if (!computed) return;
			const asked = new Set(computed.references);
			await saveComputedOutputs(workbookId, {
				values: computed.values,
				scheduleE: computed.scheduleE,
				references: resolved.filter((entry) => asked.has(entry.ref)),
				throughUpdateId: computed.clock
			});
			const changed =
				!before?.computedAt ||
				before.error !== null ||
				JSON.stringify(before.values) !== JSON.stringify(computed.values) ||
				JSON.stringify(before.scheduleE) !== JSON.stringify(computed.scheduleE);
			if (changed) {
				this.announce(workbookId);
				// Workbooks reading these outputs through WORKBOOK() follow them. A cycle settles:
				// its members read each other as #CYCLE!, so a second round changes nothing.
				for (const dependent of await listDependentWorkbooks(workbookId)) {
					if (dependent !== workbookId) this.schedule(dependent);
				}
			}
		} catch (error) {
			this.log.warn({ err: error, workbookId }, 'published outputs not recomputed');
			const message =
				evaluationErrorKind(error) === 'over_budget'
					? 'Evaluating this workbook ran over the server’s budget.'
					: 'The outputs could not be computed.';
			await saveOutputError(workbookId, message).then(
				() => this.announce(workbookId),
				() => undefined
			);
			// A busy machine can push one evaluation past its budget: try again a few times.
			const failures = (this.failures.get(workbookId) ?? 0) + 1;
			this.failures.set(workbookId, failures);
			if (failures <= MAX_RETRIES) this.schedule(workbookId, RETRY_MS * failures);
			else this.failures.delete(workbookId);
			return;
		}
		this.failures.delete(workbookId);
	}

	/** Evaluates the outputs on a worker from the durable document, with its update id. */
	private async evaluate(
		workbookId: string,
		template: string | null,
		chosen: string[] | null | undefined,
		sources: Record<string, SourceEntry>
	): Promise<(ComputedOutputs & { clock: number }) | null> {
		const pool = this.pool();
		for (let attempt = 1; ; attempt++) {
			try {
				const dispatched = await getRoomRegistry().withRoom(workbookId, async (room) => {
					if (!room) return null;
					return getRoomRegistry().pipeline.submit<{
						clock: number;
						answer: Promise<EvaluationAnswer>;
					}>({
						kind: 'read',
						room,
						read: (current) => {
							const names = publishedNames(current.doc, template, chosen ?? null);
							const task = { kind: 'outputs' as const, names, sources };
							return {
								clock: current.lastUpdateId,
								answer: pool.dispatch(
									workbookId,
									current.doc,
									task,
									attempt > 1,
									current.durableParts
								)
							};
						}
					});
				});
				if (!dispatched) return null;
				const answer = await dispatched.answer;
				if (answer.kind === 'value') {
					return { ...(answer.value as ComputedOutputs), clock: dispatched.clock };
				}
				if (answer.kind === 'refused') throw new Error(answer.message);
			} catch (error) {
				if (evaluationErrorKind(error) !== 'retry' || attempt >= ATTEMPTS) throw error;
			}
			if (attempt >= ATTEMPTS) throw new Error('the evaluation worker kept being replaced');
		}
	}

	private announce(workbookId: string): void {
		for (const listener of this.listeners) {
			try {
				listener(workbookId);
			} catch (error) {
				this.log.warn({ err: error }, 'outputs listener failed');
			}
		}
	}
}

const KEY = Symbol.for('investflow.outputs.recompute');
type Slot = { [KEY]?: OutputRecompute };

/**
 * The process's output recompute, created on first call (at start-up, by hooks.server.ts's
 * init; on `globalThis` since the SvelteKit bundle and the Node entry load their own copies).
 */
export function getOutputRecompute(): OutputRecompute {
	const slot = globalThis as Slot;
	slot[KEY] ??= new OutputRecompute(getConfig().outputDebounceMs, () =>
		getEvaluationPool(() => getConfig().evaluation)
	);
	return slot[KEY];
}
