/**
 * The fixed data block every generated formula may refer to, as a user would type it: a cash-flow
 * column with its dates, a rent roll to look things up in, a sorted bracket table, holidays,
 * cells holding errors and odd values, a statistics column with gaps and text, and a horizontal
 * table for HLOOKUP. The same inputs go into InvestFlow (through the input parser) and, as the
 * values that parser gives, into the workbook LibreOffice recalculates.
 */

/** One typed input of the data block. */
export interface DataCell {
	ref: string;
	input: string;
}

function column(letter: string, inputs: readonly string[], firstRow = 1): DataCell[] {
	return inputs
		.map((input, index) => ({ ref: `${letter}${firstRow + index}`, input }))
		.filter((cell) => cell.input !== '');
}

function row(rowNumber: number, inputs: readonly string[]): DataCell[] {
	return inputs.map((input, index) => ({
		ref: `${String.fromCharCode(65 + index)}${rowNumber}`,
		input
	}));
}

/** Cash flows of a rental purchase, sale in the last year (A1:A10). */
export const CASH_FLOWS = 'A1:A10';
/** Irregular dates of those flows, typed as ISO dates (B1:B10), the last one a 29 February. */
export const FLOW_DATES = 'B1:B10';
/** Rent roll: unit names (C), rents (D), bedrooms (E); unsorted, names share prefixes. */
export const RENT_ROLL = 'C1:E8';
/** Rent brackets sorted ascending (F) with grades (G), for approximate lookups. */
export const BRACKETS = 'F1:G6';
/** Holidays of 2024 (H1:H6). */
export const HOLIDAYS = 'H1:H6';
/** Statistics sample with an empty cell and a text cell (J1:J10). */
export const SAMPLE = 'J1:J10';
/** Horizontal table for HLOOKUP: keys in row 12, names in row 13, amounts in row 14. */
export const HORIZONTAL = 'A12:F14';

/**
 * Cells holding an error or an odd value, for "errors as arguments". The #NUM! comes from an
 * overflow because LibreOffice reports SQRT(-1) as #VALUE!.
 */
export const ODD_CELLS = {
	divByZero: 'I1',
	notAvailable: 'I2',
	text: 'I3',
	empty: 'I4',
	boolean: 'I5',
	numError: 'I6',
	numberAsText: 'I7'
} as const;

export const DATA_BLOCK: readonly DataCell[] = [
	...column('A', [
		'-250000',
		'18000',
		'19500',
		'21000',
		'22000',
		'23500',
		'24000',
		'25500',
		'26000',
		'310000'
	]),
	...column('B', [
		'2024-01-15',
		'2024-03-01',
		'2024-06-30',
		'2024-12-31',
		'2025-02-28',
		'2025-07-04',
		'2026-01-01',
		'2026-06-15',
		'2027-03-31',
		'2028-02-29'
	]),
	...column('C', [
		'Maple St 1',
		'Map Ave 2',
		'Oak Ct 3',
		'Pine Rd 4',
		'Maple St 5',
		'Birch Ln 6',
		'Oak Ct 7',
		'Cedar Way 8'
	]),
	...column('D', ['1450', '1200', '1800', '950', '1600', '2100', '1750', '1325']),
	...column('E', ['2', '1', '3', '1', '2', '4', '3', '2']),
	...column('F', ['0', '1000', '1500', '2000', '3000', '5000']),
	...column('G', ['D', 'C', 'B', 'A', 'A+', 'A++']),
	...column('H', [
		'2024-01-01',
		'2024-01-15',
		'2024-05-27',
		'2024-07-04',
		'2024-09-02',
		'2024-12-25'
	]),
	...column('I', ['=1/0', '=NA()', 'rent', '', 'TRUE', '=EXP(1000)', "'42"]),
	...column('J', ['12.5', '7', '19.25', '', '3', '25', 'n/a', '14', '9.75', '30']),
	// Inputs the parser turns into numbers with a format: currency, percent, US date, grouping.
	...column('K', ['$1,500', '7.25%', '3/1/2026', '1,234.5']),
	...row(12, ['1', '2', '3', '5', '8', '13']),
	...row(13, ['one', 'two', 'three', 'five', 'eight', 'thirteen']),
	...row(14, ['100', '200', '300', '500', '800', '1300'])
];

/** Where generated formulas go: column M from row 1 down, one formula a row. */
export const FORMULA_COLUMN = 'M';
