/**
 * Small finance helpers the workbook templates use to pre-compute and cross-check their
 * figures (mortgage payments, amortization, IRR, rental-property depreciation). Amounts are
 * positive numbers of money; rates are annual fractions (0.065 for 6.5%).
 */

/** One month of a loan's amortization schedule; `balance` is what is owed after the payment. */
export type AmortizationRow = {
	period: number;
	payment: number;
	interest: number;
	principal: number;
	balance: number;
};

function assertLoanTerms(principal: number, annualRate: number, years: number): void {
	if (!Number.isFinite(principal) || principal < 0) {
		throw new RangeError(`A loan principal must be a non-negative number, not ${principal}`);
	}
	if (!Number.isFinite(annualRate) || annualRate < 0) {
		throw new RangeError(`An interest rate must be a non-negative number, not ${annualRate}`);
	}
	if (!Number.isFinite(years) || years <= 0 || !Number.isInteger(years * 12)) {
		throw new RangeError(`A loan term must be a positive whole number of months, not ${years}`);
	}
}

/**
 * The fixed monthly payment (a positive amount) that repays `principal` over `years` at
 * `annualRate` compounded monthly — Excel's `-PMT(annualRate/12, years*12, principal)`.
 *
 * @throws RangeError for a negative principal or rate, or a term that is not whole months.
 */
export function monthlyPayment(principal: number, annualRate: number, years: number): number {
	assertLoanTerms(principal, annualRate, years);
	const months = years * 12;
	const rate = annualRate / 12;
	if (rate === 0) return principal / months;
	return (principal * rate) / (1 - Math.pow(1 + rate, -months));
}

/**
 * Month-by-month schedule of a fixed-rate loan: interest on the opening balance, the rest of
 * the payment against principal. The final row repays exactly what is left, so its balance
 * is 0 (its payment may differ from the others by floating-point dust).
 *
 * @throws RangeError as {@link monthlyPayment} does.
 */
export function amortizationSchedule(
	principal: number,
	annualRate: number,
	years: number
): AmortizationRow[] {
	const payment = monthlyPayment(principal, annualRate, years);
	const months = years * 12;
	const rate = annualRate / 12;
	const rows: AmortizationRow[] = [];
	let balance = principal;
	for (let period = 1; period <= months; period++) {
		const interest = balance * rate;
		const last = period === months;
		const principalPart = last ? balance : payment - interest;
		balance = last ? 0 : balance - principalPart;
		rows.push({
			period,
			payment: last ? interest + principalPart : payment,
			interest,
			principal: principalPart,
			balance
		});
	}
	return rows;
}

function npvAt(rate: number, cashFlows: readonly number[]): number {
	return cashFlows.reduce((sum, flow, t) => sum + flow / Math.pow(1 + rate, t), 0);
}

/**
 * The internal rate of return per period of `cashFlows` (the first at time 0, one per period
 * after), i.e. the rate at which their net present value is 0 — Excel's `IRR`. Newton's method
 * from `guess`, falling back to bisection when Newton does not converge.
 *
 * @throws RangeError when the flows do not include both a positive and a negative amount, or
 *   no rate above -100% makes the NPV zero.
 */
export function irr(cashFlows: readonly number[], guess = 0.1): number {
	if (!cashFlows.some((flow) => flow > 0) || !cashFlows.some((flow) => flow < 0)) {
		throw new RangeError('IRR needs at least one positive and one negative cash flow');
	}
	let rate = guess;
	for (let i = 0; i < 100; i++) {
		const value = npvAt(rate, cashFlows);
		const slope = cashFlows.reduce(
			(sum, flow, t) => sum - (t * flow) / Math.pow(1 + rate, t + 1),
			0
		);
		if (slope === 0 || !Number.isFinite(value)) break;
		const next = rate - value / slope;
		if (!Number.isFinite(next) || next <= -1) break;
		if (Math.abs(next - rate) < 1e-12) return next;
		rate = next;
	}
	return bisectIrr(cashFlows);
}

function bisectIrr(cashFlows: readonly number[]): number {
	let low = -1 + 1e-9;
	let high = 1;
	while (Math.sign(npvAt(low, cashFlows)) === Math.sign(npvAt(high, cashFlows))) {
		high *= 2;
		if (high > 1e6) throw new RangeError('No rate of return makes these cash flows break even');
	}
	for (let i = 0; i < 200 && high - low > 1e-14; i++) {
		const mid = (low + high) / 2;
		if (Math.sign(npvAt(mid, cashFlows)) === Math.sign(npvAt(low, cashFlows))) low = mid;
		else high = mid;
	}
	return (low + high) / 2;
}

/** GDS recovery period of residential rental property, in years (IRS Pub 946, Table A-6). */
const RESIDENTIAL_RECOVERY_YEARS = 27.5;

/**
 * Depreciation deduction for recovery `year` (1 = the year placed in service) of residential
 * rental property with depreciable `basis`, placed in service in `monthPlacedInService`
 * (1–12): straight line over 27.5 years with the mid-month convention, as IRS Publication 946
 * Table A-6 tabulates (year 1 is 3.485% for January … 0.152% for December; full years 3.636%).
 * Uses the exact fractions the table rounds, so the yearly amounts sum to `basis`. Years after
 * the recovery period give 0.
 *
 * @throws RangeError for a negative basis, a month outside 1–12 or a year below 1.
 */
export function straightLineDepreciationMidMonth(
	basis: number,
	monthPlacedInService: number,
	year: number
): number {
	if (!Number.isFinite(basis) || basis < 0) {
		throw new RangeError(`A depreciable basis must be a non-negative number, not ${basis}`);
	}
	if (
		!Number.isInteger(monthPlacedInService) ||
		monthPlacedInService < 1 ||
		monthPlacedInService > 12
	) {
		throw new RangeError(
			`The month placed in service must be 1 to 12, not ${monthPlacedInService}`
		);
	}
	if (!Number.isInteger(year) || year < 1) {
		throw new RangeError(`A recovery year must be 1 or later, not ${year}`);
	}
	// Mid-month: the month placed in service counts as half a month.
	const firstYear = (12 - monthPlacedInService + 0.5) / 12;
	const before = year === 1 ? 0 : firstYear + (year - 2);
	const during = year === 1 ? firstYear : 1;
	const remaining = Math.max(0, RESIDENTIAL_RECOVERY_YEARS - before);
	return (basis * Math.min(during, remaining)) / RESIDENTIAL_RECOVERY_YEARS;
}
