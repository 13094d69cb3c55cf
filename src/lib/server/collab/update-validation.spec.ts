import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { checkUpdate, RejectedUpdateError } from './update-validation';

const limits = { maxUpdateBytes: 1024 * 1024, maxPendingBytes: 64 };

function editsOf(doc: Y.Doc, edit: () => void): Uint8Array {
	const before = Y.encodeStateVector(doc);
	edit();
	return Y.encodeStateAsUpdate(doc, before);
}

describe('checkUpdate', () => {
	it('accepts an update whose dependencies the document has', () => {
		const source = new Y.Doc();
		const target = new Y.Doc();
		const first = editsOf(source, () => source.getText('t').insert(0, 'hello'));
		expect(checkUpdate(target, first, limits)).toMatchObject({
			missingDependencies: false,
			empty: false
		});
		Y.applyUpdate(target, first);
		const second = editsOf(source, () => source.getText('t').insert(5, ' world'));
		expect(checkUpdate(target, second, limits).missingDependencies).toBe(false);
	});

	it('rejects bytes that are not an update', () => {
		const doc = new Y.Doc();
		for (const garbage of [new Uint8Array([1, 2, 3, 4, 5]), new Uint8Array([255, 255, 255, 255])]) {
			expect(() => checkUpdate(doc, garbage, limits)).toThrow(RejectedUpdateError);
		}
	});

	it('rejects an update over the size cap', () => {
		const doc = new Y.Doc();
		const source = new Y.Doc();
		const update = editsOf(source, () => source.getText('t').insert(0, 'x'.repeat(200)));
		expect(() => checkUpdate(doc, update, { ...limits, maxUpdateBytes: 100 })).toThrow(/too large/);
	});

	it('reports a gap in a client clock as missing and refuses it past the pending cap', () => {
		const source = new Y.Doc();
		const target = new Y.Doc();
		editsOf(source, () => source.getText('t').insert(0, 'a'.repeat(10)));
		const later = editsOf(source, () => source.getText('t').insert(10, 'b'));
		expect(
			checkUpdate(target, later, { ...limits, maxPendingBytes: 1024 }).missingDependencies
		).toBe(true);
		const big = editsOf(source, () => source.getText('t').insert(0, 'c'.repeat(100)));
		expect(() => checkUpdate(target, big, limits)).toThrow(/missing dependencies/);
	});

	it('reports a reference to another client’s unknown item as missing', () => {
		const a = new Y.Doc();
		const b = new Y.Doc();
		Y.applyUpdate(
			b,
			editsOf(a, () => a.getText('t').insert(0, 'abc'))
		);
		const dependent = editsOf(b, () => b.getText('t').insert(2, 'Z'));
		const target = new Y.Doc();
		expect(
			checkUpdate(target, dependent, { ...limits, maxPendingBytes: 1024 }).missingDependencies
		).toBe(true);
	});

	it('calls an empty update empty', () => {
		const doc = new Y.Doc();
		expect(checkUpdate(doc, Y.encodeStateAsUpdate(new Y.Doc()), limits).empty).toBe(true);
	});
});
