/**
 * DATEDIF with Excel's "YD": the start date is moved into the end date's year (or the year
 * before, when its month and day come later in the year than the end's), a 29 February landing
 * in a common year becoming 1 March, and the days between counted. HyperFormula counted one day
 * more whenever the start lay in a leap year and its day came after the end's. The unit is read
 * regardless of case, as Excel does; the other units keep HyperFormula's arithmetic.
 */
import {
	CellError,
	FunctionArgumentType,
	FunctionPlugin,
	type ImplementedFunctions
} from 'hyperformula';
import { englishNames, numError, type EvaluationState, type ProcedureCall } from './plugin-support';

/** A calendar date as HyperFormula's date helper reads and writes it. */
interface CalendarDate {
	year: number;
	month: number;
	day: number;
}

/** The calendar conversions DATEDIF needs (HyperFormula's date helper provides them). */
export interface Calendar {
	toDate(serial: number): CalendarDate;
	toSerial(date: CalendarDate): number;
	daysInMonth(year: number, month: number): number;
}

/** Whether `later`'s month and day fall on or after `earlier`'s in a year. */
function onOrAfterInYear(later: CalendarDate, earlier: CalendarDate): boolean {
	return later.month > earlier.month || (later.month === earlier.month && later.day >= earlier.day);
}

/** DATEDIF's value for serials `startSerial` ≤ `endSerial` and a unit; #NUM! otherwise. */
export function dateDifference(
	calendar: Calendar,
	startSerial: number,
	endSerial: number,
	unit: string
): number | CellError {
	if (startSerial > endSerial) return numError('DATEDIF needs a start date before the end date.');
	const startDay = Math.floor(startSerial);
	const endDay = Math.floor(endSerial);
	const start = calendar.toDate(startDay);
	const end = calendar.toDate(endDay);
	const monthsShort = end.day < start.day ? 1 : 0;
	switch (unit.toUpperCase()) {
		case 'D':
			return endDay - startDay;
		case 'M':
			return (end.year - start.year) * 12 + (end.month - start.month) - monthsShort;
		case 'YM':
			return (12 + (end.month - start.month) - monthsShort) % 12;
		case 'Y':
			return end.year - start.year - (onOrAfterInYear(end, start) ? 0 : 1);
		case 'MD': {
			if (end.day >= start.day) return end.day - start.day;
			const month = end.month === 1 ? 12 : end.month - 1;
			const year = end.month === 1 ? end.year - 1 : end.year;
			return calendar.daysInMonth(year, month) + end.day - start.day;
		}
		case 'YD': {
			const year = onOrAfterInYear(end, start) ? end.year : end.year - 1;
			const lostLeapDay = start.day > calendar.daysInMonth(year, start.month);
			const moved = lostLeapDay ? { year, month: 3, day: 1 } : { ...start, year };
			return endDay - calendar.toSerial(moved);
		}
		default:
			return numError(`"${unit}" is not a DATEDIF unit.`);
	}
}

/** HyperFormula plugin replacing DATEDIF. */
export class DateDifferencePlugin extends FunctionPlugin {
	static implementedFunctions: ImplementedFunctions = {
		DATEDIF: {
			method: 'datedif',
			parameters: [
				{ argumentType: FunctionArgumentType.NUMBER, minValue: 0 },
				{ argumentType: FunctionArgumentType.NUMBER, minValue: 0 },
				{ argumentType: FunctionArgumentType.STRING }
			]
		}
	};

	/** DATEDIF(start_date, end_date, unit). */
	datedif(ast: ProcedureCall, state: EvaluationState) {
		const helper = this.dateTimeHelper;
		const calendar: Calendar = {
			toDate: (serial) => helper.numberToSimpleDate(serial),
			toSerial: (date) => helper.dateToNumber(date),
			daysInMonth: (year, month) => helper.daysInMonth(year, month)
		};
		return this.runFunction(ast.args, state, this.metadata('DATEDIF'), (start, end, unit) =>
			dateDifference(calendar, start, end, unit)
		);
	}
}

/** Translations for {@link DateDifferencePlugin}. */
export const DATE_DIFFERENCE_FUNCTION_NAMES = englishNames(
	DateDifferencePlugin.implementedFunctions
);
