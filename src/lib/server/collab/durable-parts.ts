/**
 * A room's document as stored: its snapshot (if any), then every committed update after it, in
 * commit order, with the log's bookkeeping (newest id, rows and bytes since the snapshot) and the
 * byte count the size quota compares against. Applied in order the parts make the durable
 * document, so a fresh client's first sync is answered with them as they are, and a large
 * document's snapshot is built from them off the event loop (see snapshot-builder.ts). The
 * pipeline records each commit; compaction folds what it covered.
 */
import { encodeSyncStep2FromUpdate, encodeSyncUpdate } from '../../collab/protocol';
import type { StoredDocument } from './persistence';

/**
 * Most stored parts (snapshot plus log rows) a fresh client is sent one frame each. A longer log
 * (left by a crash before compaction) would cost the client one pending-struct merge per frame,
 * which grows roughly with the square of the count, so such a room is sent one encoding of the
 * whole document instead.
 */
const MAX_STORED_PARTS_SENT = 100;

/** The frames that bring a client holding nothing up to the durable document. */
export interface FullSyncFrames {
	/** Log rows as plain updates, sent first (the client keeps them pending until…) */
	updates: Uint8Array[];
	/** …the snapshot (or whole document) as sync step 2, sent last, so "synced" means complete. */
	step2: Uint8Array;
}

/** What a compaction folds, as {@link DurableParts.planCompaction} found it. */
export interface CompactionPlan {
	/** The stored parts it folds into one snapshot. */
	parts: Uint8Array[];
	/** The id of the newest log row they hold. */
	through: number;
	/** Log rows and bytes they hold. */
	count: number;
	bytes: number;
	/** Bytes of `parts` together. */
	partsBytes: number;
}

/** The stored parts of one document and the log counts the compaction thresholds read. */
export class DurableParts {
	private parts: Uint8Array[];
	private newestId: number;
	private rows: number;
	private rowBytes: number;
	private bytes: number;
	/**
	 * Each stored part framed once, so repeated first syncs share one buffer per part instead
	 * of copying (or re-encoding) the document per client.
	 */
	private readonly updateFrames = new WeakMap<Uint8Array, Uint8Array>();
	private readonly step2Frames = new WeakMap<Uint8Array, Uint8Array>();
	/** The whole document as one sync step 2, when the log is too long to send part by part. */
	private wholeDocumentFrame: Uint8Array | null = null;

	constructor(stored: StoredDocument) {
		this.parts = stored.updates;
		this.newestId = stored.lastUpdateId;
		this.rows = stored.logCount;
		this.rowBytes = stored.logBytes;
		this.bytes = stored.updates.reduce((sum, part) => sum + part.length, 0);
	}

	/** The parts in order (read-only: only {@link recordCommit} and compaction change them). */
	get list(): readonly Uint8Array[] {
		return this.parts;
	}

	/** Id of the newest committed update. */
	get lastUpdateId(): number {
		return this.newestId;
	}

	/** Log rows since the snapshot. */
	get logCount(): number {
		return this.rows;
	}

	/** Bytes of the log rows since the snapshot. */
	get logBytes(): number {
		return this.rowBytes;
	}

	/**
	 * Bytes of the stored document (snapshot plus log), counting updates accepted into the
	 * current batch before they commit: what the size quota compares against.
	 */
	get storedBytes(): number {
		return this.bytes;
	}

	/**
	 * Records a committed log row: `update` stored with id `id`, kept as a copy (a socket's
	 * update is a view into its frame, which may share a larger buffer).
	 */
	recordCommit(id: number, update: Uint8Array): void {
		this.newestId = Math.max(this.newestId, id);
		this.rows++;
		this.rowBytes += update.length;
		this.parts.push(update.slice());
		this.wholeDocumentFrame = null;
	}

	/** Counts `bytes` accepted into the current batch toward {@link storedBytes} before commit. */
	recordAccepted(bytes: number): void {
		this.bytes += bytes;
	}

	/** What a compaction started now folds: the parts and log as they are at this moment. */
	planCompaction(): CompactionPlan {
		const parts = [...this.parts];
		return {
			parts,
			through: this.newestId,
			count: this.rows,
			bytes: this.rowBytes,
			partsBytes: parts.reduce((sum, part) => sum + part.length, 0)
		};
	}

	/**
	 * The snapshot `state` of `plan` is written: it replaces the parts it folded, and the rows it
	 * covered leave the log counts (rows committed meanwhile stay).
	 */
	finishCompaction(plan: CompactionPlan, state: Uint8Array): void {
		this.rows -= plan.count;
		this.rowBytes -= plan.bytes;
		this.parts = [state, ...this.parts.slice(plan.parts.length)];
		this.bytes += state.length - plan.partsBytes;
		this.wholeDocumentFrame = null;
	}

	/**
	 * The frames answering a client that holds nothing, from the stored parts as they are (each
	 * framed once), or one cached encoding of the whole document (`encodeWhole`) when the log is
	 * long. Null when nothing is stored.
	 */
	fullSyncFrames(encodeWhole: () => Uint8Array): FullSyncFrames | null {
		const parts = this.parts;
		if (parts.length === 0) return null;
		if (parts.length > MAX_STORED_PARTS_SENT) {
			this.wholeDocumentFrame ??= encodeWhole();
			return { updates: [], step2: this.wholeDocumentFrame };
		}
		const [snapshot, ...log] = parts;
		const updates = log.map((part) => {
			let frame = this.updateFrames.get(part);
			if (!frame) this.updateFrames.set(part, (frame = encodeSyncUpdate(part)));
			return frame;
		});
		let step2 = this.step2Frames.get(snapshot);
		if (!step2) this.step2Frames.set(snapshot, (step2 = encodeSyncStep2FromUpdate(snapshot)));
		return { updates, step2 };
	}
}
