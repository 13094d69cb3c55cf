import { describe, expect, it } from 'vitest';
import { decodeCsv, readCsv } from './csv-import';

describe('decodeCsv', () => {
	it('reads UTF-8 with or without a byte-order mark, UTF-16, and falls back to Windows-1252', () => {
		expect(decodeCsv(Buffer.from('\ufeffCafé', 'utf8'))).toBe('Café');
		expect(decodeCsv(Buffer.from('Café', 'utf8'))).toBe('Café');
		expect(
			decodeCsv(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Café', 'utf16le')]))
		).toBe('Café');
		expect(decodeCsv(new Uint8Array([0x43, 0x61, 0x66, 0xe9, 0x20, 0x80]))).toBe('Café €');
	});
});

describe('readCsv', () => {
	it('detects the delimiter and keeps fields starting with = as text', () => {
		const sheet = readCsv(Buffer.from('a;b\n1,5;=SUM(1)\n'), 'Bank');
		expect(sheet.name).toBe('Bank');
		expect(sheet.cells).toEqual([
			{ row: 0, col: 0, text: 'a' },
			{ row: 0, col: 1, text: 'b' },
			{ row: 1, col: 0, text: '1,5' },
			{ row: 1, col: 1, text: "'=SUM(1)" }
		]);
	});

	it('refuses binary content and unclosed quotes', () => {
		expect(() => readCsv(new Uint8Array([0x61, 0, 0x62]), 'X')).toThrow(/not a text CSV/);
		expect(() => readCsv(Buffer.from('a,"b\n1,2'), 'X')).toThrow(/unclosed quote/);
	});
});
