/**
 * The property template's Units sheet: one row per unit and lease (tenant, lease dates, rent,
 * deposit, tenant contact); a unit let to successive tenants has a row per lease.
 * Assumptions' `MonthlyRent` is the sum of the rent column while any unit has a rent.
 */
import { FORMATS, SheetBuilder } from '../builder';
import { SHEETS, UNITS } from './layout';

/** The sample units: a duplex let at $1,650 and $1,550 a month. */
const SAMPLE_UNITS: [string, string, string, string, number, number, string][] = [
	['1A', 'J. Rivera', '2025-01-01', '2025-12-31', 1650, 1650, 'j.rivera@example.com'],
	['1B', 'M. Chen', '2025-03-01', '2026-02-28', 1550, 1550, '(555) 010-0199']
];

/** Builds the Units sheet with the two sample units and running totals beside the table. */
export function buildUnits(): SheetBuilder {
	const sheet = new SheetBuilder(SHEETS.units, { rows: UNITS.lastRow, cols: 11 });
	const { firstRow, lastRow } = UNITS;
	sheet.headers('A1', [
		'Unit',
		'Tenant',
		'Lease start',
		'Lease end',
		'Monthly rent',
		'Deposit',
		'Tenant contact'
	]);
	SAMPLE_UNITS.forEach(([unit, tenant, start, end, rent, deposit, contact], i) => {
		const r = firstRow + i;
		sheet.text(`A${r}`, unit).text(`B${r}`, tenant);
		sheet.row(`C${r}`, [start, end, rent, deposit]);
		sheet.text(`G${r}`, contact);
	});
	sheet.format(`C${firstRow}:D${lastRow}`, FORMATS.date);
	sheet.format(`E${firstRow}:F${lastRow}`, FORMATS.money);
	sheet.labelled(
		1,
		[
			{
				label: 'Total monthly rent',
				value: `=SUM(E${firstRow}:E${lastRow})`,
				format: FORMATS.money
			},
			{
				label: 'Units listed',
				value: `=COUNTA(A${firstRow}:A${lastRow})`,
				format: FORMATS.integer
			},
			{ label: 'Deposits held', value: `=SUM(F${firstRow}:F${lastRow})`, format: FORMATS.money },
			{ label: 'Annual scheduled rent', value: '=12*J1', format: FORMATS.money }
		],
		'I'
	);
	sheet.text(
		'I6',
		`Add a unit in any row up to ${lastRow}: its rent counts in MonthlyRent on Assumptions, ` +
			'and in the Rent roll for the months its lease covers.'
	);
	sheet.bold('I1:I4');
	sheet.width({ A: 80, B: 160, C: 110, D: 110, E: 120, F: 110, G: 180, I: 180, J: 120 });
	return sheet;
}
