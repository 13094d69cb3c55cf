/**
 * Parameters of the raw statements that bypass drizzle on the hot path (the group commit), and
 * how PGlite receives them: written into the statement's text as SQL literals. PGlite answers a
 * parameterised query in six calls into PostgreSQL (parse, describe, bind, describe, execute,
 * sync) and a plain statement in two; a ten-row group commit took 0.9–1.3 ms of the event loop
 * the first way and 0.5–0.65 ms the second.
 */
import { byteaHex } from './bytea.js';

/**
 * An array parameter, with its element type: a driver cannot tell a `bytea[]` from a list of
 * buffers, nor type an empty array.
 */
export class SqlArray {
	constructor(
		readonly elementType: 'text' | 'bytea',
		readonly values: readonly (string | Uint8Array | null)[]
	) {}
}

/** A parameter of a raw statement. */
export type SqlParam = string | number | null | Uint8Array | SqlArray;

/**
 * `text` with each `$n` replaced by parameter n as a literal. The text must use `$n` only for
 * parameters (never inside its own string literals). Relies on `standard_conforming_strings`
 * (on by default since PostgreSQL 9.1): a backslash in a quoted literal is an ordinary character.
 */
export function inlineParameters(text: string, params: readonly SqlParam[]): string {
	return text.replace(/\$(\d+)/g, (_placeholder, number: string) => {
		const index = Number(number) - 1;
		if (index < 0 || index >= params.length) {
			throw new RangeError(`the statement uses $${number} but has ${params.length} parameters`);
		}
		return literal(params[index]);
	});
}

function literal(param: SqlParam): string {
	if (param === null) return 'null';
	if (typeof param === 'number') {
		if (!Number.isFinite(param)) throw new RangeError(`${param} is not a SQL number`);
		return String(param);
	}
	if (param instanceof SqlArray) return quoted(`{${param.values.map(arrayElement).join(',')}}`);
	return quoted(param instanceof Uint8Array ? byteaHex(param) : param);
}

/** An array element in PostgreSQL's array syntax: double-quoted, `\` and `"` escaped. */
function arrayElement(value: string | Uint8Array | null): string {
	if (value === null) return 'NULL';
	const text = value instanceof Uint8Array ? byteaHex(value) : value;
	return `"${text.replace(/[\\"]/g, '\\$&')}"`;
}

/** A string literal; PostgreSQL's text cannot hold U+0000, so neither can a parameter. */
function quoted(text: string): string {
	if (text.includes('\0')) throw new RangeError('a SQL string cannot contain U+0000');
	return `'${text.replace(/'/g, "''")}'`;
}
