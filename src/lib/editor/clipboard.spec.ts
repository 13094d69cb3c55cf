import { describe, expect, it } from 'vitest';
import { pastedTexts, readCopiedBlock, toHtml, toTsv } from './clipboard';

describe('clipboard', () => {
	it('writes TSV that spreadsheets read, quoting awkward fields', () => {
		expect(
			toTsv([
				['1', 'a\tb'],
				['say "hi"', '']
			])
		).toBe('1\t"a\tb"\n"say ""hi"""\t');
	});

	it('round-trips its own block through HTML, escaped', () => {
		const block = { top: 0, left: 1, inputs: [['=A1&"<b>"', '5']] };
		const html = toHtml([['x<b>', '5']], block);
		expect(html).toContain('<td>x&lt;b&gt;</td>');
		expect(readCopiedBlock(html)).toEqual(block);
	});

	it('shifts formulas by the distance between copy and paste', () => {
		const html = toHtml([['3']], { top: 0, left: 2, inputs: [['=A1+B1', 'text']] });
		expect(pastedTexts('3', html, 4, 2)).toEqual([['=A5+B5', 'text']]);
	});

	it('reads plain TSV from other apps', () => {
		expect(pastedTexts('1\t2\r\n3\t4\r\n', '<table><tr><td>1</td></tr></table>', 0, 0)).toEqual([
			['1', '2'],
			['3', '4']
		]);
	});
});
