/**
 * RATE, the interest rate per period of an annuity, solved by Newton's method from `guess` as
 * HyperFormula does, with Excel's answer where no rate exists: #NUM!. For a type-1 annuity
 * (payments at the start of each period) every payment is multiplied by 1 + rate, so the
 * equation is also met, meaninglessly, as the rate approaches −100%: HyperFormula returned that
 * −1 (`RATE(204,197318,98659,0,1)`), where Excel finds no rate.
 */
import { FunctionArgumentType, FunctionPlugin, type ImplementedFunctions } from 'hyperformula';
import {
	englishNames,
	numError,
	valueError,
	type EvaluationState,
	type ProcedureCall
} from './plugin-support';

/** Newton's iterations before RATE gives up, and the tolerance on the rate equation. */
const MAX_ITERATIONS = 50;
const TOLERANCE = 1e-7;
/** Closer than this to −100%, a type-1 annuity's "rate" is the degenerate root 1 + rate = 0. */
const DEGENERATE_MARGIN = 1e-6;

/** The annuity's balance equation at `rate` and its derivative in the rate. */
function balance(rate: number, periods: number, payment: number, present: number, future: number, type: number) {
	if (Math.abs(rate) < TOLERANCE) {
		return {
			value: present * (1 + periods * rate) + payment * (1 + rate * type) * periods + future,
			slope: present * periods + payment * type * periods
		};
	}
	const growth = (1 + rate) ** periods;
	const growthSlope = periods * (1 + rate) ** (periods - 1);
	return {
		value: present * growth + payment * (1 / rate + type) * (growth - 1) + future,
		slope:
			present * growthSlope +
			payment * (1 / rate + type) * growthSlope -
			(payment / (rate * rate)) * (growth - 1)
	};
}

/**
 * RATE's value: the rate per period at which `present`, `periods` payments of `payment` (at the
 * start of each period when `type` is non-zero) and `future` balance; #NUM! when Newton's method
 * from `guess` finds none, #VALUE! for a guess ≤ −1.
 */
export function annuityRate(
	periods: number,
	payment: number,
	present: number,
	future: number,
	type: number,
	guess: number
) {
	if (guess <= -1) return valueError('RATE needs a guess above -100%.');
	const startOfPeriod = type ? 1 : 0;
	let rate = guess;
	for (let i = 0; i < MAX_ITERATIONS; i++) {
		if (rate <= -1) break;
		const { value, slope } = balance(rate, periods, payment, present, future, startOfPeriod);
		if (Math.abs(value) < TOLERANCE) {
			if (startOfPeriod && 1 + rate < DEGENERATE_MARGIN) break;
			return rate;
		}
		rate -= value / slope;
	}
	return numError('RATE found no rate for these cash flows.');
}

/** HyperFormula plugin replacing RATE. */
export class RatePlugin extends FunctionPlugin {
	static implementedFunctions: ImplementedFunctions = {
		RATE: {
			method: 'rate',
			parameters: [
				{ argumentType: FunctionArgumentType.NUMBER, greaterThan: 0 },
				{ argumentType: FunctionArgumentType.NUMBER },
				{ argumentType: FunctionArgumentType.NUMBER },
				{ argumentType: FunctionArgumentType.NUMBER, defaultValue: 0 },
				{ argumentType: FunctionArgumentType.NUMBER, defaultValue: 0 },
				{ argumentType: FunctionArgumentType.NUMBER, defaultValue: 0.1 }
			],
			// Like HyperFormula's own RATE, the result is shown as a percentage.
			returnNumberType: 'NUMBER_PERCENT' as never
		}
	};

	/** RATE(nper, pmt, pv, [fv], [type], [guess]). */
	rate(ast: ProcedureCall, state: EvaluationState) {
		return this.runFunction(ast.args, state, this.metadata('RATE'), annuityRate);
	}
}

/** Translations for {@link RatePlugin}. */
export const RATE_FUNCTION_NAMES = englishNames(RatePlugin.implementedFunctions);
