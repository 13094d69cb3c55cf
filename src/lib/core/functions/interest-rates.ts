/**
 * NOMINAL and EFFECT, converting between a nominal annual rate compounded `npery` times a year
 * and the effective annual rate, with Excel's domain: #NUM! for a rate ≤ 0 or fewer than one
 * compounding period (HyperFormula answered NOMINAL(0,12) with 0).
 */
import { FunctionArgumentType, FunctionPlugin, type ImplementedFunctions } from 'hyperformula';
import { englishNames, numError, type EvaluationState, type ProcedureCall } from './plugin-support';

/** The nominal annual rate for `effectRate` compounded `perYear` times (truncated) a year. */
export function nominalRate(effectRate: number, perYear: number) {
	const periods = Math.trunc(perYear);
	if (effectRate <= 0 || periods < 1) {
		return numError('NOMINAL needs a positive rate and at least one period a year.');
	}
	return periods * ((1 + effectRate) ** (1 / periods) - 1);
}

/** The effective annual rate of `nominal` compounded `perYear` times (truncated) a year. */
export function effectiveRate(nominal: number, perYear: number) {
	const periods = Math.trunc(perYear);
	if (nominal <= 0 || periods < 1) {
		return numError('EFFECT needs a positive rate and at least one period a year.');
	}
	return (1 + nominal / periods) ** periods - 1;
}

const RATE_PARAMETERS = [
	{ argumentType: FunctionArgumentType.NUMBER },
	{ argumentType: FunctionArgumentType.NUMBER }
];

/** HyperFormula plugin replacing NOMINAL and EFFECT. */
export class InterestRateFunctionsPlugin extends FunctionPlugin {
	static implementedFunctions: ImplementedFunctions = {
		NOMINAL: { method: 'nominal', parameters: RATE_PARAMETERS },
		EFFECT: { method: 'effect', parameters: RATE_PARAMETERS }
	};

	/** NOMINAL(effect_rate, npery). */
	nominal(ast: ProcedureCall, state: EvaluationState) {
		return this.runFunction(ast.args, state, this.metadata('NOMINAL'), nominalRate);
	}

	/** EFFECT(nominal_rate, npery). */
	effect(ast: ProcedureCall, state: EvaluationState) {
		return this.runFunction(ast.args, state, this.metadata('EFFECT'), effectiveRate);
	}
}

/** Translations for {@link InterestRateFunctionsPlugin}. */
export const INTEREST_RATE_FUNCTION_NAMES = englishNames(
	InterestRateFunctionsPlugin.implementedFunctions
);
