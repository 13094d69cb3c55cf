import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { AppError } from '../errors';
import { checkXlsxUpload, listZipEntries, refuseCompoundFile } from './zip-guard';

async function zipOf(files: Record<string, Uint8Array | string>): Promise<Uint8Array> {
	const zip = new JSZip();
	for (const [name, content] of Object.entries(files)) zip.file(name, content);
	return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

function refusal(run: () => unknown): AppError {
	try {
		run();
	} catch (error) {
		if (error instanceof AppError) return error;
		throw error;
	}
	throw new Error('expected a refusal');
}

describe('zip guard', () => {
	it('lists declared sizes without inflating', async () => {
		const bytes = await zipOf({ 'xl/workbook.xml': 'x'.repeat(1000), 'a.txt': 'hi' });
		expect(listZipEntries(bytes)).toEqual(
			expect.arrayContaining([
				expect.objectContaining({ name: 'xl/workbook.xml', uncompressedSize: 1000 }),
				expect.objectContaining({ name: 'a.txt', uncompressedSize: 2 })
			])
		);
	});

	it('refuses an archive that would inflate more than 100 times its size', async () => {
		const bytes = await zipOf({ 'xl/zeros.bin': new Uint8Array(5 * 1024 * 1024) });
		expect(refusal(() => checkXlsxUpload(bytes))).toMatchObject({
			status: 413,
			code: 'file_too_large'
		});
	});

	it('refuses macros, binary .xls and encrypted workbooks with a sentence', async () => {
		const macro = await zipOf({ 'xl/vbaProject.bin': 'vba' });
		expect(refusal(() => checkXlsxUpload(macro)).code).toBe('macros_not_supported');
		const ole = new Uint8Array(512);
		ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
		expect(refusal(() => refuseCompoundFile(ole)).code).toBe('unsupported_format');
		const encrypted = Buffer.concat([ole, Buffer.from('EncryptionInfo', 'utf16le')]);
		expect(refusal(() => refuseCompoundFile(encrypted)).message).toMatch(/password.*\.$/);
	});

	it('calls a truncated or foreign file malformed', async () => {
		const bytes = await zipOf({ 'a.txt': 'hello' });
		expect(refusal(() => checkXlsxUpload(bytes.subarray(0, 20))).code).toBe('malformed_file');
		expect(refusal(() => checkXlsxUpload(new TextEncoder().encode('a,b\n1,2'))).code).toBe(
			'malformed_file'
		);
	});
});
