import { describe, expect, it } from 'vitest';
import { originAllowed, readCookie } from './access';

describe('readCookie', () => {
	it('finds a cookie among others', () => {
		expect(readCookie('theme=dark; session=abc123; x=1', 'session')).toBe('abc123');
		expect(readCookie('__Host-session=tok', '__Host-session')).toBe('tok');
	});

	it('returns undefined when absent or malformed', () => {
		expect(readCookie(undefined, 'session')).toBeUndefined();
		expect(readCookie('sessionx=1; other', 'session')).toBeUndefined();
		expect(readCookie('session=%E0%A4%A', 'session')).toBeUndefined();
	});
});

describe('originAllowed', () => {
	it('allows a missing Origin (non-browser clients) and the server’s own', () => {
		expect(originAllowed(undefined, 'http://localhost:3000')).toBe(true);
		expect(originAllowed('http://localhost:3000', 'http://localhost:3000/')).toBe(true);
	});

	it('refuses any other origin, including another port or scheme', () => {
		expect(originAllowed('https://evil.example', 'http://localhost:3000')).toBe(false);
		expect(originAllowed('http://localhost:3001', 'http://localhost:3000')).toBe(false);
		expect(originAllowed('https://localhost:3000', 'http://localhost:3000')).toBe(false);
		expect(originAllowed('null', 'http://localhost:3000')).toBe(false);
	});
});
