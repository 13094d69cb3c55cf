import fc from 'fast-check';
import { format } from 'numfmt';
import { describe, expect, it } from 'vitest';
import { dateFromSerial, parseInput, serialFromDate } from './values';

describe('parseInput', () => {
	it('reads whitespace-only input as an empty cell', () => {
		expect(parseInput('')).toEqual({ kind: 'empty' });
		expect(parseInput('   \t')).toEqual({ kind: 'empty' });
	});

	it('reads plain numbers, including exponents, signs and a leading decimal point', () => {
		expect(parseInput('42')).toEqual({ kind: 'number', value: 42 });
		expect(parseInput('1e3')).toEqual({ kind: 'number', value: 1000 });
		expect(parseInput('-0.5')).toEqual({ kind: 'number', value: -0.5 });
		expect(parseInput('.5')).toEqual({ kind: 'number', value: 0.5 });
		expect(parseInput(' 7 ')).toEqual({ kind: 'number', value: 7 });
	});

	it('reads thousands separators as a number with a grouped format', () => {
		expect(parseInput('1,200.50')).toEqual({ kind: 'number', value: 1200.5, format: '#,##0.00' });
		expect(parseInput('1,200')).toEqual({ kind: 'number', value: 1200, format: '#,##0' });
		expect(parseInput('-12,345,678')).toEqual({
			kind: 'number',
			value: -12345678,
			format: '#,##0'
		});
	});

	it('keeps badly grouped digits as text', () => {
		expect(parseInput('1,20')).toEqual({ kind: 'text', value: '1,20' });
	});

	it('reads currency amounts with a currency format, negatives by sign or parentheses', () => {
		expect(parseInput('$1,200')).toEqual({ kind: 'number', value: 1200, format: '"$"#,##0' });
		expect(parseInput('$1,200.5')).toEqual({
			kind: 'number',
			value: 1200.5,
			format: '"$"#,##0.00'
		});
		expect(parseInput('-$5')).toEqual({ kind: 'number', value: -5, format: '"$"#,##0' });
		expect(parseInput('$-5')).toEqual({ kind: 'number', value: -5, format: '"$"#,##0' });
		expect(parseInput('($5)')).toEqual({ kind: 'number', value: -5, format: '"$"#,##0' });
		expect(parseInput('€99.90')).toEqual({ kind: 'number', value: 99.9, format: '"€"#,##0.00' });
		expect(parseInput('£3')).toEqual({ kind: 'number', value: 3, format: '"£"#,##0' });
	});

	it('reads percentages as fractions with as many decimals as were typed', () => {
		expect(parseInput('5%')).toEqual({ kind: 'number', value: 0.05, format: '0%' });
		expect(parseInput('2.5%')).toEqual({ kind: 'number', value: 0.025, format: '0.0%' });
		expect(parseInput('-7.25%')).toEqual({ kind: 'number', value: -0.0725, format: '0.00%' });
		expect(parseInput('%')).toEqual({ kind: 'text', value: '%' });
	});

	it('reads ISO and US dates as Excel serial numbers with a date format', () => {
		expect(parseInput('2026-03-01')).toEqual({
			kind: 'number',
			value: 46082,
			format: 'yyyy-mm-dd'
		});
		expect(parseInput('3/1/2026')).toEqual({ kind: 'number', value: 46082, format: 'm/d/yyyy' });
		expect(parseInput('1/15/29')).toMatchObject({ value: serialFromDate(2029, 1, 15) });
		expect(parseInput('1/15/30')).toMatchObject({ value: serialFromDate(1930, 1, 15) });
	});

	it('keeps dates that do not exist as text', () => {
		expect(parseInput('2026-02-30')).toEqual({ kind: 'text', value: '2026-02-30' });
		expect(parseInput('13/1/2026')).toEqual({ kind: 'text', value: '13/1/2026' });
	});

	it('reads TRUE and FALSE in any case as booleans', () => {
		expect(parseInput('TRUE')).toEqual({ kind: 'boolean', value: true });
		expect(parseInput('false')).toEqual({ kind: 'boolean', value: false });
	});

	it('reads input starting with = as a formula that keeps the =, but a lone = as text', () => {
		expect(parseInput('=SUM(A1:A3)')).toEqual({ kind: 'formula', text: '=SUM(A1:A3)' });
		expect(parseInput('=')).toEqual({ kind: 'text', value: '=' });
	});

	it('forces text after a leading apostrophe', () => {
		expect(parseInput("'123")).toEqual({ kind: 'text', value: '123' });
		expect(parseInput("'=A1")).toEqual({ kind: 'text', value: '=A1' });
	});

	it('reads anything else as the text typed', () => {
		expect(parseInput('Rent, unit 2')).toEqual({ kind: 'text', value: 'Rent, unit 2' });
		expect(parseInput('12 months')).toEqual({ kind: 'text', value: '12 months' });
	});

	it('returns any finite number written in JavaScript notation', () => {
		fc.assert(
			fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (n) => {
				expect(parseInput(String(n))).toEqual({ kind: 'number', value: n === 0 ? 0 : n });
			})
		);
	});

	it('returns a two-decimal amount formatted as #,##0.00 or as currency', () => {
		fc.assert(
			fc.property(fc.integer({ min: -1e12, max: 1e12 }), (cents) => {
				const amount = cents / 100;
				expect(parseInput(format('#,##0.00', amount))).toMatchObject({ value: amount });
				expect(parseInput(format('"$"#,##0.00', amount))).toMatchObject({ value: amount });
			})
		);
	});

	it('returns a whole percentage formatted as 0%', () => {
		fc.assert(
			fc.property(fc.integer({ min: -100_000, max: 100_000 }), (percent) => {
				const parsed = parseInput(format('0%', percent / 100));
				expect(parsed.kind).toBe('number');
				if (parsed.kind === 'number') expect(parsed.value).toBeCloseTo(percent / 100, 12);
			})
		);
	});

	it('returns a date serial formatted by numfmt as yyyy-mm-dd or m/d/yyyy', () => {
		fc.assert(
			fc.property(fc.integer({ min: 1, max: 2_958_465 }), (serial) => {
				expect(parseInput(format('yyyy-mm-dd', serial))).toMatchObject({ value: serial });
				expect(parseInput(format('m/d/yyyy', serial))).toMatchObject({ value: serial });
			})
		);
	});
});

describe('serialFromDate and dateFromSerial', () => {
	it('number days as Excel does, with the fictitious 1900-02-29 as serial 60', () => {
		expect(serialFromDate(1900, 1, 1)).toBe(1);
		expect(serialFromDate(1900, 2, 28)).toBe(59);
		expect(serialFromDate(1900, 2, 29)).toBe(60);
		expect(serialFromDate(1900, 3, 1)).toBe(61);
		expect(serialFromDate(2026, 3, 1)).toBe(46082);
		expect(serialFromDate(9999, 12, 31)).toBe(2958465);
		expect(dateFromSerial(60)).toEqual({ year: 1900, month: 2, day: 29 });
		expect(dateFromSerial(46082.75)).toEqual({ year: 2026, month: 3, day: 1 });
	});

	it('reject dates Excel cannot represent', () => {
		expect(() => serialFromDate(1899, 12, 31)).toThrow(RangeError);
		expect(() => serialFromDate(2026, 2, 29)).toThrow(RangeError);
		expect(() => dateFromSerial(0)).toThrow(RangeError);
	});

	it('are inverses over the whole Excel date range', () => {
		fc.assert(
			fc.property(fc.integer({ min: 1, max: 2_958_465 }), (serial) => {
				const { year, month, day } = dateFromSerial(serial);
				expect(serialFromDate(year, month, day)).toBe(serial);
			})
		);
	});
});
