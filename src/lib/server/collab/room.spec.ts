import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { encodeSyncStep2FromUpdate, encodeSyncUpdate } from '../../collab/protocol';
import { Room } from './room';

/** `count` small updates of one writer, in order. */
function updates(count: number): Uint8Array[] {
	const doc = new Y.Doc();
	const parts: Uint8Array[] = [];
	doc.on('update', (update: Uint8Array) => parts.push(update));
	for (let i = 0; i < count; i++) doc.getMap('m').set(`k${i}`, i);
	return parts;
}

function roomOf(parts: Uint8Array[]): Room {
	const bytes = parts.reduce((sum, part) => sum + part.length, 0);
	return new Room('wb', {
		updates: parts,
		lastUpdateId: parts.length,
		logCount: 0,
		logBytes: bytes
	});
}

describe('Room.fullSyncFrames', () => {
	it('frames each stored part once: log rows as updates, the snapshot last as sync step 2', () => {
		const parts = updates(3);
		const room = roomOf(parts);
		const first = room.fullSyncFrames()!;
		expect(first.updates).toEqual(parts.slice(1).map((part) => encodeSyncUpdate(part)));
		expect(first.step2).toEqual(encodeSyncStep2FromUpdate(parts[0]));
		const again = room.fullSyncFrames()!;
		expect(again.step2).toBe(first.step2);
		again.updates.forEach((frame, index) => expect(frame).toBe(first.updates[index]));
		expect(room.hydrated).toBe(false);
	});

	it('sends a long log as one encoding of the document, rebuilt only after a commit', () => {
		const room = roomOf(updates(150));
		const first = room.fullSyncFrames()!;
		expect(first.updates).toEqual([]);
		expect(room.fullSyncFrames()!.step2).toBe(first.step2);
		const [extra] = updates(1);
		room.recordCommit(151, extra);
		expect(room.fullSyncFrames()!.step2).not.toBe(first.step2);
	});

	it('has nothing to send for a document with no stored parts', () => {
		expect(roomOf([]).fullSyncFrames()).toBeNull();
	});
});

describe('Room.storedBytes', () => {
	it('starts at the stored parts’ size and follows a snapshot replacing them', () => {
		const parts = updates(4);
		const room = roomOf(parts.slice(0, 2));
		const plan = room.startCompaction();
		for (const [index, part] of parts.slice(2).entries()) {
			// As the pipeline does: counted when accepted into a batch, recorded once committed.
			room.recordAccepted(part.length);
			room.recordCommit(3 + index, part);
		}
		const total = parts.reduce((sum, part) => sum + part.length, 0);
		expect(room.storedBytes).toBe(total);
		const snapshot = new Uint8Array(5);
		const folded = parts[0].length + parts[1].length;
		room.finishCompaction(plan, snapshot);
		expect(room.storedBytes).toBe(total - folded + 5);
		expect(room.durableParts).toEqual([snapshot, parts[2], parts[3]]);
	});

	it('counts updates accepted into a batch before they commit', () => {
		const room = roomOf(updates(2));
		const before = room.storedBytes;
		room.recordAccepted(40);
		expect(room.storedBytes).toBe(before + 40);
	});
});

describe('Room.recordCommit', () => {
	it('advances the newest id and the log counts, keeping a copy of the update', () => {
		const room = roomOf([]);
		const [update] = updates(1);
		room.recordCommit(7, update);
		room.recordCommit(5, update);
		expect(room.lastUpdateId).toBe(7);
		expect(room.logCount).toBe(2);
		expect(room.logBytes).toBe(2 * update.length);
		expect(room.durableParts[0]).toEqual(update);
		expect(room.durableParts[0]).not.toBe(update);
	});
});

describe('Room.finishCompaction', () => {
	it('takes only the folded rows off the log counts: rows committed meanwhile stay', () => {
		const parts = updates(3);
		const room = new Room('wb', {
			updates: parts.slice(0, 2),
			lastUpdateId: 2,
			logCount: 2,
			logBytes: parts[0].length + parts[1].length
		});
		const plan = room.startCompaction();
		room.recordCommit(3, parts[2]);
		room.finishCompaction(plan, new Uint8Array(3));
		expect(room.logCount).toBe(1);
		expect(room.logBytes).toBe(parts[2].length);
		expect(room.lastCompactionAt).toBeGreaterThan(-Infinity);
	});
});
