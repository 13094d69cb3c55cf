import { describe, expect, it } from 'vitest';
import { isForeignOriginWrite } from './origin-check';

const APP = 'https://app.example.com';

describe('isForeignOriginWrite', () => {
	it('refuses a cookie-carrying write from another site', () => {
		expect(isForeignOriginWrite('POST', 'https://evil.example', true, APP)).toBe(true);
		expect(isForeignOriginWrite('DELETE', 'null', true, APP)).toBe(true);
	});

	it('allows writes from the app itself, reads, and requests without a session cookie', () => {
		expect(isForeignOriginWrite('POST', APP, true, APP)).toBe(false);
		expect(isForeignOriginWrite('GET', 'https://evil.example', true, APP)).toBe(false);
		expect(isForeignOriginWrite('POST', 'https://evil.example', false, APP)).toBe(false);
	});

	it('allows a write without an Origin header, as sent by command-line clients', () => {
		expect(isForeignOriginWrite('PATCH', null, true, APP)).toBe(false);
	});
});
