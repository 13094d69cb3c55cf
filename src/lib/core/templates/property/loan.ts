/**
 * The property template's Loan sheet: the month-by-month amortisation schedule of the purchase
 * loan (rows for the longest term, blank past the actual term) and a yearly summary beside it.
 *
 * Each month: interest on the opening balance at InterestRate/12; the payment is
 * MonthlyPayment, except the last month, which repays the opening balance plus interest so the
 * final balance is exactly 0. Balances are rounded to a millionth and kept ≥ 0 (MAX), so a
 * floating-point remainder can never show as -0.00.
 */
import { FORMATS, SheetBuilder } from '../builder';
import { LOAN, MAX_LOAN_YEARS, SHEETS } from './layout';

/** Builds the Loan sheet; `loanAmount` is the absolute reference of the loan amount input. */
export function buildLoan(loanAmount: string): SheetBuilder {
	const { openingRow, firstRow, lastRow, summaryFirstRow, summaryLastRow } = LOAN;
	const sheet = new SheetBuilder(SHEETS.loan, { rows: lastRow, cols: 12 });
	sheet.headers('A1', ['Period', 'Payment', 'Interest', 'Principal', 'Balance']);
	sheet.set(`A${openingRow}`, 0).set(`E${openingRow}`, `=${loanAmount}`);
	const term = 'LoanTermYears*12';
	for (let r = firstRow; r <= lastRow; r++) sheet.set(`A${r}`, r - openingRow);
	const r = firstRow;
	const past = `A${r}>${term}`;
	sheet.set(`B${r}`, `=IF(${past},"",IF(A${r}=${term},E${r - 1}+C${r},MonthlyPayment))`);
	sheet.set(`C${r}`, `=IF(${past},"",E${r - 1}*InterestRate/12)`);
	sheet.set(`D${r}`, `=IF(${past},"",B${r}-C${r})`);
	sheet.set(`E${r}`, `=IF(${past},"",MAX(0,ROUND(E${r - 1}-D${r},6)))`);
	sheet.fillDown(`B${firstRow}:E${lastRow}`);
	sheet.format(`B${openingRow}:E${lastRow}`, FORMATS.money);

	sheet.headers(`G1`, ['Year', 'Interest', 'Principal', 'Payments', 'Ending balance']);
	const periods = `$A$${firstRow}:$A$${lastRow}`;
	for (let r = summaryFirstRow; r <= summaryLastRow; r++)
		sheet.set(`G${r}`, r - summaryFirstRow + 1);
	const y = summaryFirstRow;
	const inYear = `${periods},">="&(12*G${y}-11),${periods},"<="&(12*G${y})`;
	const sumOf = (column: string) =>
		`=SUMIFS($${column}$${firstRow}:$${column}$${lastRow},${inYear})`;
	sheet.set(`H${y}`, sumOf('C')).set(`I${y}`, sumOf('D')).set(`J${y}`, sumOf('B'));
	sheet.set(`K${y}`, `=IF(12*G${y}>=${term},0,INDEX($E$${firstRow}:$E$${lastRow},12*G${y}))`);
	sheet.fillDown(`H${summaryFirstRow}:K${summaryLastRow}`);
	sheet.format(`H${summaryFirstRow}:K${summaryLastRow}`, FORMATS.money);
	sheet.text(
		'M1',
		`Rows exist for terms up to ${MAX_LOAN_YEARS} years; months past the term stay blank. ` +
			'The last payment repays the remaining balance, so the schedule ends at 0.'
	);
	sheet.set(
		'M2',
		`=IF(${term}>${MAX_LOAN_YEARS * 12},"This schedule covers ${MAX_LOAN_YEARS} years: ` +
			`add rows (fill down) for a longer term","")`
	);
	sheet.width({ A: 70, B: 110, C: 110, D: 110, E: 130, G: 60, H: 110, I: 110, J: 110, K: 130 });
	return sheet;
}
