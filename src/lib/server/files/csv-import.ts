/**
 * Reads a CSV upload into one imported sheet: the encoding detected (a UTF-8 or UTF-16 byte-order
 * mark, else UTF-8 when the bytes are valid UTF-8, else Windows-1252 as bank exports often are),
 * the delimiter guessed by papaparse, and each field entered as a person typing it would be
 * (`1,250.00`, `12%`, `2026-03-01` become numbers and dates). A field starting with `=` stays
 * text: a CSV carries data, and a formula arriving from a bank file is more likely an injection
 * than a model.
 */
import Papa from 'papaparse';
import { AppError } from '../errors';
import { MAX_IMPORT_CELLS, type ImportedCell, type ImportedSheet } from './imported-workbook';

/** The text of CSV bytes in their detected encoding. */
export function decodeCsv(bytes: Uint8Array): string {
	if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
		return new TextDecoder('utf-8').decode(bytes.subarray(3));
	}
	if (bytes[0] === 0xff && bytes[1] === 0xfe)
		return new TextDecoder('utf-16le').decode(bytes.subarray(2));
	if (bytes[0] === 0xfe && bytes[1] === 0xff)
		return new TextDecoder('utf-16be').decode(bytes.subarray(2));
	try {
		return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
	} catch {
		return decodeWindows1252(bytes);
	}
}

/** Windows-1252's characters for bytes 0x80–0x9F (where it differs from Latin-1); `\ufffd` unused. */
const WINDOWS_1252_HIGH = '€\ufffd‚ƒ„…†‡ˆ‰Š‹Œ\ufffdŽ\ufffd\ufffd‘’“”•–—˜™š›œ\ufffdžŸ';

/** Decodes Windows-1252 by hand: Node's TextDecoder treats that label as Latin-1. */
function decodeWindows1252(bytes: Uint8Array): string {
	let text = '';
	for (const byte of bytes) {
		text +=
			byte >= 0x80 && byte <= 0x9f ? WINDOWS_1252_HIGH[byte - 0x80] : String.fromCharCode(byte);
	}
	return text;
}

/** The cells of a CSV file as one sheet named `name`; 400 when it is not readable as CSV. */
export function readCsv(bytes: Uint8Array, name: string): ImportedSheet {
	if (bytes.includes(0)) {
		throw new AppError(400, 'malformed_file', 'This file is not a text CSV file.');
	}
	const parsed = Papa.parse<string[]>(decodeCsv(bytes), { skipEmptyLines: 'greedy' });
	const fatal = parsed.errors.find((error) => error.type === 'Quotes');
	if (fatal) {
		throw new AppError(
			400,
			'malformed_file',
			`This CSV file has an unclosed quote on row ${(fatal.row ?? 0) + 1}.`
		);
	}
	const cells: ImportedCell[] = [];
	parsed.data.forEach((fields, row) => {
		fields.forEach((field, col) => {
			const text = field.trim();
			if (text === '') return;
			if (cells.length >= MAX_IMPORT_CELLS) {
				throw new AppError(
					413,
					'too_many_cells',
					`This file has more than ${MAX_IMPORT_CELLS} cells, the most one import can hold.`
				);
			}
			cells.push({ row, col, text: text.startsWith('=') ? `'${text}` : text });
		});
	});
	return { name, cells, colWidths: new Map() };
}
