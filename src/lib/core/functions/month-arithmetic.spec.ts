import { describe, expect, it } from 'vitest';
import { serialFromDate } from '../values';
import { evaluateFormula } from './spec-support';

describe('EDATE and EOMONTH move by months like Excel', () => {
	it('gives Microsoft’s examples', () => {
		expect(evaluateFormula('=EDATE(DATE(2011,1,15),1)')).toBe(serialFromDate(2011, 2, 15));
		expect(evaluateFormula('=EDATE(DATE(2011,1,15),-1)')).toBe(serialFromDate(2010, 12, 15));
		expect(evaluateFormula('=EDATE(DATE(2011,1,15),2)')).toBe(serialFromDate(2011, 3, 15));
		expect(evaluateFormula('=EOMONTH(DATE(2011,1,1),1)')).toBe(serialFromDate(2011, 2, 28));
		expect(evaluateFormula('=EOMONTH(DATE(2011,1,1),-3)')).toBe(serialFromDate(2010, 10, 31));
	});

	it('lands on 29 February in a leap year and on the last day of a shorter month', () => {
		expect(evaluateFormula('=EDATE(DATE(2024,1,29),1)')).toBe(45351);
		expect(evaluateFormula('=EDATE(DATE(2024,3,31),-1)')).toBe(45351);
		expect(evaluateFormula('=EDATE(DATE(2023,1,31),1)')).toBe(serialFromDate(2023, 2, 28));
		expect(evaluateFormula('=EDATE(DATE(2024,2,29),12)')).toBe(serialFromDate(2025, 2, 28));
		expect(evaluateFormula('=EOMONTH(DATE(2024,2,10),0)')).toBe(45351);
	});

	it('truncates a fractional month count and drops the time of day', () => {
		expect(evaluateFormula('=EDATE(DATE(2024,1,29),1.9)')).toBe(45351);
		expect(evaluateFormula('=EDATE(DATE(2024,1,29),-1.9)')).toBe(serialFromDate(2023, 12, 29));
		expect(evaluateFormula('=EDATE(DATE(2024,1,29)+0.75,1)')).toBe(45351);
		expect(evaluateFormula('=EOMONTH(DATE(2024,1,15),1.5)')).toBe(45351);
	});

	it('gives #NUM! for a start before 1900 or a result outside Excel’s dates', () => {
		expect(evaluateFormula('=EDATE(-1,1)')).toBe('#NUM!');
		expect(evaluateFormula('=EDATE(DATE(2024,1,1),-1500)')).toBe('#NUM!');
		expect(evaluateFormula('=EOMONTH(DATE(9999,12,1),1)')).toBe('#NUM!');
		expect(evaluateFormula('=EDATE("x",1)')).toBe('#VALUE!');
	});
});
