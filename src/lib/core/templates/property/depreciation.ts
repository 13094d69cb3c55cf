/**
 * The property template's Depreciation sheet: residential rental property under GDS, straight
 * line over 27.5 years with the mid-month convention (IRS Publication 946, Table A-6).
 *
 * The month placed in service counts as half a month, so year 1 recovers (12.5 − month) / 12 of
 * a year; each later year a full year, until 27.5 years are recovered (year 28 or 29). The rate
 * column is the share of basis per year: 3.485% for January … 0.152% for December in year 1,
 * 3.636% in full years — Table A-6's figures before its rounding to three decimals.
 */
import { FORMATS, SheetBuilder } from '../builder';
import { DEPRECIATION, SHEETS } from './layout';

/** Recovery years listed: 27.5 years from any month can reach into year 29. */
const YEARS = 29;
/** First row of the yearly table; year 1's depreciation is `F10` ({@link DEPRECIATION}). */
const FIRST_ROW = Number(DEPRECIATION.firstYearAmount.slice(1));

/** Cells of Assumptions the sheet reads (absolute references). */
export interface DepreciationInputs {
	capitalisedCosts: string;
	landValue: string;
}

/** Builds the Depreciation sheet (month placed in service: January, editable in B2). */
export function buildDepreciation(inputs: DepreciationInputs): SheetBuilder {
	const sheet = new SheetBuilder(SHEETS.depreciation, { rows: 50, cols: 10 });
	sheet.heading('A1', 'Residential rental depreciation: GDS, 27.5 years, straight line, mid-month');
	sheet.labelled(2, [
		{
			label: 'Month placed in service (1–12)',
			value: 1,
			format: FORMATS.integer,
			note: 'Counts as half a month (mid-month convention)'
		},
		{ label: 'Purchase price', value: '=PurchasePrice', format: FORMATS.money },
		{ label: 'Capitalised costs', value: `=${inputs.capitalisedCosts}`, format: FORMATS.money },
		{ label: 'Land value (not depreciable)', value: `=${inputs.landValue}`, format: FORMATS.money },
		{ label: 'Depreciable basis', value: '=B3+B4-B5', format: FORMATS.money },
		{ label: 'Recovery period (years)', value: 27.5, format: FORMATS.number }
	]);
	sheet.headers(`A${FIRST_ROW - 1}`, [
		'Year',
		'Share of year in service',
		'Recovered before (years)',
		'Recovered this year (years)',
		'Rate (% of basis)',
		'Depreciation',
		'Accumulated',
		'Remaining basis'
	]);
	const last = FIRST_ROW + YEARS - 1;
	for (let r = FIRST_ROW; r <= last; r++) {
		sheet.set(`A${r}`, r - FIRST_ROW + 1);
		sheet.set(`B${r}`, `=IF(A${r}=1,(12.5-$B$2)/12,1)`);
		sheet.set(`C${r}`, r === FIRST_ROW ? 0 : `=C${r - 1}+D${r - 1}`);
		sheet.set(`D${r}`, `=MAX(0,MIN(B${r},$B$7-C${r}))`);
		sheet.set(`E${r}`, `=D${r}/$B$7`);
		sheet.set(`F${r}`, `=$B$6*E${r}`);
		sheet.set(`G${r}`, `=SUM($F$${FIRST_ROW}:F${r})`);
		sheet.set(`H${r}`, `=$B$6-G${r}`);
	}
	const total = last + 1;
	sheet.text(`A${total}`, 'Total').bold(`A${total}:H${total}`);
	sheet.set(`D${total}`, `=SUM(D${FIRST_ROW}:D${last})`);
	sheet.set(`E${total}`, `=SUM(E${FIRST_ROW}:E${last})`);
	sheet.set(`F${total}`, `=SUM(F${FIRST_ROW}:F${last})`);
	sheet.format(`B${FIRST_ROW}:D${total}`, '0.0000');
	sheet.format(`E${FIRST_ROW}:E${total}`, FORMATS.percent3);
	sheet.format(`F${FIRST_ROW}:H${total}`, FORMATS.money);
	sheet.width({ A: 260, B: 150, C: 150, D: 150, E: 120, F: 120, G: 120, H: 130 });
	return sheet;
}
