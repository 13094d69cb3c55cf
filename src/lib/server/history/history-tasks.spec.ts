import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
	applyCellUpdates,
	applyStructuralOps,
	readCells,
	seedBlankWorkbook
} from '../../core/workbook-api';
import { buildDocument, digestUpdates, EMPTY_UPDATE, mergeChain } from './history-tasks';

/** The updates `edits` make, one per edit, on top of `doc` (which they change). */
function updatesOf(doc: Y.Doc, edits: ((doc: Y.Doc) => void)[]): Uint8Array[] {
	return edits.map((edit) => {
		const before = Y.encodeStateVector(doc);
		edit(doc);
		return Y.encodeStateAsUpdate(doc, before);
	});
}

describe('digestUpdates', () => {
	it('finds each cell input an update changed, by identity, as typed', () => {
		const doc = new Y.Doc();
		seedBlankWorkbook(doc);
		const base = Y.encodeStateAsUpdate(doc);
		const updates = updatesOf(doc, [
			(d) => applyCellUpdates(d, { updates: [{ ref: 'B2', input: '1' }] }),
			(d) => applyStructuralOps(d, [{ op: 'insertRows', sheet: 'Sheet1', at: 1 }]),
			(d) => applyCellUpdates(d, { updates: [{ ref: 'B3', input: '=A1*2' }] })
		]);
		const result = digestUpdates({
			kind: 'history-digest',
			base: [base],
			pending: EMPTY_UPDATE,
			updates,
			cuts: []
		});
		expect(result.changes.map(({ index, before, after }) => ({ index, before, after }))).toEqual([
			{ index: 0, before: '', after: '1' },
			{ index: 2, before: '1', after: '=A1*2' }
		]);
		// The row moved down, yet both changes are of the same cell.
		expect(result.changes[0].cellKey).toBe(result.changes[1].cellKey);
	});

	it('merges the updates of each cut segment, and the rest stays pending', () => {
		const doc = new Y.Doc();
		seedBlankWorkbook(doc);
		const base = Y.encodeStateAsUpdate(doc);
		const updates = updatesOf(doc, [
			(d) => applyCellUpdates(d, { updates: [{ ref: 'A1', input: '1' }] }),
			(d) => applyCellUpdates(d, { updates: [{ ref: 'A1', input: '2' }] }),
			(d) => applyCellUpdates(d, { updates: [{ ref: 'A1', input: '3' }] })
		]);
		const result = digestUpdates({
			kind: 'history-digest',
			base: [base],
			pending: EMPTY_UPDATE,
			updates,
			cuts: [2]
		});
		expect(result.segments).toHaveLength(1);
		const first = buildDocument([base, result.segments[0]]);
		expect(readCells(first, 'Sheet1', 'A1')[0][0].input).toBe('2');
		const whole = mergeChain({
			kind: 'history-merge',
			mode: 'state',
			parts: [base, result.segments[0], result.pending]
		});
		expect(readCells(buildDocument([whole]), 'Sheet1', 'A1')[0][0].input).toBe('3');
		const folded = mergeChain({
			kind: 'history-merge',
			mode: 'updates',
			parts: [result.segments[0], result.pending]
		});
		expect(readCells(buildDocument([base, folded]), 'Sheet1', 'A1')[0][0].input).toBe('3');
	});
});
