import { describe, expect, it } from 'vitest';
import { sanitiseFilename } from './workbook-export';

describe('sanitiseFilename', () => {
	it('keeps a readable title and replaces what a header or file system would choke on', () => {
		expect(sanitiseFilename('12 Elm St (2026) - Q1, final')).toBe('12 Elm St (2026) - Q1, final');
		expect(sanitiseFilename('a/b\\c"d\r\ne')).toBe('a_b_c_d_e');
		expect(sanitiseFilename('Café Ñandú')).toBe('Cafe Nandu');
		expect(sanitiseFilename('...')).toBe('workbook');
		expect(sanitiseFilename('x'.repeat(300))).toHaveLength(100);
	});
});
