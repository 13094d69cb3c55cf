/**
 * YEAR, MONTH and DAY with Excel's day zero: serial 0 (an empty cell, or a time alone) is
 * "0 January 1900", so YEAR gives 1900, MONTH 1 and DAY 0. HyperFormula read it as 31 December
 * 1899. Every other serial is read by HyperFormula's own calendar.
 */
import { FunctionArgumentType, FunctionPlugin, type ImplementedFunctions } from 'hyperformula';
import { englishNames, type EvaluationState, type ProcedureCall } from './plugin-support';

/** A calendar date as HyperFormula's date helper gives it. */
interface CalendarDate {
	year: number;
	month: number;
	day: number;
}

/** Excel's reading of day zero, the serials from 0 up to (not including) 1. */
const DAY_ZERO: CalendarDate = { year: 1900, month: 1, day: 0 };

const SERIAL = { parameters: [{ argumentType: FunctionArgumentType.NUMBER, minValue: 0 }] };

/** HyperFormula plugin replacing YEAR, MONTH and DAY. */
export class DatePartsPlugin extends FunctionPlugin {
	static implementedFunctions: ImplementedFunctions = {
		YEAR: { method: 'year', ...SERIAL },
		MONTH: { method: 'month', ...SERIAL },
		DAY: { method: 'day', ...SERIAL }
	};

	/** YEAR(serial_number). */
	year(ast: ProcedureCall, state: EvaluationState) {
		return this.runFunction(
			ast.args,
			state,
			this.metadata('YEAR'),
			(serial: number) => this.calendarDate(serial).year
		);
	}

	/** MONTH(serial_number). */
	month(ast: ProcedureCall, state: EvaluationState) {
		return this.runFunction(
			ast.args,
			state,
			this.metadata('MONTH'),
			(serial: number) => this.calendarDate(serial).month
		);
	}

	/** DAY(serial_number). */
	day(ast: ProcedureCall, state: EvaluationState) {
		return this.runFunction(
			ast.args,
			state,
			this.metadata('DAY'),
			(serial: number) => this.calendarDate(serial).day
		);
	}

	private calendarDate(serial: number): CalendarDate {
		return serial < 1 ? DAY_ZERO : this.dateTimeHelper.numberToSimpleDate(serial);
	}
}

/** Translations for {@link DatePartsPlugin}. */
export const DATE_PARTS_FUNCTION_NAMES = englishNames(DatePartsPlugin.implementedFunctions);
