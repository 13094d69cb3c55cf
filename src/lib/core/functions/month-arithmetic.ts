/**
 * EDATE and EOMONTH on Excel's calendar (1900 date system, 29 February 1900 included): the
 * month count is truncated, the time of day dropped, and EDATE keeps the day of the month
 * unless the target month is shorter. HyperFormula never landed on 29 February and refused a
 * fractional month count.
 */
import { FunctionArgumentType, FunctionPlugin, type ImplementedFunctions } from 'hyperformula';
import { dateFromSerial, serialFromDate } from '../values';
import { englishNames, numError, type EvaluationState, type ProcedureCall } from './plugin-support';

/** Days in `month` (1–12) of `year`; February 1900 has 29, as in Excel. */
function daysInMonth(year: number, month: number): number {
	if (year === 1900 && month === 2) return 29;
	return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The serial of `day` (clamped to the month's length) in the month `months` after `serial`'s. */
function shiftMonths(
	serial: number,
	months: number,
	day: (length: number, from: number) => number
) {
	if (!(serial >= 1)) return numError('The start date must be a date serial of 1 or more.');
	let start;
	try {
		start = dateFromSerial(serial);
	} catch {
		return numError('The start date is outside Excel’s dates.');
	}
	const index = start.year * 12 + (start.month - 1) + Math.trunc(months);
	const year = Math.floor(index / 12);
	const month = (index % 12) + 1;
	if (year < 1900 || year > 9999) return numError('The result is outside Excel’s dates.');
	return serialFromDate(year, month, day(daysInMonth(year, month), start.day));
}

/** EDATE's value: the same day `months` months on, or the month's last day when it is shorter. */
export function addMonths(serial: number, months: number) {
	return shiftMonths(serial, months, (length, from) => Math.min(from, length));
}

/** EOMONTH's value: the last day of the month `months` months on. */
export function endOfMonth(serial: number, months: number) {
	return shiftMonths(serial, months, (length) => length);
}

const MONTH_PARAMETERS = [
	{ argumentType: FunctionArgumentType.NUMBER },
	{ argumentType: FunctionArgumentType.NUMBER }
];

/** HyperFormula plugin replacing EDATE and EOMONTH. */
export class MonthArithmeticPlugin extends FunctionPlugin {
	static implementedFunctions: ImplementedFunctions = {
		EDATE: { method: 'edate', parameters: MONTH_PARAMETERS },
		EOMONTH: { method: 'eomonth', parameters: MONTH_PARAMETERS }
	};

	/** EDATE(start_date, months). */
	edate(ast: ProcedureCall, state: EvaluationState) {
		return this.runFunction(ast.args, state, this.metadata('EDATE'), addMonths);
	}

	/** EOMONTH(start_date, months). */
	eomonth(ast: ProcedureCall, state: EvaluationState) {
		return this.runFunction(ast.args, state, this.metadata('EOMONTH'), endOfMonth);
	}
}

/** Translations for {@link MonthArithmeticPlugin}. */
export const MONTH_ARITHMETIC_FUNCTION_NAMES = englishNames(
	MonthArithmeticPlugin.implementedFunctions
);
