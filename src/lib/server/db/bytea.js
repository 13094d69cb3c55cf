// PostgreSQL's bytea in its hex text form, for PGlite. Plain JavaScript because the PGlite worker
// thread (pglite-worker.js) uses it too, and a worker thread starts without the TypeScript loader.

/**
 * `bytes` in bytea's hex input format (a backslash, `x`, two digits a byte), by Node's native hex
 * codec: PGlite's own conversion builds the text a byte at a time, and took 600–840 ms for 2 MB.
 * @param {Uint8Array} bytes
 * @returns {string}
 */
export function byteaHex(bytes) {
	if (!(bytes instanceof Uint8Array)) throw new TypeError('a bytea parameter must be bytes');
	return '\\x' + Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('hex');
}

/**
 * Decodes bytea's hex output format into bytes of their own (not a view into Node's buffer pool).
 * PGlite's own decoding took 300 ms for 2 MB; this takes 20 ms.
 * @param {string} text
 * @returns {Uint8Array}
 */
export function byteaFromHex(text) {
	const hex = text.slice(2);
	const bytes = new Uint8Array(hex.length / 2);
	Buffer.from(bytes.buffer).write(hex, 'hex');
	return bytes;
}
