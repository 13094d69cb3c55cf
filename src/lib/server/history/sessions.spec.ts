import { describe, expect, it } from 'vitest';
import { isIdle, planCuts } from './sessions';

const limits = { idleMs: 600, maxSessionMs: 3_600 };
const none = { startedAt: null, lastEditAt: null, editors: [] };

describe('planCuts', () => {
	it('keeps edits closer than the idle time in one open session', () => {
		const { cuts, session } = planCuts(
			none,
			[
				{ at: 0, userId: 'a' },
				{ at: 500, userId: 'b' },
				{ at: 1_000, userId: 'a' }
			],
			limits
		);
		expect(cuts).toEqual([]);
		expect(session).toEqual({ startedAt: 0, lastEditAt: 1_000, editors: ['a', 'b'] });
	});

	it('cuts before an edit that comes after the idle time, with the editors of the session', () => {
		const { cuts, session } = planCuts(
			{ startedAt: 0, lastEditAt: 100, editors: ['a'] },
			[
				{ at: 200, userId: 'b' },
				{ at: 800, userId: 'c' }
			],
			limits
		);
		expect(cuts).toEqual([{ before: 1, at: 200, editors: ['a', 'b'] }]);
		expect(session).toEqual({ startedAt: 800, lastEditAt: 800, editors: ['c'] });
	});

	it('cuts a long session at least every maxSessionMs even without pauses', () => {
		const edits = Array.from({ length: 20 }, (_, i) => ({ at: i * 500, userId: null }));
		const { cuts } = planCuts(none, edits, limits);
		expect(cuts.map((cut) => cut.before)).toEqual([8, 16]);
	});
});

describe('isIdle', () => {
	it('is true only once the idle time passed since the last edit', () => {
		const session = { startedAt: 0, lastEditAt: 100, editors: [] };
		expect(isIdle(session, 699, 600)).toBe(false);
		expect(isIdle(session, 700, 600)).toBe(true);
		expect(isIdle(none, 10_000, 600)).toBe(false);
	});
});
