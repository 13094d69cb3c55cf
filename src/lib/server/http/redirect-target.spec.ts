import { describe, expect, it } from 'vitest';
import { safeRedirectTarget } from './redirect-target';

describe('safeRedirectTarget', () => {
	it('keeps a path on this site', () => {
		expect(safeRedirectTarget('/workbooks/abc?x=1')).toBe('/workbooks/abc?x=1');
	});

	it('refuses other sites, protocol-relative and backslash tricks', () => {
		for (const target of ['https://evil.example', '//evil.example', '/\\evil.example', '', null]) {
			expect(safeRedirectTarget(target)).toBe('/');
		}
	});
});
