/**
 * The defined names the portfolio dashboard and `WORKBOOK()` read from a property workbook,
 * beyond the Assumptions metrics: the value, loan balance and equity today (the projection's
 * year 0, so the portfolio's cap rate agrees with each property's NOI ÷ price) and at the end of
 * each projected year, the tax year's Schedule E line 21, and the ledger's columns (from which
 * the server totals Schedule E per tax year). Added to the Projection and Ledger sheets.
 */
import type { SheetBuilder } from '../builder';
import { LEDGER_LAST_ROW } from './ledger';

/** Defines the published names on the Projection and Ledger sheets of the property template. */
export function definePublishedNames(projection: SheetBuilder, ledger: SheetBuilder): void {
	projection
		.defineName('PropertyValue', 'B11')
		.defineName('LoanBalance', 'B12')
		.defineName('Equity', 'B13')
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
