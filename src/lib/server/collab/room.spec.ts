import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { encodeSyncStep2FromUpdate, encodeSyncUpdate } from './protocol';
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
		room.appendDurablePart(extra);
		expect(room.fullSyncFrames()!.step2).not.toBe(first.step2);
	});

	it('has nothing to send for a document with no stored parts', () => {
		expect(roomOf([]).fullSyncFrames()).toBeNull();
	});
});

describe('Room.storedBytes', () => {
	it('starts at the stored parts’ size and follows a snapshot replacing them', () => {
		const parts = updates(4);
		const room = roomOf(parts);
		const total = parts.reduce((sum, part) => sum + part.length, 0);
		expect(room.storedBytes).toBe(total);
		const snapshot = new Uint8Array(5);
		const folded = parts[0].length + parts[1].length;
		room.foldDurableParts(snapshot, 2, folded);
		expect(room.storedBytes).toBe(total - folded + 5);
		expect(room.durableParts).toEqual([snapshot, parts[2], parts[3]]);
	});
});
