// Parameters of the raw statements that bypass drizzle on the hot path (the group commit), and
// how PGlite receives them: written into the statement's text as SQL literals. PGlite answers a
// parameterised query in six calls into PostgreSQL (parse, describe, bind, describe, execute,
// sync) and a plain statement in two; a ten-row group commit took 0.9–1.3 ms the first way and
// 0.5–0.65 ms the second.
//
// Plain JavaScript: the literals are written on the embedded database's thread (pglite-worker.js),
// which starts without the TypeScript loader, so the event loop never spends time on them.
import { byteaHex } from './bytea.js';

/**
 * An array parameter, with its element type: a driver cannot tell a `bytea[]` from a list of
 * buffers, nor type an empty array.
 */
export class SqlArray {
	/**
	 * @param {'text' | 'bytea'} elementType
	 * @param {readonly (string | Uint8Array | null)[]} values
	 */
	constructor(elementType, values) {
		this.elementType = elementType;
		this.values = values;
	}
}

/** @typedef {string | number | null | Uint8Array | SqlArray} SqlParam A parameter of a raw statement. */

/**
 * Whether `param` is an SqlArray, or was one before it crossed to a worker thread: postMessage
 * keeps an object's fields but not its class.
 * @param {unknown} param
 * @returns {param is SqlArray}
 */
export function isSqlArray(param) {
	return (
		typeof param === 'object' &&
		param !== null &&
		!(param instanceof Uint8Array) &&
		Array.isArray(/** @type {{ values?: unknown }} */ (param).values)
	);
}

/**
 * `text` with each `$n` replaced by parameter n as a literal. The text must use `$n` only for
 * parameters (never inside its own string literals). Relies on `standard_conforming_strings`
 * (on by default since PostgreSQL 9.1): a backslash in a quoted literal is an ordinary character.
 * @param {string} text
 * @param {readonly SqlParam[]} params
 * @returns {string}
 */
export function inlineParameters(text, params) {
	return text.replace(/\$(\d+)/g, (_placeholder, /** @type {string} */ number) => {
		const index = Number(number) - 1;
		if (index < 0 || index >= params.length) {
			throw new RangeError(`the statement uses $${number} but has ${params.length} parameters`);
		}
		return literal(params[index]);
	});
}

/** @param {SqlParam} param */
function literal(param) {
	if (param === null) return 'null';
	if (typeof param === 'number') {
		if (!Number.isFinite(param)) throw new RangeError(`${param} is not a SQL number`);
		return String(param);
	}
	// bytea's hex form holds no quote and no NUL: it needs no escaping.
	if (param instanceof Uint8Array) return `'${byteaHex(param)}'`;
	if (isSqlArray(param)) return arrayLiteral(param);
	if (typeof param === 'string') return quoted(param);
	throw new TypeError(`a raw statement cannot take ${typeof param} parameters`);
}

/**
 * An array in PostgreSQL's array syntax: elements double-quoted, `\` and `"` escaped.
 * @param {SqlArray} array
 */
function arrayLiteral({ elementType, values }) {
	if (elementType === 'bytea') {
		const elements = values.map((value) =>
			// The hex form's one backslash, escaped for the array syntax.
			value === null ? 'NULL' : `"\\${byteaHex(/** @type {Uint8Array} */ (value))}"`
		);
		return `'{${elements.join(',')}}'`;
	}
	const elements = values.map((value) =>
		value === null ? 'NULL' : `"${String(value).replace(/[\\"]/g, '\\$&')}"`
	);
	return quoted(`{${elements.join(',')}}`);
}

/**
 * A string literal; PostgreSQL's text cannot hold U+0000, so neither can a parameter.
 * @param {string} text
 */
function quoted(text) {
	if (text.includes('\0')) throw new RangeError('a SQL string cannot contain U+0000');
	return `'${text.replace(/'/g, "''")}'`;
}
