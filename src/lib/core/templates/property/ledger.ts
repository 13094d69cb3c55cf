/**
 * The property template's Ledger sheet: dated transactions (date, payee, amount, Schedule E
 * line, unit, memo) and, beside them, actual against plan per Schedule E line for a tax year.
 *
 * Amounts are positive, income and expenses alike, as on Schedule E; the line number says which
 * is which. Actual = SUMIFS of the ledger for that line within the tax year; plan = the annual
 * figure from Assumptions (line 12 from the Loan sheet's year 1, line 18 from Depreciation's
 * year 1). Variance = actual − plan. Columns N–Q carry what bank imports record (direction,
 * the bank's reference, the import fingerprint, a suggested line); see core/books/ledger-doc.ts.
 */
import { FORMATS, SheetBuilder } from '../builder';
import { SHEETS } from './layout';

/** The ledger's last row in the template; its ranges end there and grow as rows are inserted. */
export const LEDGER_LAST_ROW = 500;
const LAST_ROW = LEDGER_LAST_ROW;
const SUMMARY_FIRST = 4;

/** The sample ledger: a first quarter of rents and bills. */
const SAMPLE: [string, string, number, number, string, string][] = [
	['2025-01-01', 'J. Rivera', 1650, 3, '1A', 'January rent'],
	['2025-01-03', 'M. Chen', 1550, 3, '1B', 'January rent'],
	['2025-01-15', 'Acme Mutual', 1500, 9, '', 'Annual landlord policy'],
	['2025-02-01', 'J. Rivera', 1650, 3, '1A', 'February rent'],
	['2025-02-03', 'M. Chen', 1550, 3, '1B', 'February rent'],
	['2025-02-10', 'County Treasurer', 2100, 16, '', 'First-half property tax'],
	['2025-02-20', 'ABC Plumbing', 380, 14, '1B', 'Water heater valve'],
	['2025-03-05', 'City Utilities', 95, 17, '', 'Water and sewer'],
	['2025-03-12', 'Hardware store', 64.5, 15, '', 'Smoke detector batteries'],
	['2025-03-20', 'Rental listing site', 45, 5, '', 'Listing for unit 1A']
];

/** Plan references by Schedule E line: Assumptions keys, or formulas for the computed lines. */
export type LedgerPlan = Record<number, string>;

const LINES: [number, string][] = [
	[3, 'Rents received'],
	[5, 'Advertising'],
	[6, 'Auto and travel'],
	[7, 'Cleaning and maintenance'],
	[8, 'Commissions'],
	[9, 'Insurance'],
	[10, 'Legal and other professional fees'],
	[11, 'Management fees'],
	[12, 'Mortgage interest paid to banks'],
	[13, 'Other interest'],
	[14, 'Repairs'],
	[15, 'Supplies'],
	[16, 'Taxes'],
	[17, 'Utilities'],
	[18, 'Depreciation expense'],
	[19, 'Other']
];

/** Rows of the summary's expense lines (5–19), for charts. */
export const LEDGER_EXPENSE_ROWS = {
	first: SUMMARY_FIRST + 1,
	last: SUMMARY_FIRST + LINES.length - 1
};

/** Builds the Ledger sheet; `plan` gives the plan formula (without `=`) for every line. */
export function buildLedger(plan: LedgerPlan): SheetBuilder {
	const sheet = new SheetBuilder(SHEETS.ledger, { rows: LAST_ROW, cols: 17 });
	sheet.headers('A1', ['Date', 'Payee', 'Amount', 'Schedule E line', 'Unit', 'Memo']);
	SAMPLE.forEach(([date, payee, amount, line, unit, memo], i) => {
		const r = i + 2;
		sheet.set(`A${r}`, date).text(`B${r}`, payee).set(`C${r}`, amount).set(`D${r}`, line);
		if (unit) sheet.text(`E${r}`, unit);
		sheet.text(`F${r}`, memo);
	});
	sheet.headers('N1', ['Direction', 'Reference', 'Import ID', 'Suggested line']);
	SAMPLE.forEach(([, , , line], i) => sheet.text(`N${i + 2}`, line === 3 ? 'in' : 'out'));
	sheet.format(`A2:A${LAST_ROW}`, FORMATS.date).format(`C2:C${LAST_ROW}`, FORMATS.money);

	sheet.text('H1', 'Tax year').bold('H1').set('I1', 2025);
	sheet.headers(`H${SUMMARY_FIRST - 1}`, [
		'Line',
		'Schedule E',
		'Plan (annual)',
		'Actual',
		'Variance',
		'% of plan'
	]);
	// Bounded ranges, not whole columns: the engine scans a whole column to its 200,000-row
	// limit. Bank imports insert rows inside these ranges (core/books/ledger-doc.ts), so they grow.
	const inYear = `$A$2:$A$${LAST_ROW},">="&DATE($I$1,1,1),$A$2:$A$${LAST_ROW},"<="&DATE($I$1,12,31)`;
	LINES.forEach(([line, label], i) => {
		const r = SUMMARY_FIRST + i;
		sheet.set(`H${r}`, line).text(`I${r}`, label);
		sheet.set(`J${r}`, `=${plan[line]}`);
		sheet.set(`K${r}`, `=SUMIFS($C$2:$C$${LAST_ROW},$D$2:$D$${LAST_ROW},H${r},${inYear})`);
		sheet.set(`L${r}`, `=K${r}-J${r}`);
		sheet.set(`M${r}`, `=IF(J${r}=0,"",K${r}/J${r})`);
	});
	const { first, last } = LEDGER_EXPENSE_ROWS;
	const total = last + 1;
	sheet.text(`I${total}`, 'Total expenses (lines 5–19)').bold(`H${total}:M${total}`);
	for (const column of ['J', 'K', 'L']) {
		sheet.set(`${column}${total}`, `=SUM(${column}${first}:${column}${last})`);
	}
	sheet.set(`M${total}`, `=IF(J${total}=0,"",K${total}/J${total})`);
	sheet.text(`I${total + 1}`, 'Net (rents − expenses)').bold(`H${total + 1}:L${total + 1}`);
	for (const column of ['J', 'K', 'L']) {
		sheet.set(`${column}${total + 1}`, `=${column}${SUMMARY_FIRST}-${column}${total}`);
	}
	sheet.format(`J${SUMMARY_FIRST}:L${total + 1}`, FORMATS.money);
	sheet.format(`M${SUMMARY_FIRST}:M${total}`, FORMATS.percent);
	sheet.text(
		`H${total + 3}`,
		'Amounts are positive; the line number says income (3) or expense (5–19). Actual sums the ' +
			'ledger rows of the tax year; variance = actual − plan.'
	);
	sheet.width({
		A: 100,
		B: 170,
		C: 100,
		D: 110,
		E: 60,
		F: 220,
		H: 60,
		I: 240,
		J: 120,
		K: 120,
		L: 120,
		N: 80,
		O: 120,
		P: 140,
		Q: 110
	});
	return sheet;
}
