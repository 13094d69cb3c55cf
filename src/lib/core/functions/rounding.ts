/**
 * ROUND, ROUNDUP and ROUNDDOWN as Excel computes them: on the value as shown to 15 significant
 * digits, in decimal. HyperFormula multiplies the binary double by a power of ten, so
 * `ROUND(1.005,2)` (stored as 1.00499999…) gave 1 and `ROUNDUP(0.1+0.2,1)` gave 0.4. INT rounds
 * down, as Excel's does (HyperFormula truncated toward zero: INT(-8.9) gave -8, not -9).
 */
import { FunctionArgumentType, FunctionPlugin, type ImplementedFunctions } from 'hyperformula';
import { englishNames, type EvaluationState, type ProcedureCall } from './plugin-support';

/** How a rounding function treats the discarded digits. */
export type RoundingMode = 'nearest' | 'up' | 'down';

/** Excel keeps (and shows) 15 significant decimal digits of a double. */
const SIGNIFICANT_DIGITS = 15;

/** `value` rounded to 15 significant digits, the number Excel shows and calculates with. */
export function toShownPrecision(value: number): number {
	if (value === 0 || !Number.isFinite(value)) return value;
	return Number(value.toPrecision(SIGNIFICANT_DIGITS));
}

/** `value` × 10^places computed on its decimal spelling, so no binary error creeps in. */
function shiftDecimalPoint(value: number, places: number): number {
	const [mantissa, exponent = '0'] = String(value).split('e');
	return Number(`${mantissa}e${Number(exponent) + places}`);
}

/**
 * `value` rounded to `digits` decimal places (negative: to the left of the point; fractions of
 * a digit are truncated, as in Excel): `nearest` rounds half away from zero, `up` away from
 * zero and `down` toward zero, all on the 15-digit decimal value.
 */
export function roundDecimal(value: number, digits: number, mode: RoundingMode): number {
	const places = Math.trunc(digits);
	const shown = toShownPrecision(value);
	if (shown === 0 || !Number.isFinite(shown)) return shown === 0 ? 0 : shown;
	const magnitude = Math.abs(shown);
	// Digits beyond the 15th are already gone: nothing left to round.
	if (places >= SIGNIFICANT_DIGITS - Math.floor(Math.log10(magnitude))) return shown;
	const scaled = shiftDecimalPoint(magnitude, places);
	const whole =
		mode === 'nearest'
			? Math.round(scaled)
			: mode === 'up'
				? Math.ceil(scaled)
				: Math.floor(scaled);
	if (whole === 0) return 0;
	return Math.sign(shown) * shiftDecimalPoint(whole, -places);
}

const ROUNDING_PARAMETERS = [
	{ argumentType: FunctionArgumentType.NUMBER },
	{ argumentType: FunctionArgumentType.NUMBER, defaultValue: 0 }
];

/** HyperFormula plugin replacing ROUND, ROUNDUP and ROUNDDOWN ({@link roundDecimal}) and INT. */
export class RoundingFunctionsPlugin extends FunctionPlugin {
	static implementedFunctions: ImplementedFunctions = {
		ROUND: { method: 'round', parameters: ROUNDING_PARAMETERS },
		ROUNDUP: { method: 'roundup', parameters: ROUNDING_PARAMETERS },
		ROUNDDOWN: { method: 'rounddown', parameters: ROUNDING_PARAMETERS },
		INT: { method: 'int', parameters: [{ argumentType: FunctionArgumentType.NUMBER }] }
	};

	/** INT(number): the largest integer not greater than `number`. */
	int(ast: ProcedureCall, state: EvaluationState) {
		return this.runFunction(ast.args, state, this.metadata('INT'), (value: number) =>
			Math.floor(value)
		);
	}

	/** ROUND(number, [num_digits]): half away from zero. */
	round(ast: ProcedureCall, state: EvaluationState) {
		return this.runFunction(ast.args, state, this.metadata('ROUND'), (value, digits) =>
			roundDecimal(value, digits, 'nearest')
		);
	}

	/** ROUNDUP(number, [num_digits]): away from zero. */
	roundup(ast: ProcedureCall, state: EvaluationState) {
		return this.runFunction(ast.args, state, this.metadata('ROUNDUP'), (value, digits) =>
			roundDecimal(value, digits, 'up')
		);
	}

	/** ROUNDDOWN(number, [num_digits]): toward zero. */
	rounddown(ast: ProcedureCall, state: EvaluationState) {
		return this.runFunction(ast.args, state, this.metadata('ROUNDDOWN'), (value, digits) =>
			roundDecimal(value, digits, 'down')
		);
	}
}

/** Translations for {@link RoundingFunctionsPlugin}. */
export const ROUNDING_FUNCTION_NAMES = englishNames(RoundingFunctionsPlugin.implementedFunctions);
