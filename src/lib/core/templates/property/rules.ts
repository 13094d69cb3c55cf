/**
 * The property template's Rules sheet: how bank imports categorise rows ("payee contains" →
 * Schedule E line, optionally only money in or out). Read and written by core/books/ledger-doc.ts.
 */
import { SheetBuilder } from '../builder';
import { SHEETS } from './layout';

/** The Rules sheet's headers (A1:C1). */
export const RULES_HEADERS = ['Payee contains', 'Schedule E line', 'Sign (in/out)'];

/** Builds the Rules sheet with rules for the sample ledger's insurer and tax office. */
export function buildRules(): SheetBuilder {
	const sheet = new SheetBuilder(SHEETS.rules, { rows: 100, cols: 4 });
	sheet.headers('A1', RULES_HEADERS);
	sheet.text('A2', 'Acme Mutual').set('B2', 9).text('C2', 'out');
	sheet.text('A3', 'County Treasurer').set('B3', 16).text('C3', 'out');
	sheet.width({ A: 220, B: 120, C: 120 });
	return sheet;
}
