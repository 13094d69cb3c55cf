/**
 * The property template's Rent roll sheet: for a chosen year, per lease (a row of Units) and
 * month, the rent due — the monthly rent only in months its lease covers, so a lease starting in
 * June owes nothing before June and months between leases stay vacant — and the rent received,
 * from the Ledger's line-3 rows whose unit matches (counted once per unit, on its first Units
 * row). Leases ending within 90 days of today are flagged.
 */
import { FORMATS, SheetBuilder, columnName } from '../builder';
import { LEDGER_LAST_ROW } from './ledger';
import { RENT_ROLL, SHEETS, UNITS, sheetRef } from './layout';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** First row of the received block. */
export const RENT_ROLL_RECEIVED_FIRST = RENT_ROLL.dueFirstRow + RENT_ROLL.units + 3;

const units = (column: string, row: number) => sheetRef(SHEETS.units, `$${column}$${row}`);
const ledger = (column: string) =>
	sheetRef(SHEETS.ledger, `$${column}$2:$${column}$${LEDGER_LAST_ROW}`);

/** Builds the Rent roll sheet for 2025, the sample leases' year. */
export function buildRentRoll(): SheetBuilder {
	const { dueFirstRow } = RENT_ROLL;
	const sheet = new SheetBuilder(SHEETS.rentRoll, {
		rows: RENT_ROLL_RECEIVED_FIRST + RENT_ROLL.units + 4,
		cols: 18
	});
	sheet.text('A1', 'Year').bold('A1').set(RENT_ROLL.year, 2025);
	const monthStart = (m: number) => `DATE($B$1,${m},1)`;
	const monthEnd = (m: number) => `EOMONTH(DATE($B$1,${m},1),0)`;
	const block = (title: string, top: number) => {
		sheet.heading(`A${top - 2}`, title);
		sheet.headers(`A${top - 1}`, ['Unit', 'Tenant', ...MONTHS, 'Year', 'Lease end', 'Status']);
	};
	block('Rent due (months the lease covers)', dueFirstRow);
	block('Rent received (Ledger line 3 by unit)', RENT_ROLL_RECEIVED_FIRST);
	for (let i = 0; i < RENT_ROLL.units; i++) {
		const u = UNITS.firstRow + i;
		const due = dueFirstRow + i;
		const received = RENT_ROLL_RECEIVED_FIRST + i;
		for (const r of [due, received]) {
			sheet.set(`A${r}`, `=IF(${units('A', u)}="","",${units('A', u)})`);
			sheet.set(`B${r}`, `=IF(${units('B', u)}="","",${units('B', u)})`);
		}
		const [start, end, rent] = [units('C', u), units('D', u), units('E', u)];
		for (let m = 1; m <= 12; m++) {
			const column = columnName(1 + m);
			sheet.set(
				`${column}${due}`,
				`=IF(OR($A${due}="",${start}=""),0,IF(AND(${start}<=${monthEnd(m)},OR(${end}="",${end}>=${monthStart(m)})),${rent},0))`
			);
			// Successive leases of one unit share its receipts: count them on its first row only.
			sheet.set(
				`${column}${received}`,
				`=IF($A${received}="",0,IF(COUNTIF(${units('A', UNITS.firstRow)}:${units('A', u).split('!')[1]},$A${received})>1,0,` +
					`SUMIFS(${ledger('C')},${ledger('D')},3,${ledger('E')},$A${received},${ledger('A')},">="&${monthStart(m)},${ledger('A')},"<="&${monthEnd(m)})))`
			);
		}
		for (const r of [due, received]) sheet.set(`O${r}`, `=SUM(C${r}:N${r})`);
		sheet.set(`P${due}`, `=IF(${end}="","",${end})`);
		sheet.set(
			`Q${due}`,
			`=IF(OR($A${due}="",${end}=""),"",IF(AND(${end}>=TODAY(),${end}<=TODAY()+90),"Ends within 90 days",IF(${end}<TODAY(),"Ended","")))`
		);
	}
	const dueTotal = dueFirstRow + RENT_ROLL.units;
	const receivedTotal = RENT_ROLL_RECEIVED_FIRST + RENT_ROLL.units;
	for (const [row, first] of [
		[dueTotal, dueFirstRow],
		[receivedTotal, RENT_ROLL_RECEIVED_FIRST]
	]) {
		sheet.text(`A${row}`, 'Total').bold(`A${row}:O${row}`);
		for (let c = 2; c <= 14; c++) {
			const column = columnName(c);
			sheet.set(`${column}${row}`, `=SUM(${column}${first}:${column}${row - 1})`);
		}
	}
	sheet.format(`C${dueFirstRow}:O${dueTotal}`, FORMATS.money);
	sheet.format(`P${dueFirstRow}:P${dueTotal}`, FORMATS.date);
	sheet.format(`C${RENT_ROLL_RECEIVED_FIRST}:O${receivedTotal}`, FORMATS.money);
	sheet.width({ A: 70, B: 140, O: 110, P: 110, Q: 170 });
	return sheet;
}
