/**
 * History's heavy Yjs work, run on an evaluation worker (evaluation-tasks.ts dispatches these
 * kinds here): replaying committed updates to find which cell inputs they changed, merging a
 * version chain into one state, and building a version's document. Each task carries the bytes
 * it needs, so it holds no replica; nothing here touches the database or the server's documents.
 */
import * as Y from 'yjs';
import { sheetsMap, type CellInput } from '../../core/document';
import { sheetById } from '../../core/document-view';
import { storedInputText } from '../../core/workbook-api';

/** Replays `updates` over the state `base` and `pending` make (see digestUpdates). */
export interface DigestTask {
	kind: 'history-digest';
	base: Uint8Array[];
	pending: Uint8Array;
	updates: Uint8Array[];
	/** Indexes into `updates` before which a version is cut (ascending). */
	cuts: number[];
}

/**
 * Merges updates into one: `state` builds the document a keyframe and its deltas make and
 * encodes it (a clean whole state); `updates` merges deltas without a document (Y.mergeUpdates),
 * for a change that has no keyframe of its own.
 */
export interface MergeTask {
	kind: 'history-merge';
	mode: 'state' | 'updates';
	parts: Uint8Array[];
}

/** One change of a cell's input found by a digest. */
export interface DigestedChange {
	/** Index of the update (in the task's `updates`) that made it. */
	index: number;
	sheetId: string;
	cellKey: string;
	before: string;
	after: string;
}

/** What a digest answers. */
export interface DigestResult {
	changes: DigestedChange[];
	/** Per cut: the change since the previous version (the old pending plus its updates). */
	segments: Uint8Array[];
	/** What is left open after the last cut. */
	pending: Uint8Array;
}

/** An empty Yjs update (no structs, no deletions). */
export const EMPTY_UPDATE = new Uint8Array([0, 0]);

/** Builds a document from a keyframe and its deltas, in order. */
export function buildDocument(parts: readonly Uint8Array[]): Y.Doc {
	const doc = new Y.Doc();
	doc.transact(() => {
		for (const part of parts) Y.applyUpdate(doc, part);
	});
	return doc;
}

function merge(parts: Uint8Array[]): Uint8Array {
	const present = parts.filter((part) => part.length > 2);
	if (present.length === 0) return EMPTY_UPDATE;
	return present.length === 1 ? present[0] : Y.mergeUpdates(present);
}

/**
 * Applies the updates one by one, each its own transaction, recording every cell input they
 * change (by sheet id and `rowId:colId`, rendered as a person types it), and merges them into
 * the deltas of the versions cut before `cuts`.
 */
export function digestUpdates(task: DigestTask): DigestResult {
	const doc = buildDocument([...task.base, task.pending]);
	try {
		const changes: DigestedChange[] = [];
		let index = 0;
		sheetsMap(doc).observeDeep((events) => {
			for (const event of events) collectChanges(doc, event, index, changes);
		});
		const segments: Uint8Array[] = [];
		let open: Uint8Array[] = [task.pending];
		const cuts = new Set(task.cuts);
		for (; index < task.updates.length; index++) {
			if (cuts.has(index)) {
				segments.push(merge(open));
				open = [];
			}
			Y.applyUpdate(doc, task.updates[index]);
			open.push(task.updates[index]);
		}
		if (cuts.has(task.updates.length)) {
			segments.push(merge(open));
			open = [];
		}
		return { changes, segments, pending: merge(open) };
	} finally {
		doc.destroy();
	}
}

function collectChanges(
	doc: Y.Doc,
	event: Y.YEvent<Y.AbstractType<unknown>>,
	index: number,
	changes: DigestedChange[]
): void {
	const path = event.path;
	// A whole sheet added: every input it arrives with is a change from nothing.
	if (path.length === 0) {
		for (const [sheetId, change] of event.changes.keys) {
			if (change.action !== 'add') continue;
			const sheet = sheetById(doc, sheetId);
			if (!sheet) continue;
			for (const [cellKey, input] of sheet.cells) {
				const after = storedInputText(doc, sheet, cellKey, input);
				if (after) changes.push({ index, sheetId, cellKey, before: '', after });
			}
		}
		return;
	}
	if (path.length !== 2 || path[1] !== 'cells') return;
	const sheet = sheetById(doc, String(path[0]));
	if (!sheet) return;
	const cells = event.target as Y.Map<CellInput>;
	for (const [cellKey, change] of event.changes.keys) {
		const before = storedInputText(doc, sheet, cellKey, change.oldValue as CellInput | undefined);
		const after = storedInputText(doc, sheet, cellKey, cells.get(cellKey));
		if (before !== after) changes.push({ index, sheetId: sheet.id, cellKey, before, after });
	}
}

/** The parts merged as `task.mode` says (see MergeTask). */
export function mergeChain(task: MergeTask): Uint8Array {
	if (task.mode === 'updates') return merge(task.parts);
	const doc = buildDocument(task.parts);
	try {
		return Y.encodeStateAsUpdate(doc);
	} finally {
		doc.destroy();
	}
}
