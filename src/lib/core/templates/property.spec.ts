import { describe, expect, it } from 'vitest';
import { amortizationSchedule, irr, monthlyPayment } from '../finance';
import { listNames } from '../workbook-api';
import { seed } from './spec-support';

/**
 * The sample deal the property template ships with: a duplex bought for $350,000 with 25% down
 * on a 30-year loan at 6.5%, let at $1,650 + $1,550 a month plus $100 of other income.
 */
const SAMPLE = {
	price: 350_000,
	closingCosts: 7_000,
	rehab: 10_000,
	landPct: 0.2,
	downPct: 0.25,
	rate: 0.065,
	years: 30,
	unitRents: [1_650, 1_550],
	otherIncome: 100,
	vacancy: 0.05,
	// Annual, by Schedule E line; management is 8% of effective gross income.
	expenses: {
		advertising: 200,
		autoTravel: 300,
		cleaningMaintenance: 600,
		commissions: 0,
		insurance: 1_500,
		legalProfessional: 500,
		repairs: 2_400,
		supplies: 250,
		taxes: 4_200,
		utilities: 1_200,
		hoa: 0,
		other: 300
	},
	managementPct: 0.08,
	rentGrowth: 0.03,
	expenseGrowth: 0.025,
	appreciation: 0.03,
	holdYears: 7,
	saleCostsPct: 0.06
};

type Deal = typeof SAMPLE;

/** Every output computed by hand from the deal, independently of the workbook. */
function handMetrics(deal: Deal) {
	const loan = deal.price * (1 - deal.downPct);
	const payment = monthlyPayment(loan, deal.rate, deal.years);
	const debtService = 12 * payment;
	const rent = deal.unitRents.reduce((sum, r) => sum + r, 0);
	const egi = 12 * (rent * (1 - deal.vacancy) + deal.otherIncome);
	const fixedExpenses = Object.values(deal.expenses).reduce((sum, e) => sum + e, 0);
	const opex = fixedExpenses + deal.managementPct * egi;
	const noi = egi - opex;
	const cashFlow = noi - debtService;
	const invested = deal.price * deal.downPct + deal.closingCosts + deal.rehab;
	const gpi = 12 * (rent + deal.otherIncome);

	const schedule = amortizationSchedule(loan, deal.rate, deal.years);
	const flows = [-invested];
	for (let year = 1; year <= deal.holdYears; year++) {
		const growth = Math.pow(1 + deal.rentGrowth, year - 1);
		const egiYear = 12 * (rent * growth * (1 - deal.vacancy) + deal.otherIncome * growth);
		const opexYear =
			fixedExpenses * Math.pow(1 + deal.expenseGrowth, year - 1) + deal.managementPct * egiYear;
		const months = schedule.slice(12 * (year - 1), 12 * year);
		const debtYear = months.reduce((sum, m) => sum + m.payment, 0);
		let flow = egiYear - opexYear - debtYear;
		if (year === deal.holdYears) {
			const value = deal.price * Math.pow(1 + deal.appreciation, year);
			flow += value * (1 - deal.saleCostsPct) - months[11].balance;
		}
		flows.push(flow);
	}
	return {
		MonthlyPayment: payment,
		AnnualDebtService: debtService,
		EffectiveGrossIncome: egi,
		OperatingExpenses: opex,
		NOI: noi,
		CapRate: noi / deal.price,
		CashFlow: cashFlow,
		TotalCashInvested: invested,
		CashOnCash: cashFlow / invested,
		DSCR: noi / debtService,
		GRM: deal.price / (12 * rent),
		BreakEvenOccupancy: (opex + debtService) / gpi,
		IRR: irr(flows),
		equityMultiple: flows.slice(1).reduce((sum, f) => sum + f, 0) / invested
	};
}

const OUTPUTS = [
	'MonthlyPayment',
	'AnnualDebtService',
	'EffectiveGrossIncome',
	'OperatingExpenses',
	'NOI',
	'CapRate',
	'CashFlow',
	'TotalCashInvested',
	'CashOnCash',
	'DSCR',
	'GRM',
	'BreakEvenOccupancy',
	'IRR'
] as const;

const INPUTS = [
	'PurchasePrice',
	'ClosingCosts',
	'RehabCosts',
	'DownPaymentPct',
	'InterestRate',
	'LoanTermYears',
	'MonthlyRent',
	'OtherMonthlyIncome',
	'VacancyRate',
	'PropertyTaxes',
	'Insurance',
	'RepairsMaintenance',
	'Utilities',
	'HOA',
	'OtherExpenses',
	'ManagementFeePct'
];

/** Names published for the portfolio (property/published.ts); the ranges among them. */
const PUBLISHED_RANGES = [
	'CashFlowByYear',
	'ValueByYear',
	'LoanBalanceByYear',
	'EquityByYear',
	'LedgerDates',
	'LedgerAmounts',
	'LedgerLines'
];
const PUBLISHED = [
	'PropertyValue',
	'LoanBalance',
	'Equity',
	'TaxYear',
	'ScheduleENet',
	...PUBLISHED_RANGES
];

/** Relative closeness: HyperFormula rounds results to 10 significant digits. */
function expectClose(actual: number, expected: number, what: string): void {
	const tolerance = Math.max(1e-9, Math.abs(expected) * 1e-8);
	expect(Math.abs(actual - expected), `${what}: ${actual} vs ${expected}`).toBeLessThan(tolerance);
}

// Seeding and evaluating ~2,800 formulas takes a while on a busy machine.
const SLOW = { timeout: 30_000 };

/** One seeded sample for the tests that only read it. */
let shared: ReturnType<typeof seed> | undefined;
function sample() {
	shared ??= seed('property');
	return shared;
}

describe('property template', SLOW, () => {
	it('defines exactly the documented input and output names, each naming one cell', () => {
		const { doc, evaluator } = sample();
		const names = listNames(doc, evaluator);
		expect(names.map((n) => n.name).sort()).toEqual([...INPUTS, ...OUTPUTS, ...PUBLISHED].sort());
		for (const { name, ref } of names) {
			if (PUBLISHED_RANGES.includes(name))
				expect(ref).toMatch(/^[A-Za-z]+!\$[A-Z]+\$\d+:\$[A-Z]+\$\d+$/);
			else expect(ref).toMatch(/^[A-Za-z]+!\$[A-Z]+\$\d+$/);
		}
	});

	it('seeds the sample deal so every input name holds its documented value', () => {
		const book = sample();
		expect(book.name('PurchasePrice')).toBe(SAMPLE.price);
		expect(book.name('ClosingCosts')).toBe(SAMPLE.closingCosts);
		expect(book.name('RehabCosts')).toBe(SAMPLE.rehab);
		expect(book.name('DownPaymentPct')).toBe(SAMPLE.downPct);
		expect(book.name('InterestRate')).toBe(SAMPLE.rate);
		expect(book.name('LoanTermYears')).toBe(SAMPLE.years);
		expect(book.name('OtherMonthlyIncome')).toBe(SAMPLE.otherIncome);
		expect(book.name('VacancyRate')).toBe(SAMPLE.vacancy);
		expect(book.name('PropertyTaxes')).toBe(SAMPLE.expenses.taxes);
		expect(book.name('Insurance')).toBe(SAMPLE.expenses.insurance);
		expect(book.name('RepairsMaintenance')).toBe(SAMPLE.expenses.repairs);
		expect(book.name('Utilities')).toBe(SAMPLE.expenses.utilities);
		expect(book.name('HOA')).toBe(SAMPLE.expenses.hoa);
		expect(book.name('OtherExpenses')).toBe(SAMPLE.expenses.other);
		expect(book.name('ManagementFeePct')).toBe(SAMPLE.managementPct);
	});

	it('computes every output of the sample deal as the hand computation does', () => {
		const book = sample();
		const expected = handMetrics(SAMPLE);
		for (const output of OUTPUTS) expectClose(book.name(output), expected[output], output);
		expectClose(book.num('Projection', 'B19'), expected.equityMultiple, 'equity multiple');
		// The figures a reader of the sample sees, to the cent or basis point.
		expect(book.name('MonthlyPayment')).toBeCloseTo(1659.18, 2);
		expect(book.name('NOI')).toBeCloseTo(23215.6, 2);
		expect(book.name('CashFlow')).toBeCloseTo(3305.46, 2);
		expect(book.name('CapRate')).toBeCloseTo(0.0663, 4);
	});

	it('moves every output when the purchase price changes', () => {
		const book = seed('property');
		book.type({ PurchasePrice: '400000' });
		const expected = handMetrics({ ...SAMPLE, price: 400_000 });
		for (const output of OUTPUTS) expectClose(book.name(output), expected[output], output);
	});

	it('moves the outputs when financing, vacancy and expenses change', () => {
		const book = seed('property');
		book.type({
			InterestRate: '7.25%',
			DownPaymentPct: '30%',
			VacancyRate: '8%',
			PropertyTaxes: '5000',
			HOA: '600'
		});
		const expected = handMetrics({
			...SAMPLE,
			rate: 0.0725,
			downPct: 0.3,
			vacancy: 0.08,
			expenses: { ...SAMPLE.expenses, taxes: 5000, hoa: 600 }
		});
		for (const output of OUTPUTS) expectClose(book.name(output), expected[output], output);
	});

	it('takes MonthlyRent from the sum of the Units rents, and the manual rent when none is listed', () => {
		const book = seed('property');
		expect(book.name('MonthlyRent')).toBe(1_650 + 1_550);
		expect(book.num('Units', 'J1')).toBe(book.name('MonthlyRent'));
		book.type({ E4: '1200' }, 'Units');
		expect(book.name('MonthlyRent')).toBe(1_650 + 1_550 + 1_200);
		book.type({ E2: '', E3: '', E4: '' }, 'Units');
		expect(book.name('MonthlyRent')).toBe(book.num('Assumptions', 'B19'));
	});

	it('amortises the loan to exactly zero on the last payment of the term', () => {
		const book = sample();
		const loan = SAMPLE.price * (1 - SAMPLE.downPct);
		const schedule = amortizationSchedule(loan, SAMPLE.rate, SAMPLE.years);
		// Row 2 is period 0; period n is row n + 2.
		expect(book.num('Loan', 'E2')).toBe(loan);
		expect(book.num('Loan', 'A362')).toBe(360);
		expect(Math.abs(book.num('Loan', 'E362'))).toBeLessThan(0.005);
		expect(book.num('Loan', 'E362')).toBeGreaterThanOrEqual(0);
		expect(book.num('Loan', 'E361')).toBeCloseTo(schedule[358].balance, 4);
		expect(book.num('Loan', 'C3')).toBeCloseTo(schedule[0].interest, 6);
		const interestYear1 = schedule.slice(0, 12).reduce((sum, m) => sum + m.interest, 0);
		expect(book.num('Loan', 'H2')).toBeCloseTo(interestYear1, 4);
		expect(book.num('Assumptions', 'B42')).toBeCloseTo(interestYear1, 4);
	});

	it('shortens the schedule with the term, leaving later months blank', () => {
		const book = seed('property');
		book.type({ LoanTermYears: '15' });
		expect(Math.abs(book.num('Loan', 'E182'))).toBeLessThan(0.005);
		expect(book.value('Loan', 'B183')).toBe('');
		expect(book.num('Loan', 'K16')).toBe(0);
		expect(book.name('MonthlyPayment')).toBeCloseTo(monthlyPayment(262_500, SAMPLE.rate, 15), 6);
	});

	it('depreciates at the IRS Table A-6 rates for the month placed in service', () => {
		const book = seed('property');
		const rate = (year: number) => book.num('Depreciation', `E${9 + year}`);
		// Table A-6 rounds to three decimals of a percent.
		const percent = (year: number) => Math.round(rate(year) * 100_000) / 1000;
		book.type({ B2: '1' }, 'Depreciation');
		expect(percent(1)).toBe(3.485);
		expect(percent(2)).toBe(3.636);
		expect(percent(15)).toBe(3.636);
		expect(percent(28)).toBe(1.97);
		book.type({ B2: '7' }, 'Depreciation');
		expect(percent(1)).toBe(1.667);
		expect(percent(27)).toBe(3.636);
		book.type({ B2: '12' }, 'Depreciation');
		expect(percent(1)).toBe(0.152);
		expect(percent(29)).toBe(1.667);
		expect(book.num('Depreciation', 'E39')).toBeCloseTo(1, 10);
	});

	it('depreciates price plus capitalised costs less land', () => {
		const book = sample();
		const basis = SAMPLE.price + SAMPLE.closingCosts + SAMPLE.rehab - SAMPLE.price * SAMPLE.landPct;
		expect(book.num('Depreciation', 'B6')).toBeCloseTo(basis, 6);
		expect(book.num('Depreciation', 'F10')).toBeCloseTo((basis * 11.5) / 12 / 27.5, 6);
		expect(book.num('Depreciation', 'F39')).toBeCloseTo(basis, 4);
	});

	it('sums year one month by month to the annual NOI and cash flow', () => {
		const book = sample();
		expect(book.num('Cash flow', 'N8')).toBeCloseTo(book.name('NOI'), 6);
		expect(book.num('Cash flow', 'N10')).toBeCloseTo(book.name('CashFlow'), 6);
		expect(book.num('Cash flow', 'B9')).toBeCloseTo(-book.name('MonthlyPayment'), 6);
		expect(book.num('Projection', 'C8')).toBeCloseTo(book.name('NOI'), 6);
	});

	it('compares ledger actuals with the plan per Schedule E line for the tax year', () => {
		const book = seed('property');
		// Row 4 is line 3 (rents); lines 5–19 follow in rows 5–19.
		expect(book.num('Ledger', 'K4')).toBe(2 * (1_650 + 1_550));
		expect(book.num('Ledger', 'J4')).toBeCloseTo(book.name('EffectiveGrossIncome'), 6);
		expect(book.num('Ledger', 'K9')).toBe(1_500);
		expect(book.num('Ledger', 'J9')).toBe(SAMPLE.expenses.insurance);
		expect(book.num('Ledger', 'L9')).toBe(0);
		expect(book.num('Ledger', 'K16')).toBe(2_100);
		book.type({ A12: '2025-06-30', B12: 'Roofer', C12: '900', D12: '14' }, 'Ledger');
		expect(book.num('Ledger', 'K14')).toBe(380 + 900);
		book.type({ I1: '2026' }, 'Ledger');
		expect(book.num('Ledger', 'K14')).toBe(0);
	});

	it('evaluates every cell without an error', () => {
		expect(sample().errors()).toEqual([]);
	});
});
