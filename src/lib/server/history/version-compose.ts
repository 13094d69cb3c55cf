/**
 * How a version row is made: as a change on top of the version before it, or whole (a keyframe)
 * once enough changes are chained; and the first version of a workbook's history, its snapshot.
 */
import { randomUUID } from 'node:crypto';
import type { HistoryCursor, WorkbookVersion } from '../db/schema';
import { workbookExists } from '../workbook-access';
import { runStatelessTask } from '../evaluation/run-stateless';
import { readLastSeq, readSnapshot, writeDigest, type VersionRow } from './history-store';
import { EMPTY_UPDATE } from './history-tasks';

/** What a version to cut says about itself. */
export interface VersionMeta {
	kind: 'auto' | 'named';
	name: string | null;
	editors: string[];
	createdAt: Date;
	throughUpdateId: number;
}

/**
 * A version after `previous` holding `delta`: stored as that delta, or whole (a keyframe) once
 * `keyframeEvery` deltas are chained. `chain` makes `previous`'s document and is extended to
 * make the new one's.
 */
export async function composeVersion(
	keyframeEvery: number,
	workbookId: string,
	chain: Uint8Array[],
	previous: Pick<WorkbookVersion, 'id' | 'depth'>,
	delta: Uint8Array,
	seq: number,
	meta: VersionMeta
): Promise<VersionRow & WorkbookVersion> {
	const depth = previous.depth + 1;
	const keyframe = depth >= keyframeEvery;
	let state = delta;
	if (keyframe) {
		state = await runStatelessTask({
			kind: 'history-merge',
			mode: 'state',
			parts: [...chain, delta]
		});
		chain.splice(0, chain.length, state);
	} else {
		chain.push(delta);
	}
	return {
		id: randomUUID(),
		workbookId,
		seq,
		kind: meta.kind,
		name: meta.name,
		throughUpdateId: meta.throughUpdateId,
		editors: meta.editors,
		baseVersionId: keyframe ? null : previous.id,
		depth: keyframe ? 0 : depth,
		state,
		createdAt: meta.createdAt
	};
}

/**
 * Starts the workbook's history from its snapshot: the first version, whole, and the cursor at
 * the update the snapshot reaches. Null when the workbook does not exist.
 */
export async function beginHistory(workbookId: string, now: number): Promise<HistoryCursor | null> {
	const snapshot = await readSnapshot(workbookId);
	if (!snapshot && !(await workbookExists(workbookId))) return null;
	const version: VersionRow = {
		id: randomUUID(),
		workbookId,
		seq: (await readLastSeq(workbookId)) + 1,
		kind: 'auto',
		name: null,
		throughUpdateId: snapshot?.throughUpdateId ?? 0,
		editors: [],
		baseVersionId: null,
		depth: 0,
		state: snapshot?.state ?? EMPTY_UPDATE,
		createdAt: snapshot?.createdAt ?? new Date(now)
	};
	const cursor: HistoryCursor = {
		workbookId,
		throughUpdateId: version.throughUpdateId,
		latestVersionId: version.id!,
		pending: EMPTY_UPDATE,
		sessionStartedAt: null,
		lastEditAt: null,
		sessionEditors: []
	};
	await writeDigest(cursor, [], [version]);
	return cursor;
}
