/**
 * Which files may be attached, decided by their first bytes (never by name or declared type):
 * PDF, JPEG, PNG and HEIC/HEIF. An executable renamed `receipt.pdf` is refused.
 */

/** Attachment types, as stored and served. */
export type AttachmentType = 'application/pdf' | 'image/jpeg' | 'image/png' | 'image/heic';

/** Types a browser shows inline safely (HEIC is downloaded: few browsers can show it). */
export const INLINE_TYPES: readonly AttachmentType[] = [
	'application/pdf',
	'image/jpeg',
	'image/png'
];

const HEIF_BRANDS = new Set(['heic', 'heix', 'hevc', 'hevx', 'heim', 'heis', 'mif1', 'msf1']);

function startsWith(bytes: Uint8Array, prefix: number[], offset = 0): boolean {
	return prefix.every((byte, i) => bytes[offset + i] === byte);
}

function ascii(bytes: Uint8Array, from: number, to: number): string {
	return String.fromCharCode(...bytes.subarray(from, to));
}

/** The type `bytes` prove to be, or null when they are none of the attachment types. */
export function sniffAttachmentType(bytes: Uint8Array): AttachmentType | null {
	if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'application/pdf';
	if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
	if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
	// ISO base media: a box size, `ftyp`, then the major brand (and compatible brands after it).
	if (bytes.length >= 16 && ascii(bytes, 4, 8) === 'ftyp') {
		const size = Math.min((bytes[0] << 24) | (bytes[1] << 16) | (bytes[2] << 8) | bytes[3], 64);
		for (let at = 8; at + 4 <= Math.max(size, 12); at += 4) {
			if (at === 12) continue; // minor version, not a brand
			if (HEIF_BRANDS.has(ascii(bytes, at, at + 4))) return 'image/heic';
		}
	}
	return null;
}
