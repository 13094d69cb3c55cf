import { describe, expect, it } from 'vitest';
import { formatValue } from '../number-format';
import { formatAsText } from './text-format';
import { evaluateFormula } from './spec-support';

describe('TEXT formats like Excel, with the formatter that shows cells', () => {
	it('gives Microsoft’s examples: percent, accounting negatives in parentheses, dates with month names', () => {
		expect(evaluateFormula('=TEXT(0.0725,"0.00%")')).toBe('7.25%');
		expect(evaluateFormula('=TEXT(-1234.5,"$#,##0.00;($#,##0.00)")')).toBe('($1,234.50)');
		expect(evaluateFormula('=TEXT(DATE(2011,7,10),"mmm d, yyyy")')).toBe('Jul 10, 2011');
		expect(evaluateFormula('=TEXT(1234.567,"$#,##0.00")')).toBe('$1,234.57');
		expect(evaluateFormula('=TEXT(0.285,"0.0%")')).toBe('28.5%');
		expect(evaluateFormula('=TEXT(DATE(2024,2,29),"dddd")')).toBe('Thursday');
	});

	it('applies thousands separators, scaling commas, literals, times, colours and conditions', () => {
		expect(evaluateFormula('=TEXT(1234567.4,"#,##0")')).toBe('1,234,567');
		expect(evaluateFormula('=TEXT(12345678,"0.0,,")&"M"')).toBe('12.3M');
		expect(evaluateFormula('=TEXT(0.75,"h:mm AM/PM")')).toBe('6:00 PM');
		expect(evaluateFormula('=TEXT(1.5,"[h]:mm")')).toBe('36:00');
		expect(evaluateFormula('=TEXT(-5,"[Red]0.00")')).toBe('-5.00');
		expect(evaluateFormula('=TEXT(12345,"[>=1000]#,##0,\\K;0")')).toBe('12K');
		expect(evaluateFormula('=TEXT(0,"0;-0;\\z\\e\\r\\o")')).toBe('zero');
	});

	it('reads text that looks like a number as that number and keeps other text and booleans', () => {
		expect(evaluateFormula('=TEXT("12.5","0.00")')).toBe('12.50');
		expect(evaluateFormula('=TEXT("rent","0.00")')).toBe('rent');
		expect(evaluateFormula('=TEXT(A1,"0.00")', [[null]])).toBe('0.00');
		expect(formatAsText(true, '0')).toBe('TRUE');
	});

	it('gives #VALUE! for a format code Excel refuses and passes errors through', () => {
		expect(evaluateFormula('=TEXT(1,"[")')).toBe('#VALUE!');
		expect(evaluateFormula('=TEXT(1/0,"0")')).toBe('#DIV/0!');
	});

	it('reads exactly as a cell formatted with the same code shows', () => {
		for (const [value, code] of [
			[-1234.5, '"$"#,##0.00_);("$"#,##0.00)'],
			[45351, 'mmm yyyy'],
			[0.0725, '0.00%']
		] as const) {
			expect(formatAsText(value, code)).toBe(formatValue(value, code));
		}
	});
});
