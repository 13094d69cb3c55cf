/**
 * The property template's Schedule E sheet: IRS Schedule E (Form 1040) part I for one property
 * and tax year, computed from the Ledger by SUMIFS so a CPA can see how each number is made, and
 * split per owner by the Owners sheet's shares.
 *
 * Ledger amounts are positive; the direction column (N) says whether money came in or went out.
 * An expense line sums what went out less what came back in (refunds); lines 3 and 4 sum what
 * came in less what went out (a returned rent). Rows without a direction count as the line's
 * natural direction. Line 18 is the Depreciation sheet's amount for the tax year's recovery year
 * (tax year − year placed in service + 1); 20 totals lines 5–19; 21 is 3 + 4 − 20.
 */
import { FORMATS, SheetBuilder, columnName } from '../builder';
import { LEDGER_LAST_ROW } from './ledger';
import { DEPRECIATION, OWNERS, SCHEDULE_E, SHEETS, sheetRef } from './layout';

/** Schedule E lines and their labels, in form order. */
export const SCHEDULE_E_LINES: [number, string][] = [
	[3, 'Rents received'],
	[4, 'Royalties received'],
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
	[18, 'Depreciation expense or depletion'],
	[19, 'Other'],
	[20, 'Total expenses (lines 5–19)'],
	[21, 'Income or (loss)']
];

/** Owners the sheet has columns for (the Owners sheet's rows). */
export const SCHEDULE_E_OWNERS = OWNERS.lastRow - OWNERS.firstRow + 1;

/** The sheet row of a Schedule E line. */
export function scheduleERow(line: number): number {
	return SCHEDULE_E.firstRow + SCHEDULE_E_LINES.findIndex(([n]) => n === line);
}

const ledger = (column: string) =>
	sheetRef(SHEETS.ledger, `$${column}$2:$${column}$${LEDGER_LAST_ROW}`);

/** SUMIFS of ledger amounts on `line` in the tax year, with an optional direction criterion. */
function ledgerSum(lineCell: string, direction?: string): string {
	const year = `$${SCHEDULE_E.year.slice(0, 1)}$${SCHEDULE_E.year.slice(1)}`;
	const criteria = [
		`${ledger('D')},${lineCell}`,
		`${ledger('A')},">="&DATE(${year},1,1)`,
		`${ledger('A')},"<="&DATE(${year},12,31)`,
		...(direction ? [`${ledger('N')},"${direction}"`] : [])
	];
	return `SUMIFS(${ledger('C')},${criteria.join(',')})`;
}

/** Builds the Schedule E sheet (tax year 2025, placed in service in 2025, as the sample deal). */
export function buildScheduleE(): SheetBuilder {
	const sheet = new SheetBuilder(SHEETS.scheduleE, {
		rows: 40,
		cols: 3 + SCHEDULE_E_OWNERS + 1
	});
	sheet.text('A1', 'Tax year').set(SCHEDULE_E.year, 2025);
	sheet.text('A2', 'Year placed in service').set(SCHEDULE_E.placedInService, 2025);
	sheet.text('A3', 'Owners').set('B3', `=${sheetRef(SHEETS.owners, OWNERS.check)}`);
	sheet.bold('A1:A3');
	const header = SCHEDULE_E.headerRow;
	sheet.headers(`A${header}`, ['Line', 'Schedule E', 'Property']);
	const ownerColumn = (i: number) => columnName(3 + i);
	for (let i = 0; i < SCHEDULE_E_OWNERS; i++) {
		const owner = sheetRef(SHEETS.owners, `$A$${OWNERS.firstRow + i}`);
		sheet.set(`${ownerColumn(i)}${header}`, `=IF(${owner}="","",${owner})`);
	}
	sheet.bold(`D${header}:${ownerColumn(SCHEDULE_E_OWNERS - 1)}${header}`);
	const first = scheduleERow(5);
	const last = scheduleERow(19);
	const depreciation = Number(DEPRECIATION.firstYearAmount.slice(1));
	const depreciationRange = sheetRef(
		SHEETS.depreciation,
		`$F$${depreciation}:$F$${depreciation + 28}`
	);
	for (const [line, label] of SCHEDULE_E_LINES) {
		const r = scheduleERow(line);
		sheet.set(`A${r}`, line).text(`B${r}`, label);
		let formula: string;
		if (line === 18) {
			formula = `=IFERROR(INDEX(${depreciationRange},$B$1-$B$2+1),0)`;
		} else if (line === 20) formula = `=SUM(C${first}:C${last})`;
		else if (line === 21) formula = `=C${scheduleERow(3)}+C${scheduleERow(4)}-C${scheduleERow(20)}`;
		else {
			const against = line <= 4 ? 'out' : 'in';
			formula = `=${ledgerSum(`$A${r}`)}-2*${ledgerSum(`$A${r}`, against)}`;
		}
		sheet.set(`C${r}`, formula);
		for (let i = 0; i < SCHEDULE_E_OWNERS; i++) {
			const share = sheetRef(SHEETS.owners, `$C$${OWNERS.firstRow + i}`);
			const column = ownerColumn(i);
			sheet.set(`${column}${r}`, `=IF(${column}$${header}="","",$C${r}*${share})`);
		}
	}
	const bottom = scheduleERow(21);
	sheet.bold(`A${scheduleERow(20)}:${ownerColumn(SCHEDULE_E_OWNERS - 1)}${bottom}`);
	sheet.format(
		`C${SCHEDULE_E.firstRow}:${ownerColumn(SCHEDULE_E_OWNERS - 1)}${bottom}`,
		FORMATS.money
	);
	sheet.text(
		`A${bottom + 2}`,
		'From the Ledger for the tax year: expenses are what went out less refunds, rents what came ' +
			'in less what was returned; line 18 from Depreciation; owners by their Owners share.'
	);
	sheet.width({ A: 60, B: 260, C: 130 });
	for (let i = 0; i < SCHEDULE_E_OWNERS; i++) sheet.width({ [ownerColumn(i)]: 120 });
	return sheet;
}
