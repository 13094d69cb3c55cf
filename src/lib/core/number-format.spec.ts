import { describe, expect, it } from 'vitest';
import {
	NUMBER_FORMATS,
	currencyFormat,
	formatValue,
	isNumericDisplay,
	isValidFormat
} from './number-format';

describe('formatValue', () => {
	it('shows numbers in General like Excel when no format is given', () => {
		expect(formatValue(1234.5)).toBe('1234.5');
		expect(formatValue(0.1 + 0.2)).toBe('0.3');
		expect(formatValue(-0.5)).toBe('-0.5');
	});

	it('groups thousands with the number and integer presets', () => {
		expect(formatValue(1234567.891, NUMBER_FORMATS.number)).toBe('1,234,567.89');
		expect(formatValue(1234567.891, NUMBER_FORMATS.integer)).toBe('1,234,568');
		expect(formatValue(-1200.5, NUMBER_FORMATS.number)).toBe('-1,200.50');
	});

	it('puts accounting negatives in parentheses and shows zero as a dash', () => {
		expect(formatValue(-1234.5, NUMBER_FORMATS.accounting)).toBe(' $(1,234.50)');
		expect(formatValue(1234.5, NUMBER_FORMATS.accounting)).toBe(' $1,234.50 ');
		expect(formatValue(0, NUMBER_FORMATS.accounting)).toBe(' $-   ');
	});

	it('shows percentages and dates', () => {
		expect(formatValue(0.1234, NUMBER_FORMATS.percent)).toBe('12.34%');
		expect(formatValue(0.05, '0%')).toBe('5%');
		expect(formatValue(46082, NUMBER_FORMATS.date)).toBe('2026-03-01');
		expect(formatValue(46082, NUMBER_FORMATS.dateUs)).toBe('3/1/2026');
		expect(formatValue(60, NUMBER_FORMATS.date)).toBe('1900-02-29');
	});

	it('shows errors as their code, booleans in capitals and null as nothing', () => {
		expect(formatValue({ error: '#DIV/0!' }, NUMBER_FORMATS.number)).toBe('#DIV/0!');
		expect(formatValue(true)).toBe('TRUE');
		expect(formatValue(false, NUMBER_FORMATS.number)).toBe('FALSE');
		expect(formatValue(null, NUMBER_FORMATS.currency)).toBe('');
		expect(formatValue('Rent', NUMBER_FORMATS.number)).toBe('Rent');
	});

	it('falls back to General instead of throwing on an invalid format code', () => {
		expect(formatValue(1234.5, '[Red')).toBe('1234.5');
		expect(formatValue(1234.5, '0.00"')).toBe('1234.5');
		expect(formatValue(1234.5, '')).toBe('1234.5');
	});

	it('uses the workbook currency symbol in the currency and accounting presets', () => {
		expect(formatValue(-5, NUMBER_FORMATS.currency)).toBe('-$5.00');
		expect(formatValue(1500, NUMBER_FORMATS.currency, { currency: 'EUR' })).toBe('€1,500.00');
		expect(formatValue(-1500, NUMBER_FORMATS.accounting, { currency: 'GBP' })).toBe(' £(1,500.00)');
		expect(formatValue(-5, NUMBER_FORMATS.currencyNegativeParentheses)).toBe('($5.00)');
	});

	it('shows non-finite numbers as #NUM!', () => {
		expect(formatValue(Number.POSITIVE_INFINITY)).toBe('#NUM!');
		expect(formatValue(Number.NaN, NUMBER_FORMATS.number)).toBe('#NUM!');
	});
});

describe('currencyFormat', () => {
	it('builds a format with the currency symbol and the requested decimals', () => {
		expect(currencyFormat('USD')).toBe('"$"#,##0.00');
		expect(currencyFormat('EUR', 0)).toBe('"€"#,##0');
		expect(currencyFormat('JPY')).toBe('"¥"#,##0');
		expect(formatValue(1234.567, currencyFormat('GBP', 3))).toBe('£1,234.567');
	});

	it('refuses a nonsensical number of decimals', () => {
		expect(() => currencyFormat('USD', -1)).toThrow(RangeError);
		expect(() => currencyFormat('USD', 1.5)).toThrow(RangeError);
	});
});

describe('isValidFormat', () => {
	it('accepts every preset and refuses malformed codes', () => {
		for (const code of Object.values(NUMBER_FORMATS)) expect(isValidFormat(code)).toBe(true);
		expect(isValidFormat('[Red')).toBe(false);
		expect(isValidFormat('0.00"')).toBe(false);
		expect(isValidFormat('')).toBe(false);
	});
});

describe('isNumericDisplay', () => {
	it('right-aligns numbers only', () => {
		expect(isNumericDisplay(3)).toBe(true);
		expect(isNumericDisplay('3')).toBe(false);
		expect(isNumericDisplay(true)).toBe(false);
		expect(isNumericDisplay({ error: '#N/A' })).toBe(false);
	});
});
