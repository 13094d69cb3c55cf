/**
 * The interest and principal parts of an annuity's payments: IPMT, PPMT, CUMIPMT and CUMPRINC
 * with Excel's argument rules. HyperFormula returned numbers for a period outside 1…nper (Excel
 * gives #NUM!) and refused fractional periods in CUMIPMT/CUMPRINC (Excel truncates them).
 */
import { FunctionArgumentType, FunctionPlugin, type ImplementedFunctions } from 'hyperformula';
import { englishNames, numError, type EvaluationState, type ProcedureCall } from './plugin-support';

/** An annuity: `rate` per period, `periods` payments, present and future value, paid at the start of each period when `inAdvance`. */
export interface Annuity {
	rate: number;
	periods: number;
	present: number;
	future: number;
	inAdvance: boolean;
}

/** The payment per period (PMT), negative when `present` is a positive loan. */
export function annuityPayment({ rate, periods, present, future, inAdvance }: Annuity): number {
	if (rate === 0) return -(present + future) / periods;
	const growth = (1 + rate) ** periods;
	return (-rate * (future + present * growth)) / ((inAdvance ? 1 + rate : 1) * (growth - 1));
}

/** The value after `elapsed` periods of paying `payment` on `present` (FV). */
function valueAfter(
	rate: number,
	elapsed: number,
	payment: number,
	present: number,
	inAdvance: boolean
) {
	if (rate === 0) return -(present + payment * elapsed);
	const growth = (1 + rate) ** elapsed;
	return -(present * growth + (payment * (inAdvance ? 1 + rate : 1) * (growth - 1)) / rate);
}

/** The interest part of payment `period` (1-based; may be fractional, as in Excel). */
export function interestPart(annuity: Annuity, period: number): number {
	const payment = annuityPayment(annuity);
	const { rate, present, inAdvance } = annuity;
	// Paid in advance, the first payment comes before any interest has accrued.
	if (period === 1) return inAdvance ? 0 : -present * rate;
	const balance = inAdvance
		? valueAfter(rate, period - 2, payment, present, true) - payment
		: valueAfter(rate, period - 1, payment, present, false);
	return balance * rate;
}

/** The principal part of payment `period`: the payment less its interest. */
export function principalPart(annuity: Annuity, period: number): number {
	return annuityPayment(annuity) - interestPart(annuity, period);
}

/** CUMIPMT's and CUMPRINC's arguments: rate, nper, pv, start_period, end_period, type. */
export type CumulativeArguments = [number, number, number, number, number, number];

/**
 * The sum of `part` over payments `start`…`end` of a loan of `present` with no balloon, the
 * CUMIPMT/CUMPRINC way: #NUM! unless rate > 0, periods > 0, present > 0,
 * 1 ≤ start ≤ end ≤ periods and type is 0 or 1; then the start and end periods are truncated
 * to whole payments (the number of periods is not: it sets the payment, as in Excel's
 * Analysis ToolPak original and LibreOffice).
 */
export function cumulativePart(
	part: (annuity: Annuity, period: number) => number,
	...[rate, periods, present, start, end, type]: CumulativeArguments
) {
	if (rate <= 0 || periods <= 0 || present <= 0) {
		return numError('The rate, number of periods and present value must be positive.');
	}
	if (start < 1 || end < start || end > periods) {
		return numError('The periods must satisfy 1 ≤ start ≤ end ≤ number of periods.');
	}
	if (type !== 0 && type !== 1) return numError('The type must be 0 or 1.');
	const annuity = { rate, periods, present, future: 0, inAdvance: type === 1 };
	let total = 0;
	for (let period = Math.trunc(start); period <= Math.trunc(end); period++) {
		total += part(annuity, period);
	}
	return total;
}

const PAYMENT_PARAMETERS = [
	{ argumentType: FunctionArgumentType.NUMBER },
	{ argumentType: FunctionArgumentType.NUMBER },
	{ argumentType: FunctionArgumentType.NUMBER },
	{ argumentType: FunctionArgumentType.NUMBER },
	{ argumentType: FunctionArgumentType.NUMBER, defaultValue: 0 },
	{ argumentType: FunctionArgumentType.NUMBER, defaultValue: 0 }
];

const CUMULATIVE_PARAMETERS = Array.from({ length: 6 }, () => ({
	argumentType: FunctionArgumentType.NUMBER
}));

function paymentPartOrError(
	part: (annuity: Annuity, period: number) => number,
	...[rate, period, periods, present, future, type]: number[]
) {
	if (period < 1 || period > periods) {
		return numError('The period must be between 1 and the number of periods.');
	}
	return part({ rate, periods, present, future, inAdvance: type !== 0 }, period);
}

/** HyperFormula plugin replacing IPMT, PPMT, CUMIPMT and CUMPRINC. */
export class LoanScheduleFunctionsPlugin extends FunctionPlugin {
	static implementedFunctions: ImplementedFunctions = {
		IPMT: { method: 'ipmt', parameters: PAYMENT_PARAMETERS },
		PPMT: { method: 'ppmt', parameters: PAYMENT_PARAMETERS },
		CUMIPMT: { method: 'cumipmt', parameters: CUMULATIVE_PARAMETERS },
		CUMPRINC: { method: 'cumprinc', parameters: CUMULATIVE_PARAMETERS }
	};

	/** IPMT(rate, per, nper, pv, [fv], [type]): #NUM! unless 1 ≤ per ≤ nper. */
	ipmt(ast: ProcedureCall, state: EvaluationState) {
		return this.runFunction(ast.args, state, this.metadata('IPMT'), (...args: number[]) =>
			paymentPartOrError(interestPart, ...args)
		);
	}

	/** PPMT(rate, per, nper, pv, [fv], [type]): #NUM! unless 1 ≤ per ≤ nper. */
	ppmt(ast: ProcedureCall, state: EvaluationState) {
		return this.runFunction(ast.args, state, this.metadata('PPMT'), (...args: number[]) =>
			paymentPartOrError(principalPart, ...args)
		);
	}

	/** CUMIPMT(rate, nper, pv, start_period, end_period, type). */
	cumipmt(ast: ProcedureCall, state: EvaluationState) {
		return this.runFunction(
			ast.args,
			state,
			this.metadata('CUMIPMT'),
			(...args: CumulativeArguments) => cumulativePart(interestPart, ...args)
		);
	}

	/** CUMPRINC(rate, nper, pv, start_period, end_period, type). */
	cumprinc(ast: ProcedureCall, state: EvaluationState) {
		return this.runFunction(
			ast.args,
			state,
			this.metadata('CUMPRINC'),
			(...args: CumulativeArguments) => cumulativePart(principalPart, ...args)
		);
	}
}

/** Translations for {@link LoanScheduleFunctionsPlugin}. */
export const LOAN_SCHEDULE_FUNCTION_NAMES = englishNames(
	LoanScheduleFunctionsPlugin.implementedFunctions
);
