import { describe, expect, it } from 'vitest';
import { sniffAttachmentType } from './file-types';

const bytes = (...parts: (number[] | string)[]) =>
	new Uint8Array(
		parts.flatMap((part) => (typeof part === 'string' ? [...Buffer.from(part)] : part))
	);

describe('sniffAttachmentType', () => {
	it('recognises PDF, JPEG, PNG and HEIC by their first bytes', () => {
		expect(sniffAttachmentType(bytes('%PDF-1.7\n'))).toBe('application/pdf');
		expect(sniffAttachmentType(bytes([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]))).toBe('image/jpeg');
		expect(sniffAttachmentType(bytes([0x89], 'PNG', [0x0d, 0x0a, 0x1a, 0x0a, 0, 0]))).toBe(
			'image/png'
		);
		expect(sniffAttachmentType(bytes([0, 0, 0, 24], 'ftypheic', [0, 0, 0, 0], 'mif1heic'))).toBe(
			'image/heic'
		);
	});

	it('refuses an executable, a script or text, whatever its name says', () => {
		expect(sniffAttachmentType(bytes('MZ', [0x90, 0, 3, 0]))).toBeNull();
		expect(sniffAttachmentType(bytes([0x7f], 'ELF'))).toBeNull();
		expect(sniffAttachmentType(bytes('<html><script>alert(1)</script>'))).toBeNull();
		expect(sniffAttachmentType(bytes(' %PDF-1.7'))).toBeNull();
		expect(
			sniffAttachmentType(bytes([0, 0, 0, 24], 'ftypisom', [0, 0, 0, 0], 'isommp41'))
		).toBeNull();
	});
});
