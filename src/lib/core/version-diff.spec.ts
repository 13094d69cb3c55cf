import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { diffDocuments } from './version-diff';
import { applyCellUpdates, applyStructuralOps, seedBlankWorkbook } from './workbook-api';

function copyOf(doc: Y.Doc): Y.Doc {
	const copy = new Y.Doc();
	Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
	return copy;
}

describe('diffDocuments', () => {
	it('lists changed, added and cleared inputs as typed, addressed where they are now', () => {
		const before = new Y.Doc();
		seedBlankWorkbook(before);
		applyCellUpdates(before, {
			updates: [
				{ ref: 'B3', input: '150' },
				{ ref: 'B4', input: '200' }
			]
		});
		const after = copyOf(before);
		applyStructuralOps(after, [{ op: 'insertRows', sheet: 'Sheet1', at: 1 }]);
		applyCellUpdates(after, {
			updates: [
				{ ref: 'B4', input: '175' },
				{ ref: 'B5', input: '' },
				{ ref: 'C6', input: '=B4*2' }
			]
		});
		const changes = diffDocuments(before, after).map(({ ref, before, after, fromRef }) => ({
			ref,
			before,
			after,
			fromRef
		}));
		expect(changes.sort((a, b) => a.ref.localeCompare(b.ref))).toEqual([
			{ ref: 'B4', before: '150', after: '175', fromRef: 'B3' },
			{ ref: 'B5', before: '200', after: '', fromRef: 'B4' },
			{ ref: 'C6', before: '', after: '=B4*2', fromRef: 'C5' }
		]);
	});

	it('limits the differences to a sheet and a set of cell keys', () => {
		const before = new Y.Doc();
		seedBlankWorkbook(before);
		const after = copyOf(before);
		applyCellUpdates(after, {
			updates: [
				{ ref: 'A1', input: '1' },
				{ ref: 'A2', input: '2' }
			]
		});
		const all = diffDocuments(before, after);
		expect(all).toHaveLength(2);
		const only = diffDocuments(before, after, {
			sheetId: all[0].sheetId,
			keys: new Set([all[0].cellKey])
		});
		expect(only.map((d) => d.after)).toEqual([all[0].after]);
	});
});
