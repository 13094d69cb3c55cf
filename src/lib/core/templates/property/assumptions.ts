/**
 * The property template's Assumptions sheet: every input of the deal (purchase, financing,
 * income, expenses by Schedule E line, growth and sale) with its defined name, and the Key
 * metrics block whose cells carry the output names (MonthlyPayment … IRR).
 */
import { FORMATS, SheetBuilder, type LabelledRow } from '../builder';
import { DEPRECIATION, LOAN, MAX_LOAN_YEARS, PROJECTION, SHEETS, UNITS, sheetRef } from './layout';

const { money, percent, integer, multiple, number } = FORMATS;

const unitRents = sheetRef(
	SHEETS.units,
	`$${UNITS.rentColumn}$${UNITS.firstRow}:$${UNITS.rentColumn}$${UNITS.lastRow}`
);

const PURCHASE: LabelledRow[] = [
	{ label: 'Purchase', heading: true },
	{ label: 'Purchase price', value: 350000, format: money, name: 'PurchasePrice' },
	{ label: 'Closing costs', value: 7000, format: money, name: 'ClosingCosts' },
	{ label: 'Rehab costs', value: 10000, format: money, name: 'RehabCosts' },
	{
		label: 'Land value (% of price)',
		value: 0.2,
		format: percent,
		key: 'landPct',
		note: 'Land is not depreciable; use the assessor’s land-to-total ratio'
	},
	{ label: 'Land value', value: '=PurchasePrice*B7', format: money, key: 'landValue' },
	{
		label: 'Capitalised costs added to basis',
		value: '=ClosingCosts+RehabCosts',
		format: money,
		key: 'capitalisedCosts',
		note: 'Closing and rehab costs capitalised into the depreciable basis; edit if some are deductible'
	}
];

const FINANCING: LabelledRow[] = [
	{ label: 'Financing', heading: true },
	{ label: 'Down payment (% of price)', value: 0.25, format: percent, name: 'DownPaymentPct' },
	{ label: 'Down payment', value: '=PurchasePrice*DownPaymentPct', format: money, key: 'down' },
	{ label: 'Loan amount', value: '=PurchasePrice-B13', format: money, key: 'loanAmount' },
	{ label: 'Interest rate (annual)', value: 0.065, format: percent, name: 'InterestRate' },
	{
		label: 'Loan term (years)',
		value: 30,
		format: integer,
		name: 'LoanTermYears',
		note: `Whole years, 1 to ${MAX_LOAN_YEARS}; the Loan sheet has rows for the longest term`
	}
];

const INCOME: LabelledRow[] = [
	{ label: 'Income', heading: true },
	{
		label: 'Monthly rent when no units are listed',
		value: 3000,
		format: money,
		key: 'manualRent',
		note: 'Used only while the Units sheet has no rent'
	},
	{
		label: 'Monthly rent (all units)',
		value: `=IF(COUNT(${unitRents})>0,SUM(${unitRents}),B19)`,
		format: money,
		name: 'MonthlyRent',
		note: 'Sum of the Units sheet’s rents'
	},
	{ label: 'Other monthly income', value: 100, format: money, name: 'OtherMonthlyIncome' },
	{ label: 'Vacancy rate', value: 0.05, format: percent, name: 'VacancyRate' }
];

/** Rows 25–39: annual operating expenses, labelled with their Schedule E line. */
const EXPENSES: LabelledRow[] = [
	{ label: 'Operating expenses (annual, by Schedule E line)', heading: true },
	{ label: '5 Advertising', value: 200, format: money, key: 'line5' },
	{ label: '6 Auto and travel', value: 300, format: money, key: 'line6' },
	{ label: '7 Cleaning and maintenance', value: 600, format: money, key: 'line7' },
	{ label: '8 Commissions', value: 0, format: money, key: 'line8' },
	{ label: '9 Insurance', value: 1500, format: money, name: 'Insurance', key: 'line9' },
	{ label: '10 Legal and other professional fees', value: 500, format: money, key: 'line10' },
	{
		label: '11 Management fee (% of effective gross income)',
		value: 0.08,
		format: percent,
		name: 'ManagementFeePct'
	},
	{
		label: '11 Management fees',
		value: '=ManagementFeePct*EffectiveGrossIncome',
		format: money,
		key: 'line11'
	},
	{ label: '14 Repairs', value: 2400, format: money, name: 'RepairsMaintenance', key: 'line14' },
	{ label: '15 Supplies', value: 250, format: money, key: 'line15' },
	{ label: '16 Taxes', value: 4200, format: money, name: 'PropertyTaxes', key: 'line16' },
	{ label: '17 Utilities', value: 1200, format: money, name: 'Utilities', key: 'line17' },
	{ label: '19 Other: HOA dues', value: 0, format: money, name: 'HOA' },
	{ label: '19 Other: other expenses', value: 300, format: money, name: 'OtherExpenses' },
	{
		label: 'Operating expenses before management fee',
		value: '=SUM(B25:B30)+SUM(B33:B38)',
		format: money,
		key: 'opexBeforeMgmt',
		note: 'Lines 5–10, 14–17 and 19; mortgage and other interest are financing, not operating'
	}
];

const FINANCING_COSTS: LabelledRow[] = [
	{ label: 'Financing costs (Schedule E, not operating expenses)', heading: true },
	{
		label: '12 Mortgage interest (year 1)',
		value: `=${sheetRef(SHEETS.loan, `$H$${LOAN.summaryFirstRow}`)}`,
		format: money,
		key: 'line12',
		note: 'From the Loan sheet'
	},
	{ label: '13 Other interest', value: 0, format: money, key: 'line13' }
];

const GROWTH: LabelledRow[] = [
	{ label: 'Growth and sale', heading: true },
	{ label: 'Rent growth (annual)', value: 0.03, format: percent, key: 'rentGrowth' },
	{ label: 'Expense growth (annual)', value: 0.025, format: percent, key: 'expenseGrowth' },
	{ label: 'Appreciation (annual)', value: 0.03, format: percent, key: 'appreciation' },
	{
		label: 'Holding period (years)',
		value: 7,
		format: integer,
		key: 'holdYears',
		note: 'Whole years, 1 to 10; the sale happens at the end of the last year'
	},
	{ label: 'Sale costs (% of sale price)', value: 0.06, format: percent, key: 'saleCostsPct' }
];

const BREAK_EVEN_NOTE =
	'(Operating expenses + annual debt service) ÷ gross potential income (12 × (rent + other income)); ' +
	'operating expenses include the management fee at the assumed vacancy';

const KEY_METRICS: LabelledRow[] = [
	{ label: 'Key metrics', heading: true },
	{
		label: 'Monthly payment',
		value: '=PMT(InterestRate/12,LoanTermYears*12,-B14)',
		format: money,
		name: 'MonthlyPayment'
	},
	{
		label: 'Annual debt service',
		value: '=12*MonthlyPayment',
		format: money,
		name: 'AnnualDebtService'
	},
	{
		label: 'Gross potential income (annual)',
		value: '=12*(MonthlyRent+OtherMonthlyIncome)',
		format: money,
		key: 'gpi'
	},
	{
		label: 'Effective gross income',
		value: '=12*(MonthlyRent*(1-VacancyRate)+OtherMonthlyIncome)',
		format: money,
		name: 'EffectiveGrossIncome'
	},
	{ label: 'Operating expenses', value: '=B39+B32', format: money, name: 'OperatingExpenses' },
	{
		label: 'Net operating income',
		value: '=EffectiveGrossIncome-OperatingExpenses',
		format: money,
		name: 'NOI'
	},
	{ label: 'Cap rate', value: '=NOI/PurchasePrice', format: percent, name: 'CapRate' },
	{ label: 'Annual cash flow', value: '=NOI-AnnualDebtService', format: money, name: 'CashFlow' },
	{
		label: 'Total cash invested',
		value: '=B13+ClosingCosts+RehabCosts',
		format: money,
		name: 'TotalCashInvested',
		note: 'Down payment + closing costs + rehab'
	},
	{
		label: 'Cash-on-cash return',
		value: '=CashFlow/TotalCashInvested',
		format: percent,
		name: 'CashOnCash'
	},
	{
		label: 'Debt service coverage ratio',
		value: '=IF(AnnualDebtService>0,NOI/AnnualDebtService,"no debt")',
		format: number,
		name: 'DSCR'
	},
	{
		label: 'Gross rent multiplier',
		value: '=PurchasePrice/(12*MonthlyRent)',
		format: number,
		name: 'GRM',
		note: 'Price ÷ annual scheduled rent'
	},
	{
		label: 'Break-even occupancy',
		value: '=(OperatingExpenses+AnnualDebtService)/B55',
		format: percent,
		name: 'BreakEvenOccupancy',
		note: BREAK_EVEN_NOTE
	},
	{
		label: 'IRR (holding period)',
		value: `=${sheetRef(SHEETS.projection, PROJECTION.irr)}`,
		format: percent,
		name: 'IRR',
		note: 'From the Projection sheet'
	},
	{
		label: 'Equity multiple (holding period)',
		value: `=${sheetRef(SHEETS.projection, PROJECTION.equityMultiple)}`,
		format: multiple,
		key: 'equityMultiple'
	},
	{
		label: 'Depreciation (year 1)',
		value: `=${sheetRef(SHEETS.depreciation, DEPRECIATION.firstYearAmount)}`,
		format: money,
		key: 'depreciationY1'
	}
];

/**
 * Builds the Assumptions sheet. Row numbers are part of its contract (formulas above refer to
 * B7, B13, B14, B19, B25–B39 and B55): {@link assertLayout} checks them when it is built.
 */
export function buildAssumptions(): SheetBuilder {
	const sheet = new SheetBuilder(SHEETS.assumptions, { rows: 80, cols: 8 });
	sheet.heading('A1', 'Rental property: assumptions');
	sheet.text('A2', 'Type over the values in column B; every other sheet reads them.');
	let row = sheet.labelled(3, PURCHASE);
	row = sheet.labelled(row + 1, FINANCING);
	row = sheet.labelled(row + 1, INCOME);
	row = sheet.labelled(row + 1, EXPENSES);
	row = sheet.labelled(row + 1, FINANCING_COSTS);
	row = sheet.labelled(row + 1, GROWTH);
	sheet.labelled(row + 1, KEY_METRICS);
	sheet.width({ A: 320, B: 130, C: 520 });
	assertLayout(sheet);
	return sheet;
}

/** The fixed rows the formulas above assume; a reordering of the blocks fails loudly here. */
function assertLayout(sheet: SheetBuilder): void {
	const expected: Record<string, string> = {
		landPct: 'B7',
		down: 'B13',
		loanAmount: 'B14',
		manualRent: 'B19',
		line5: 'B25',
		line10: 'B30',
		line11: 'B32',
		line14: 'B33',
		OtherExpenses: 'B38',
		opexBeforeMgmt: 'B39',
		gpi: 'B55'
	};
	for (const [key, address] of Object.entries(expected)) {
		if (sheet.local(key) !== address) {
			throw new Error(`Assumptions layout moved: ${key} is ${sheet.local(key)}, not ${address}`);
		}
	}
}
