/**
 * Edit→seen latency bookkeeping shared by the load simulator and the collaboration benchmark.
 * A writer records when each of its edits left (by Yjs client id and the clock the edit ends
 * at); a receiver reports the clocks an incoming update carries, and every recorded edit it
 * covers counts as seen once per receiver.
 */
import * as Y from 'yjs';

/** Latency samples (ms) with percentile helpers. */
export class LatencyRecorder {
	private readonly sent = new Map<number, { clock: number; at: number }[]>();
	readonly samples: number[] = [];
	/** When each sample's edit was sent (performance.now(); for bench/trace-samples.ts). */
	readonly sentAt: number[] = [];

	/** Records that `clientId`'s edit ending at `clock` (exclusive) was sent now. */
	recordSent(clientId: number, clock: number, at = performance.now()): void {
		let list = this.sent.get(clientId);
		if (!list) this.sent.set(clientId, (list = []));
		list.push({ clock, at });
	}

	/**
	 * Creates the per-receiver cursor that turns incoming updates into samples; the receiver's own
	 * edits (`ownClientId`), which a server may echo back, are not counted.
	 */
	receiver(ownClientId?: number): (update: Uint8Array, at?: number) => void {
		const cursor = new Map<number, number>();
		return (update, at = performance.now()) => {
			let meta: ReturnType<typeof Y.parseUpdateMeta>;
			try {
				meta = Y.parseUpdateMeta(update);
			} catch {
				return;
			}
			for (const [clientId, to] of meta.to) {
				if (clientId === ownClientId) continue;
				const list = this.sent.get(clientId);
				if (!list) continue;
				let index = cursor.get(clientId) ?? 0;
				while (index < list.length && list[index].clock <= to) {
					this.samples.push(at - list[index].at);
					this.sentAt.push(list[index].at);
					index++;
				}
				cursor.set(clientId, index);
			}
		};
	}

	/** Drops every sample from index `index` on (a measurement that turned out invalid). */
	discardFrom(index: number): void {
		this.samples.length = Math.min(this.samples.length, index);
		this.sentAt.length = this.samples.length;
	}

	/**
	 * The `p`th percentile (0–100) of the samples from index `from` on (all by default), in ms
	 * (NaN when there are none).
	 */
	percentile(p: number, from = 0): number {
		return percentileOf(this.samples.slice(from), p);
	}
}

/** The `p`th percentile (0–100) of `values` (NaN when there are none). */
export function percentileOf(values: number[], p: number): number {
	if (values.length === 0) return NaN;
	const sorted = Float64Array.from(values).sort();
	const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
	return sorted[Math.max(0, index)];
}

/** Rounds to one decimal place for reports. */
export function round1(value: number): number {
	return Math.round(value * 10) / 10;
}
