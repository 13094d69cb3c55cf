import { describe, expect, it } from 'vitest';
import { adjustDecimals } from './format-tools';

describe('adjustDecimals', () => {
	it('adds and removes places in every section', () => {
		expect(adjustDecimals('"$"#,##0.00', 1)).toBe('"$"#,##0.000');
		expect(adjustDecimals('0.00%', -2)).toBe('0%');
		expect(adjustDecimals('0%', 1)).toBe('0.0%');
		expect(adjustDecimals('#,##0.00_);(#,##0.00)', -1)).toBe('#,##0.0_);(#,##0.0)');
	});

	it('starts General from two places', () => {
		expect(adjustDecimals(undefined, 1)).toBe('#,##0.000');
		expect(adjustDecimals('General', -1)).toBe('#,##0.0');
	});
});
