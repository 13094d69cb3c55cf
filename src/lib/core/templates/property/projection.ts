/**
 * The property template's Projection sheet: ten years of rent and expense growth, NOI, cash
 * flow, value, loan balance and equity; the sale at the end of the holding period; and the
 * investor's IRR and equity multiple over that period.
 *
 * Cash flow to investor: year 0 is −TotalCashInvested; years 1…hold are that year's cash flow,
 * plus the net sale proceeds (value × (1 − sale costs) − loan balance) in the last one; later
 * years are 0, which leaves IRR unchanged. Equity multiple = those inflows ÷ cash invested.
 */
import { FORMATS, SheetBuilder, columnName } from '../builder';
import { LOAN, PROJECTION, PROJECTION_YEARS, SHEETS, sheetRef } from './layout';

/** Cells of Assumptions the projection reads (absolute references). */
export interface ProjectionInputs {
	opexBeforeMgmt: string;
	rentGrowth: string;
	expenseGrowth: string;
	appreciation: string;
	holdYears: string;
	saleCostsPct: string;
	loanAmount: string;
}

/** Builds the Projection sheet (year 0 in column B, years 1–10 in C–L). */
export function buildProjection(inputs: ProjectionInputs): SheetBuilder {
	const sheet = new SheetBuilder(SHEETS.projection, { rows: 30, cols: 14 });
	const yearly = (column: string) =>
		sheetRef(SHEETS.loan, `$${column}$${LOAN.summaryFirstRow}:$${column}$${LOAN.summaryLastRow}`);
	const { rentGrowth: rg, expenseGrowth: eg, appreciation } = inputs;
	const lines: [string, (c: string) => string, string?][] = [
		['Gross potential rent', (c) => `=12*MonthlyRent*(1+${rg})^(${c}$1-1)`],
		['Other income', (c) => `=12*OtherMonthlyIncome*(1+${rg})^(${c}$1-1)`],
		['Vacancy loss', (c) => `=-${c}2*VacancyRate`],
		['Effective gross income', (c) => `=SUM(${c}2:${c}4)`],
		[
			'Operating expenses before management',
			(c) => `=-${inputs.opexBeforeMgmt}*(1+${eg})^(${c}$1-1)`
		],
		['Management fee', (c) => `=-ManagementFeePct*${c}5`],
		['Net operating income', (c) => `=${c}5+${c}6+${c}7`],
		['Debt service', (c) => `=-INDEX(${yearly('J')},${c}$1)`],
		['Cash flow', (c) => `=${c}8+${c}9`],
		[
			'Property value (end of year)',
			(c) => `=PurchasePrice*(1+${appreciation})^${c}$1`,
			'=PurchasePrice'
		],
		['Loan balance (end of year)', (c) => `=INDEX(${yearly('K')},${c}$1)`, `=${inputs.loanAmount}`],
		['Equity', (c) => `=${c}11-${c}12`, '=B11-B12'],
		['Net sale proceeds', (c) => `=IF(${c}$1=$B$17,${c}11*(1-${inputs.saleCostsPct})-${c}12,0)`],
		['Cash flow to investor', (c) => `=IF(${c}$1<=$B$17,${c}10+${c}14,0)`, '=-TotalCashInvested']
	];
	sheet.text('A1', 'Year').bold('A1:L1');
	for (let y = 0; y <= PROJECTION_YEARS; y++) sheet.set(`${columnName(y + 1)}1`, y);
	lines.forEach(([label, formula, yearZero], i) => {
		const r = i + 2;
		sheet.text(`A${r}`, label);
		if (yearZero) sheet.set(`B${r}`, yearZero);
		for (let y = 1; y <= PROJECTION_YEARS; y++) {
			const c = columnName(y + 1);
			sheet.set(`${c}${r}`, formula(c));
		}
	});
	sheet.format(`B2:L15`, FORMATS.money);
	sheet.bold('A8:L8').bold('A10:L10').bold('A15:L15');
	sheet.labelled(17, [
		{
			label: 'Holding period (years)',
			value: `=MAX(1,MIN(${PROJECTION_YEARS},ROUND(${inputs.holdYears},0)))`,
			format: FORMATS.integer,
			note: 'From Assumptions, kept within 1–10'
		},
		{ label: 'IRR', value: '=IRR(B15:L15)', format: FORMATS.percent, key: 'irr' },
		{
			label: 'Equity multiple',
			value: '=SUM(C15:L15)/TotalCashInvested',
			format: FORMATS.multiple,
			key: 'equityMultiple'
		}
	]);
	sheet.text(
		'A21',
		'Cash flow to investor: year 0 is minus the total cash invested; each year of the holding ' +
			'period adds its cash flow, and the last adds the net sale proceeds. Years after the sale are 0.'
	);
	sheet.width({ A: 280 });
	if (
		sheet.local('irr') !== PROJECTION.irr ||
		sheet.local('equityMultiple') !== PROJECTION.equityMultiple
	) {
		throw new Error('Projection layout moved: update PROJECTION in layout.ts');
	}
	return sheet;
}
