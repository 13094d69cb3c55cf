import { describe, expect, it } from 'vitest';
import { securityHeaders } from './security-headers';

describe('securityHeaders', () => {
	it('forbids framing and sniffing and limits the referrer on every answer', () => {
		const headers = securityHeaders(new Headers(), 'http://localhost:3000');
		expect(headers).toMatchObject({
			'x-frame-options': 'DENY',
			'x-content-type-options': 'nosniff',
			'referrer-policy': 'strict-origin-when-cross-origin'
		});
		expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
		expect(headers['strict-transport-security']).toBeUndefined();
	});

	it('keeps a page’s own CSP and Referrer-Policy', () => {
		const page = new Headers({
			'content-security-policy': "script-src 'self' 'nonce-abc'",
			'referrer-policy': 'no-referrer'
		});
		const headers = securityHeaders(page, 'http://localhost:3000');
		expect(headers['content-security-policy']).toBeUndefined();
		expect(headers['referrer-policy']).toBeUndefined();
	});

	it('turns on HSTS when the public origin is https', () => {
		expect(securityHeaders(new Headers(), 'https://app.example.com')).toMatchObject({
			'strict-transport-security': 'max-age=31536000; includeSubDomains'
		});
	});
});
