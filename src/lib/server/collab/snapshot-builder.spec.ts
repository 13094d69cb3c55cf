import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { SnapshotBuildError, SnapshotBuilder } from './snapshot-builder';

/** A snapshot and the updates after it, as a room stores them, and the document they make. */
function storedDocument() {
	const doc = new Y.Doc();
	const cells = doc.getMap<string>('cells');
	for (let row = 1; row <= 200; row++) cells.set(`A${row}`, `=B${row}*2`);
	const snapshot = Y.encodeStateAsUpdate(doc);
	const updates: Uint8Array[] = [];
	doc.on('update', (update: Uint8Array) => updates.push(update));
	for (let row = 1; row <= 50; row++) cells.set(`B${row}`, String(row));
	for (let row = 1; row <= 20; row++) cells.delete(`A${row}`);
	return { parts: [snapshot, ...updates], doc };
}

/** The content of the document `state` makes. */
function contentOf(state: Uint8Array) {
	const doc = new Y.Doc();
	Y.applyUpdate(doc, state);
	return doc.getMap('cells').toJSON();
}

describe('SnapshotBuilder', () => {
	let builder: SnapshotBuilder;
	afterEach(() => builder.close());

	it('builds, on its worker, the state the stored parts make', async () => {
		builder = new SnapshotBuilder();
		const { parts, doc } = storedDocument();
		const state = await builder.build(parts);
		expect(contentOf(state)).toEqual(doc.getMap('cells').toJSON());
		expect(Y.encodeStateVectorFromUpdate(state)).toEqual(Y.encodeStateVector(doc));
		// The worker answers again: it is one worker serving job after job.
		expect(contentOf(await builder.build(parts.slice(0, 1)))).toHaveProperty('A1', '=B1*2');
	});

	it('refuses parts that do not decode, and goes on building', async () => {
		builder = new SnapshotBuilder();
		await expect(builder.build([new Uint8Array([255, 255, 255, 1])])).rejects.toBeInstanceOf(
			SnapshotBuildError
		);
		const { parts, doc } = storedDocument();
		expect(contentOf(await builder.build(parts))).toEqual(doc.getMap('cells').toJSON());
	});

	it('builds a job on the event loop when its worker dies before answering', async () => {
		builder = new SnapshotBuilder();
		const { parts, doc } = storedDocument();
		const building = builder.build(parts);
		await builder.close();
		expect(contentOf(await building)).toEqual(doc.getMap('cells').toJSON());
		// The next job starts a new worker.
		expect(contentOf(await builder.build(parts))).toEqual(doc.getMap('cells').toJSON());
	});
});
