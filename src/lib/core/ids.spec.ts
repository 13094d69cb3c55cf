import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createId, createIds, positionBetween } from './ids';

describe('ids', () => {
	it('creates short ids that differ across replicas and within one', () => {
		const a = new Y.Doc();
		const b = new Y.Doc();
		const ids = [...createIds(a, 1000), ...createIds(b, 1000), createId(a)];
		expect(new Set(ids).size).toBe(ids.length);
		expect(Math.max(...ids.map((id) => id.length))).toBeLessThanOrEqual(12);
	});

	it('finds a position strictly between two positions, repeatedly', () => {
		let low = positionBetween();
		const high = positionBetween(low);
		expect(low < high).toBe(true);
		for (let i = 0; i < 200; i++) {
			const middle = positionBetween(low, high);
			expect(low < middle && middle < high).toBe(true);
			low = middle;
		}
		const first = positionBetween(undefined, high);
		expect(first < high).toBe(true);
	});
});
