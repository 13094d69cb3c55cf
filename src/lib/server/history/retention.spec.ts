import { describe, expect, it } from 'vitest';
import { selectThinned } from './retention';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const limits = { keepAllMs: 48 * HOUR, keepDailyMs: 60 * DAY };
const now = Date.UTC(2026, 5, 30, 12);

function version(seq: number, ageMs: number, kind = 'auto') {
	return { id: `v${seq}`, seq, kind, createdAt: new Date(now - ageMs) };
}

describe('selectThinned', () => {
	it('keeps every automatic version of the last 48 hours', () => {
		const versions = [1, 2, 3, 4].map((seq) => version(seq, (5 - seq) * HOUR));
		expect(selectThinned(versions, now, limits)).toEqual([]);
	});

	it('keeps the newest of each day until 60 days, then the newest of each month', () => {
		const versions = [
			version(1, 200 * DAY),
			version(2, 199 * DAY),
			version(3, 10 * DAY + 2 * HOUR),
			version(4, 10 * DAY + HOUR),
			version(5, 3 * DAY),
			version(6, HOUR)
		];
		expect(selectThinned(versions, now, limits)).toEqual(['v1', 'v3']);
	});

	it('counts the newest version as the one kept for its day', () => {
		const versions = [
			version(1, 3 * DAY),
			version(2, 3 * DAY - HOUR),
			version(3, 3 * DAY - 2 * HOUR)
		];
		expect(selectThinned(versions, now, limits)).toEqual(['v1', 'v2']);
	});

	it('never removes a named version or the newest one', () => {
		const versions = [
			version(1, 90 * DAY, 'named'),
			version(2, 90 * DAY, 'named'),
			version(3, 90 * DAY)
		];
		expect(selectThinned(versions, now, limits)).toEqual([]);
	});
});
