/**
 * The rental-property template: Assumptions (inputs and key metrics), Units, Cash flow (year 1
 * by month), Loan (amortisation), Projection (10 years, sale, IRR), Depreciation (27.5-year
 * mid-month), Ledger (actual vs plan by Schedule E line), Schedule E (per tax year and owner),
 * Owners (shares), Rules (bank import categories) and Rent roll (due vs received by lease). See each module in `property/`.
 */
import type { TemplateSpec } from './builder';
import { buildAssumptions } from './property/assumptions';
import { buildCashFlow } from './property/cash-flow';
import { buildDepreciation } from './property/depreciation';
import { SHEETS, LOAN, MAX_LOAN_YEARS } from './property/layout';
import { LEDGER_EXPENSE_ROWS, buildLedger } from './property/ledger';
import { buildLoan } from './property/loan';
import { buildOwners } from './property/owners';
import { buildProjection } from './property/projection';
import { definePublishedNames } from './property/published';
import { buildRentRoll } from './property/rent-roll';
import { buildRules } from './property/rules';
import { buildScheduleE } from './property/schedule-e';
import { buildUnits } from './property/units';
import type { TemplateChart } from './types';

/** Builds the property template's description (no document is touched). */
export function buildPropertyTemplate(): TemplateSpec {
	const assumptions = buildAssumptions();
	const a = (key: string) => assumptions.ref(key);
	const plan: Record<number, string> = {
		3: 'EffectiveGrossIncome',
		5: a('line5'),
		6: a('line6'),
		7: a('line7'),
		8: a('line8'),
		9: 'Insurance',
		10: a('line10'),
		11: a('line11'),
		12: a('line12'),
		13: a('line13'),
		14: 'RepairsMaintenance',
		15: a('line15'),
		16: 'PropertyTaxes',
		17: 'Utilities',
		18: a('depreciationY1'),
		19: 'HOA+OtherExpenses'
	};
	const projection = buildProjection({
		opexBeforeMgmt: a('opexBeforeMgmt'),
		rentGrowth: a('rentGrowth'),
		expenseGrowth: a('expenseGrowth'),
		appreciation: a('appreciation'),
		holdYears: a('holdYears'),
		saleCostsPct: a('saleCostsPct'),
		loanAmount: a('loanAmount')
	});
	const ledger = buildLedger(plan);
	definePublishedNames(projection, ledger);
	return {
		sheets: [
			assumptions,
			buildUnits(),
			buildRentRoll(),
			buildCashFlow(a('opexBeforeMgmt')),
			buildLoan(a('loanAmount')),
			projection,
			buildDepreciation({ capitalisedCosts: a('capitalisedCosts'), landValue: a('landValue') }),
			ledger,
			buildScheduleE(),
			buildOwners(),
			buildRules()
		]
	};
}

const { first, last } = LEDGER_EXPENSE_ROWS;

/** Charts the property template asks for (data only; see {@link TemplateChart}). */
export const PROPERTY_CHARTS: TemplateChart[] = [
	{
		type: 'bar',
		title: '10-year cash flow and equity',
		sheet: SHEETS.projection,
		labelsRange: 'C1:L1',
		series: [
			{ name: 'Cash flow', range: 'C10:L10' },
			{ name: 'Equity', range: 'C13:L13' }
		]
	},
	{
		type: 'doughnut',
		title: 'Expenses by Schedule E line (annual plan)',
		sheet: SHEETS.ledger,
		labelsRange: `I${first}:I${last}`,
		series: [{ name: 'Plan', range: `J${first}:J${last}` }]
	},
	{
		type: 'line',
		title: 'Loan balance by year',
		sheet: SHEETS.loan,
		labelsRange: `G${LOAN.summaryFirstRow}:G${LOAN.summaryFirstRow + MAX_LOAN_YEARS - 1}`,
		series: [
			{
				name: 'Ending balance',
				range: `K${LOAN.summaryFirstRow}:K${LOAN.summaryFirstRow + MAX_LOAN_YEARS - 1}`
			}
		]
	}
];
