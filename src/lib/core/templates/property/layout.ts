/**
 * Where the property template's sheets keep the cells other sheets read: sheet names, table
 * extents and anchor cells. One place, so the modules agree without importing each other.
 */
import { quoteSheetName } from '../../formula-refs';

/** Sheet names in tab order. */
export const SHEETS = {
	assumptions: 'Assumptions',
	units: 'Units',
	cashFlow: 'Cash flow',
	loan: 'Loan',
	projection: 'Projection',
	depreciation: 'Depreciation',
	ledger: 'Ledger',
	scheduleE: 'Schedule E',
	owners: 'Owners',
	rules: 'Rules',
	rentRoll: 'Rent roll'
} as const;

/** Rent roll sheet: year in B1; units mirrored from Units rows 2… in rows 5… (due), then received. */
export const RENT_ROLL = { year: 'B1', units: 12, dueFirstRow: 5 } as const;

/** Owners sheet: one owner per row from row 2 (name, member email, share); total in F1. */
export const OWNERS = { firstRow: 2, lastRow: 11, total: 'F1', check: 'F2' } as const;

/**
 * Schedule E sheet: tax year in B1, year placed in service in B2; one row per line (3, 4, 5–19,
 * 20 total expenses, 21 income or loss) from row 6, the property in C, owners from D.
 */
export const SCHEDULE_E = {
	year: 'B1',
	placedInService: 'B2',
	headerRow: 5,
	firstRow: 6,
	propertyColumn: 'C',
	firstOwnerColumn: 'D'
} as const;

/** Longest loan term the amortisation schedule has rows for. */
export const MAX_LOAN_YEARS = 30;
/** Years the projection covers (the holding period is 1 to this). */
export const PROJECTION_YEARS = 10;

/** Loan sheet: period 0 in row 2, periods 1… from row 3; yearly summary from row 2 (G:K). */
export const LOAN = {
	openingRow: 2,
	firstRow: 3,
	lastRow: 2 + MAX_LOAN_YEARS * 12,
	summaryFirstRow: 2,
	summaryLastRow: 1 + MAX_LOAN_YEARS
} as const;

/** Units sheet: one unit per row from row 2; monthly rent in column E. */
export const UNITS = { firstRow: 2, lastRow: 200, rentColumn: 'E' } as const;

/** Projection sheet: IRR and equity multiple cells. */
export const PROJECTION = { irr: 'B18', equityMultiple: 'B19' } as const;

/** Depreciation sheet: year-1 depreciation amount. */
export const DEPRECIATION = { firstYearAmount: 'F10' } as const;

/** `'Cash flow'!$B$2`-style reference to a cell of a template sheet. */
export function sheetRef(sheet: string, address: string): string {
	return `${quoteSheetName(sheet)}!${address}`;
}
