/**
 * The property template's Cash flow sheet: the first year month by month (12 columns and a
 * year total) from rent to cash flow after debt service.
 */
import { FORMATS, SheetBuilder, columnName } from '../builder';
import { LOAN, SHEETS, sheetRef } from './layout';

/** Builds the Cash flow sheet; `opexBeforeMgmt` is the annual operating expenses before the fee. */
export function buildCashFlow(opexBeforeMgmt: string): SheetBuilder {
	const sheet = new SheetBuilder(SHEETS.cashFlow, { rows: 30, cols: 16 });
	const payments = sheetRef(SHEETS.loan, `$B$${LOAN.firstRow}:$B$${LOAN.lastRow}`);
	const periods = sheetRef(SHEETS.loan, `$A$${LOAN.firstRow}:$A$${LOAN.lastRow}`);
	const lines: [string, (c: string) => string][] = [
		['Gross potential rent', () => '=MonthlyRent'],
		['Other income', () => '=OtherMonthlyIncome'],
		['Vacancy loss', () => '=-MonthlyRent*VacancyRate'],
		['Effective gross income', (c) => `=SUM(${c}2:${c}4)`],
		['Operating expenses before management', () => `=-${opexBeforeMgmt}/12`],
		['Management fee', (c) => `=-ManagementFeePct*${c}5`],
		['Net operating income', (c) => `=${c}5+${c}6+${c}7`],
		['Debt service', (c) => `=-SUMIFS(${payments},${periods},${c}$1)`],
		['Cash flow', (c) => `=${c}8+${c}9`]
	];
	sheet.text('A1', 'Month').bold('A1:N1');
	for (let m = 1; m <= 12; m++) sheet.set(`${columnName(m)}1`, m);
	sheet.text('N1', 'Year 1');
	lines.forEach(([label, formula], i) => {
		const r = i + 2;
		sheet.text(`A${r}`, label);
		for (let m = 1; m <= 12; m++) sheet.set(`${columnName(m)}${r}`, formula(columnName(m)));
		sheet.set(`N${r}`, `=SUM(B${r}:M${r})`);
	});
	sheet.bold('A5:N5').bold('A8:N8').bold('A10:N10');
	sheet.format('B2:N10', FORMATS.money);
	sheet.text(
		'A12',
		'Income is positive and costs negative; the Year 1 column is the sum of the months.'
	);
	sheet.width({ A: 260, N: 120 });
	return sheet;
}
