/**
 * The defined names the portfolio dashboard and `WORKBOOK()` read from a property workbook,
 * beyond the Assumptions metrics: the value, loan balance and equity at the end of year 1 and
 * over the projection, the tax year's Schedule E line 21, and the ledger's columns (from which
 * the server totals Schedule E per tax year). Added to the Projection and Ledger sheets.
 */
import type { SheetBuilder } from '../builder';

/** Last row of the ledger's transactions (see ledger.ts). */
const LEDGER_LAST_ROW = 500;

/** Defines the published names on the Projection and Ledger sheets of the property template. */
export function definePublishedNames(projection: SheetBuilder, ledger: SheetBuilder): void {
	projection
		.defineName('PropertyValue', 'C11')
		.defineName('LoanBalance', 'C12')
		.defineName('Equity', 'C13')
		.defineName('CashFlowByYear', 'C10:L10')
		.defineName('ValueByYear', 'C11:L11')
		.defineName('LoanBalanceByYear', 'C12:L12')
		.defineName('EquityByYear', 'C13:L13');
	ledger
		.defineName('TaxYear', 'I1')
		.defineName('ScheduleENet', 'K21')
		.defineName('LedgerDates', `A2:A${LEDGER_LAST_ROW}`)
		.defineName('LedgerAmounts', `C2:C${LEDGER_LAST_ROW}`)
		.defineName('LedgerLines', `D2:D${LEDGER_LAST_ROW}`);
}
