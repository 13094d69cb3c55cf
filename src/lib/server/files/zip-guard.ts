/**
 * What an uploaded spreadsheet file is, decided from its bytes before anything inflates it: an
 * XLSX (a zip) whose declared sizes are checked against zip bombs, an encrypted workbook or a
 * legacy binary `.xls` (both OLE compound files), or something else. Refusals are AppErrors with
 * a sentence saying what to do.
 */
import { AppError } from '../errors';

/** Most bytes the entries of one XLSX may inflate to. */
export const MAX_INFLATED_BYTES = 200 * 1024 * 1024;
/** Highest ratio of inflated to compressed size accepted (text XML rarely exceeds 20). */
export const MAX_COMPRESSION_RATIO = 100;

const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const CENTRAL_DIRECTORY_ENTRY = 0x02014b50;

/** One entry of a zip's central directory. */
export interface ZipEntry {
	name: string;
	compressedSize: number;
	uncompressedSize: number;
}

function refuse(code: string, message: string): AppError {
	return new AppError(400, code, message);
}

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
	return magic.every((byte, index) => bytes[index] === byte);
}

/** True when the bytes are a zip archive (XLSX, XLSM, …). */
export function looksLikeZip(bytes: Uint8Array): boolean {
	return startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]);
}

/**
 * Refuses OLE compound files: password-protected workbooks (Excel wraps the encrypted package in
 * one, with an `EncryptionInfo` stream) and binary `.xls` files.
 */
export function refuseCompoundFile(bytes: Uint8Array): void {
	if (!startsWith(bytes, OLE_MAGIC)) return;
	const marker = Buffer.from('EncryptionInfo', 'utf16le');
	if (Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(marker)) {
		throw refuse(
			'encrypted_file',
			'This workbook is protected with a password. Open it in Excel, remove the password (File › Info › Protect Workbook) and import the saved copy.'
		);
	}
	throw refuse(
		'unsupported_format',
		'This is an old binary Excel file (.xls). Open it in Excel or LibreOffice, save it as .xlsx, and import that.'
	);
}

/**
 * The central directory of a zip, read without inflating anything; 400 `malformed_file` when it
 * cannot be found or read.
 */
export function listZipEntries(bytes: Uint8Array): ZipEntry[] {
	const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	const malformed = () =>
		refuse('malformed_file', 'This file is damaged or is not an Excel workbook (.xlsx).');
	// The end record is in the last 22 bytes plus an optional comment of up to 65,535.
	let end = -1;
	for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 65_535); at--) {
		if (view.getUint32(at, true) === END_OF_CENTRAL_DIRECTORY) {
			end = at;
			break;
		}
	}
	if (end < 0) throw malformed();
	const count = view.getUint16(end + 10, true);
	let at = view.getUint32(end + 16, true);
	const entries: ZipEntry[] = [];
	for (let index = 0; index < count; index++) {
		if (at + 46 > bytes.length || view.getUint32(at, true) !== CENTRAL_DIRECTORY_ENTRY) {
			throw malformed();
		}
		const nameLength = view.getUint16(at + 28, true);
		const extraLength = view.getUint16(at + 30, true);
		const commentLength = view.getUint16(at + 32, true);
		entries.push({
			compressedSize: view.getUint32(at + 20, true),
			uncompressedSize: view.getUint32(at + 24, true),
			name: Buffer.from(bytes.subarray(at + 46, at + 46 + nameLength)).toString('utf8')
		});
		at += 46 + nameLength + extraLength + commentLength;
	}
	return entries;
}

/**
 * Checks an XLSX upload before it is inflated: refuses compound files (see
 * {@link refuseCompoundFile}), non-zips, zip64 or oversized archives (more than
 * {@link MAX_INFLATED_BYTES} inflated or a ratio above {@link MAX_COMPRESSION_RATIO}), and
 * workbooks with macros.
 */
export function checkXlsxUpload(bytes: Uint8Array): ZipEntry[] {
	refuseCompoundFile(bytes);
	if (!looksLikeZip(bytes)) {
		throw refuse('malformed_file', 'This file is damaged or is not an Excel workbook (.xlsx).');
	}
	const entries = listZipEntries(bytes);
	let inflated = 0;
	for (const entry of entries) {
		// 0xFFFFFFFF means the real size is in a zip64 record: far past any workbook we accept.
		if (entry.uncompressedSize === 0xffffffff) inflated = Infinity;
		else inflated += entry.uncompressedSize;
	}
	if (inflated > MAX_INFLATED_BYTES || inflated > MAX_COMPRESSION_RATIO * bytes.length) {
		throw new AppError(
			413,
			'file_too_large',
			`This file would unpack to more than ${MAX_INFLATED_BYTES / 1024 / 1024} MiB or is compressed suspiciously well; InvestFlow cannot import it.`
		);
	}
	if (entries.some((entry) => /(^|\/)vbaProject\.bin$/i.test(entry.name))) {
		throw refuse(
			'macros_not_supported',
			'This workbook contains macros. Save a copy without macros (as .xlsx, not .xlsm) and import that.'
		);
	}
	return entries;
}
