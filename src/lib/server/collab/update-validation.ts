/**
 * Decides whether a Yjs update may be applied to a room's document. Every update from a socket
 * or the API passes here first: it must decode (garbage never reaches `Y.applyUpdate`), fit the
 * size cap, and either be fully integrable against the document's state or add only a bounded
 * amount of pending (waiting-for-dependencies) data. A refused update leaves the document untouched.
 */
import * as Y from 'yjs';

/**
 * What kind of refusal: a malformed or over-sized update, one that does not fit the document
 * schema, or one that would take the workbook over its size quota.
 */
export type RejectionKind = 'malformed' | 'tooLarge' | 'schema' | 'quota';

/** Why an update was refused; `reason` is safe to log and to show the sender. */
export class RejectedUpdateError extends Error {
	constructor(
		readonly reason: string,
		readonly kind: RejectionKind = 'malformed'
	) {
		super(`update rejected: ${reason}`);
		this.name = 'RejectedUpdateError';
	}
}

/** Limits applied by {@link checkUpdate}. */
export interface UpdateLimits {
	maxUpdateBytes: number;
	maxPendingBytes: number;
}

/** What {@link checkUpdate} learned about an accepted update. */
export interface UpdateCheck {
	/** True when some of it will wait in the document's pending store for missing dependencies. */
	missingDependencies: boolean;
	/** True when the update holds no structs and no deletions (nothing to store or relay). */
	empty: boolean;
	/** The update's decoded structs (for the schema check). */
	structs: ReturnType<typeof Y.decodeUpdate>['structs'];
}

type Ref = { client: number; clock: number };

/** Bytes the document currently holds as pending structs and deletions. */
export function pendingBytes(doc: Y.Doc): number {
	const store = doc.store as unknown as {
		pendingStructs: { update: Uint8Array } | null;
		pendingDs: Uint8Array | null;
	};
	return (store.pendingStructs?.update.length ?? 0) + (store.pendingDs?.length ?? 0);
}

function decodeOrReject(update: Uint8Array): ReturnType<typeof Y.decodeUpdate> {
	try {
		return Y.decodeUpdate(update);
	} catch {
		throw new RejectedUpdateError('malformed update');
	}
}

/**
 * Checks `update` against `doc` without applying it. Throws {@link RejectedUpdateError} when it
 * does not decode, is too large, or would leave more than `maxPendingBytes` pending.
 */
export function checkUpdate(doc: Y.Doc, update: Uint8Array, limits: UpdateLimits): UpdateCheck {
	if (update.length > limits.maxUpdateBytes) {
		throw new RejectedUpdateError('update too large', 'tooLarge');
	}
	const { structs, ds } = decodeOrReject(update);
	// Per client: the clock range this update brings, so references into it count as present.
	const ranges = new Map<number, { from: number; to: number }>();
	for (const struct of structs) {
		const { client, clock } = struct.id;
		if (!Number.isSafeInteger(client) || !Number.isSafeInteger(clock) || struct.length < 0) {
			throw new RejectedUpdateError('malformed struct id');
		}
		const range = ranges.get(client);
		const end = clock + struct.length;
		if (!range) ranges.set(client, { from: clock, to: end });
		else {
			range.from = Math.min(range.from, clock);
			range.to = Math.max(range.to, end);
		}
	}
	const known = (client: number) => {
		const state = Y.getState(doc.store, client);
		const range = ranges.get(client);
		return range && range.from <= state ? Math.max(state, range.to) : state;
	};
	let missing = false;
	for (const [client, range] of ranges) {
		if (range.from > Y.getState(doc.store, client)) missing = true;
	}
	const isMissing = (ref: Ref | null | undefined) => !!ref && ref.clock >= known(ref.client);
	for (const struct of structs) {
		if (missing) break;
		if (struct instanceof Y.Item) {
			const parent = struct.parent as unknown;
			if (
				isMissing(struct.origin) ||
				isMissing(struct.rightOrigin) ||
				(parent instanceof Y.ID && isMissing(parent))
			) {
				missing = true;
			}
		}
	}
	let deletions = 0;
	for (const [client, items] of ds.clients) {
		for (const item of items) {
			deletions++;
			if (item.clock + item.len > known(client)) missing = true;
		}
	}
	if (missing && pendingBytes(doc) + update.length > limits.maxPendingBytes) {
		throw new RejectedUpdateError('too many missing dependencies');
	}
	return { missingDependencies: missing, empty: structs.length === 0 && deletions === 0, structs };
}
