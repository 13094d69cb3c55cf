import { describe, expect, it } from 'vitest';
import { inlineParameters, SqlArray } from './raw-statement.js';

describe('inlineParameters', () => {
	it('writes each kind of parameter as a literal', () => {
		expect(
			inlineParameters('select $1, $2, $3, $4', [`o'brien`, 42, null, Uint8Array.from([0, 255])])
		).toBe(`select 'o''brien', 42, null, '\\x00ff'`);
	});

	it('writes arrays in array syntax, escaping quotes and backslashes', () => {
		const texts = new SqlArray('text', ['a"b', 'c\\d', null, `e'f`, '']);
		const bytes = new SqlArray('bytea', [Uint8Array.from([1, 2])]);
		expect(inlineParameters('$1::text[] $2::bytea[]', [texts, bytes])).toBe(
			`'{"a\\"b","c\\\\d",NULL,"e''f",""}'::text[] '{"\\\\x0102"}'::bytea[]`
		);
	});

	it('writes an array that crossed to a worker thread, where it is no longer an SqlArray', () => {
		const crossed = structuredClone([new SqlArray('bytea', [Uint8Array.from([255]), null])]);
		expect(crossed[0]).not.toBeInstanceOf(SqlArray);
		expect(inlineParameters('$1', crossed)).toBe(`'{"\\\\xff",NULL}'`);
	});

	it('tells $1 from $10 and leaves the text around them alone', () => {
		const params = Array.from({ length: 10 }, (_, index) => index + 1);
		expect(inlineParameters('($10,$1)', params)).toBe('(10,1)');
	});

	it('refuses what it cannot write safely', () => {
		expect(() => inlineParameters('select $2', [1])).toThrow(/\$2 but has 1/);
		expect(() => inlineParameters('select $0', [1])).toThrow(RangeError);
		expect(() => inlineParameters('select $1', ['a\0b'])).toThrow(/U\+0000/);
		expect(() => inlineParameters('select $1', [new SqlArray('text', ['\0'])])).toThrow(/U\+0000/);
		expect(() => inlineParameters('select $1', [Number.NaN])).toThrow(/not a SQL number/);
		expect(() => inlineParameters('select $1', [{ id: 1 } as never])).toThrow(/object parameters/);
	});
});
