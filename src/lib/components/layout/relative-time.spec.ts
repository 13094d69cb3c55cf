import { describe, expect, it } from 'vitest';
import { relativeTime } from './relative-time';

describe('relativeTime', () => {
	const now = Date.parse('2026-11-21T12:00:00Z');

	it('says "just now" within a minute', () => {
		expect(relativeTime('2026-11-21T11:59:30Z', now)).toBe('just now');
	});

	it('names the largest whole unit', () => {
		expect(relativeTime('2026-11-21T11:55:00Z', now)).toBe('5 minutes ago');
		expect(relativeTime('2026-11-20T12:00:00Z', now)).toBe('yesterday');
	});
});
