/**
 * Portfolio totals over property workbooks' published outputs (published-outputs.ts): amounts
 * are summed, rates are weighted as a lender or an investor computes them for the whole
 * portfolio, and the 10-year series are summed year by year. A property whose value for a name
 * is missing or an error is left out of that total, and the total says so (`incomplete`).
 */
import type { OutputValue } from './published-outputs';

/** What the totals read from one property. */
export interface PropertyOutputs {
	outputs: Record<string, OutputValue>;
}

/** The portfolio's totals. */
export interface PortfolioTotals {
	/** How many properties were totalled. */
	properties: number;
	MonthlyRent: number;
	EffectiveGrossIncome: number;
	OperatingExpenses: number;
	NOI: number;
	AnnualDebtService: number;
	CashFlow: number;
	TotalCashInvested: number;
	PropertyValue: number;
	LoanBalance: number;
	Equity: number;
	ScheduleENet: number;
	/** Total NOI ÷ total property value (null when there is no value). */
	CapRate: number | null;
	/** Total cash flow ÷ total cash invested. */
	CashOnCash: number | null;
	/** Total NOI ÷ total debt service. */
	DSCR: number | null;
	/** Each property's IRR weighted by the cash invested in it. */
	IRR: number | null;
	/** Year-by-year sums of the 10-year projections. */
	CashFlowByYear: number[];
	ValueByYear: number[];
	LoanBalanceByYear: number[];
	EquityByYear: number[];
	/** Names some property had no number for (left out of their totals). */
	incomplete: string[];
}

/** The summed amounts of {@link PortfolioTotals}. */
export const SUMMED_OUTPUTS = [
	'MonthlyRent',
	'EffectiveGrossIncome',
	'OperatingExpenses',
	'NOI',
	'AnnualDebtService',
	'CashFlow',
	'TotalCashInvested',
	'PropertyValue',
	'LoanBalance',
	'Equity',
	'ScheduleENet'
] as const;

/** The year-by-year series of {@link PortfolioTotals}. */
export const SERIES_OUTPUTS = [
	'CashFlowByYear',
	'ValueByYear',
	'LoanBalanceByYear',
	'EquityByYear'
] as const;

type Summed = (typeof SUMMED_OUTPUTS)[number];
type Series = (typeof SERIES_OUTPUTS)[number];

function numberOf(value: OutputValue | undefined): number | undefined {
	return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

function ratio(numerator: number, denominator: number): number | null {
	return denominator === 0 ? null : numerator / denominator;
}

/** Totals `properties`' outputs; see the module comment. */
export function computePortfolioTotals(properties: readonly PropertyOutputs[]): PortfolioTotals {
	const incomplete = new Set<string>();
	const sums = Object.fromEntries(SUMMED_OUTPUTS.map((name) => [name, 0])) as Record<
		Summed,
		number
	>;
	const series = Object.fromEntries(SERIES_OUTPUTS.map((name) => [name, [] as number[]])) as Record<
		Series,
		number[]
	>;
	let irrWeighted = 0;
	let irrWeight = 0;
	for (const { outputs } of properties) {
		for (const name of SUMMED_OUTPUTS) {
			const value = numberOf(outputs[name]);
			if (value === undefined) incomplete.add(name);
			else sums[name] += value;
		}
		for (const name of SERIES_OUTPUTS) {
			const values = outputs[name];
			if (!Array.isArray(values)) {
				incomplete.add(name);
				continue;
			}
			values.forEach((value, year) => {
				const number = numberOf(value);
				if (number === undefined) incomplete.add(name);
				series[name][year] = (series[name][year] ?? 0) + (number ?? 0);
			});
		}
		const irr = numberOf(outputs.IRR);
		const invested = numberOf(outputs.TotalCashInvested);
		if (irr === undefined || invested === undefined) incomplete.add('IRR');
		else {
			irrWeighted += irr * invested;
			irrWeight += invested;
		}
	}
	for (const name of ['CapRate', 'CashOnCash', 'DSCR']) {
		if (properties.some(({ outputs }) => numberOf(outputs[name]) === undefined)) {
			incomplete.add(name);
		}
	}
	return {
		properties: properties.length,
		...sums,
		CapRate: ratio(sums.NOI, sums.PropertyValue),
		CashOnCash: ratio(sums.CashFlow, sums.TotalCashInvested),
		DSCR: ratio(sums.NOI, sums.AnnualDebtService),
		IRR: ratio(irrWeighted, irrWeight),
		...series,
		incomplete: [...incomplete].sort()
	};
}
