import { describe, expect, it } from 'vitest';
import { describeShareEvent, type ShareEvent } from './share-api';

const base: ShareEvent = {
	id: 1,
	kind: 'invite',
	actor: { id: 'u1', name: 'Ann' },
	subject: 'bo@example.com',
	detail: 'viewer',
	createdAt: '2026-11-21T12:00:00Z'
};

describe('describeShareEvent', () => {
	it('says who invited whom with which role', () => {
		expect(describeShareEvent(base, new Map())).toBe('Ann invited bo@example.com as viewer');
	});

	it('names a member by their name when the subject is a user id', () => {
		const event = { ...base, kind: 'removal', subject: 'u2', detail: null };
		expect(describeShareEvent(event, new Map([['u2', 'Bo']]))).toBe('Ann removed Bo');
	});

	it('describes link use without an actor, by the link label', () => {
		const event = { ...base, kind: 'link_used', actor: null, detail: 'CPA — 2026 return' };
		expect(describeShareEvent(event, new Map())).toBe(
			'Someone opened the link “CPA — 2026 return”'
		);
	});
});
