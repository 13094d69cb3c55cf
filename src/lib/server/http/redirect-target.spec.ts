import { describe, expect, it } from 'vitest';
import { safeRedirectTarget } from './redirect-target';

describe('safeRedirectTarget', () => {
	it('keeps a path on this site with its query and fragment', () => {
		expect(safeRedirectTarget('/workbooks/abc?x=1')).toBe('/workbooks/abc?x=1');
		expect(safeRedirectTarget('/settings#sessions')).toBe('/settings#sessions');
	});

	it('refuses other sites, protocol-relative and backslash tricks', () => {
		for (const target of ['https://evil.example', '//evil.example', '/\\evil.example', '', null]) {
			expect(safeRedirectTarget(target)).toBe('/');
		}
	});

	it('refuses a tab, newline or other control character that a browser would strip', () => {
		for (const target of [
			'/\t/evil.test/phish',
			'/\n/evil.test',
			'/\r\n/evil.test',
			'/\u0000/evil.test',
			'/%09/evil.test/phish'.replace('%09', '\t')
		]) {
			expect(safeRedirectTarget(target)).toBe('/');
		}
	});

	it('refuses a backslash anywhere and scheme-like or relative values', () => {
		for (const target of ['/a\\b', '\\\\evil.test', 'javascript:alert(1)', 'evil.test', './x']) {
			expect(safeRedirectTarget(target)).toBe('/');
		}
	});

	it('never returns a path that a browser would read as another host', () => {
		for (const target of ['/.//evil.test', '/%2F/evil.test', '/..//evil.test']) {
			const result = safeRedirectTarget(target);
			expect(result.startsWith('//')).toBe(false);
			expect(new URL(result, 'https://app.example').origin).toBe('https://app.example');
		}
	});
});
