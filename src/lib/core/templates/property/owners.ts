/**
 * The property template's Owners sheet: who owns the property and in what share (each row an
 * owner: name, the member's email when they use InvestFlow, share). Shares must total 100 %;
 * F2 says so in words when they do not, and the Schedule E report refuses to split until then.
 */
import { FORMATS, SheetBuilder } from '../builder';
import { OWNERS, SHEETS } from './layout';

/** Builds the Owners sheet with two sample co-owners, 60 % and 40 %. */
export function buildOwners(): SheetBuilder {
	const sheet = new SheetBuilder(SHEETS.owners, { rows: 40, cols: 8 });
	const { firstRow, lastRow } = OWNERS;
	sheet.headers('A1', ['Owner', 'Member email', 'Share']);
	sheet.text(`A${firstRow}`, 'Owner A').set(`C${firstRow}`, '60%');
	sheet.text(`A${firstRow + 1}`, 'Owner B').set(`C${firstRow + 1}`, '40%');
	sheet.format(`C${firstRow}:C${lastRow}`, FORMATS.percent);
	sheet
		.text('E1', 'Total share')
		.set(OWNERS.total, `=SUM(C${firstRow}:C${lastRow})`, FORMATS.percent);
	sheet
		.text('E2', 'Check')
		.set(
			OWNERS.check,
			`=IF(ROUND(${OWNERS.total},6)=1,"OK","Shares must total 100% (now "&ROUND(${OWNERS.total}*100,4)&"%)")`
		);
	sheet.bold('E1:E2');
	sheet.text(
		'E4',
		`List up to ${lastRow - firstRow + 1} owners; Schedule E splits every line by these shares.`
	);
	sheet.width({ A: 180, B: 220, C: 90, E: 110, F: 260 });
	return sheet;
}
