/**
 * The Schedule and Status sheets: one row per obligation (mirroring the Obligations rows the
 * template prepares), one column per forecast week. Schedule shows the date each obligation
 * falls due in each week (the occurrence rule of `occurrence.ts`, written out per cell); Status
 * says what became of each of those occurrences: `paid`, `partly paid`, `overdue` or
 * `scheduled`, from the Payments that name it.
 */
import { FORMATS, SheetBuilder, columnName } from '../builder';
import {
	occurrenceDateCellFormula,
	timingHelperFormulas,
	windowHelperFormulas,
	type WindowRefs
} from './occurrence';
import { DATA_FIRST, INPUT_ROWS } from './refs';

export const WEEKS = 13;
/** Schedule and Status: window helpers in rows 1–8, headers in row 10, obligations from 11. */
const HEADER = 10;
export const SCHEDULE_FIRST = HEADER + 1;
const OBLIGATION_ROWS = INPUT_ROWS - DATA_FIRST + 1;
export const SCHEDULE_LAST = SCHEDULE_FIRST + OBLIGATION_ROWS - 1;
const LAST_WEEK = columnName(WEEKS);

const HELPER_ROWS: [keyof ReturnType<typeof windowHelperFormulas>, string][] = [
	['fromMonth', 'Month # of the week’s start'],
	['toMonth', 'Month # of the week’s end'],
	['fromLastDay', 'Last day of that month'],
	['toLastDay', 'Last day of that month'],
	['fromLastBusinessDay', 'Last business day of that month'],
	['toLastBusinessDay', 'Last business day of that month']
];

/** Window references of week column `c` on Schedule (rows 1–8). */
function weekWindow(c: string): WindowRefs {
	const row = (key: string) => `${c}$${3 + HELPER_ROWS.findIndex(([k]) => k === key)}`;
	return {
		from: `${c}$1`,
		to: `${c}$2`,
		fromMonth: row('fromMonth'),
		toMonth: row('toMonth'),
		fromLastDay: row('fromLastDay'),
		toLastDay: row('toLastDay'),
		fromLastBusinessDay: row('fromLastBusinessDay'),
		toLastBusinessDay: row('toLastBusinessDay')
	};
}

/** Obligation row of Schedule row `r`. */
const obligationRow = (r: number) => DATA_FIRST + (r - SCHEDULE_FIRST);

export function buildSchedule(): SheetBuilder {
	const sheet = new SheetBuilder('Schedule', { rows: SCHEDULE_LAST + 3, cols: 22 });
	sheet.text('A1', 'Week starts').text('A2', 'Week ends');
	HELPER_ROWS.forEach(([, label], i) => sheet.text(`A${3 + i}`, label));
	sheet.bold('A1:A2');
	for (let w = 1; w <= WEEKS; w++) {
		const c = columnName(w);
		sheet.set(`${c}1`, `=Forecast!B${9 + w}`).set(`${c}2`, `=Forecast!C${9 + w}`);
		const helpers = windowHelperFormulas(`${c}1`, `${c}2`);
		HELPER_ROWS.forEach(([key], i) => sheet.set(`${c}${3 + i}`, `=${helpers[key]}`));
		sheet.set(`${c}${HEADER}`, w);
	}
	sheet.format(`B1:${LAST_WEEK}2`, FORMATS.date).format(`B5:${LAST_WEEK}8`, FORMATS.date);
	sheet.headers(`A${HEADER}`, ['Counterparty (due date in each week)']);
	sheet.bold(`B${HEADER}:${LAST_WEEK}${HEADER}`);
	const r = SCHEDULE_FIRST;
	const o = obligationRow(r);
	sheet.set(`A${r}`, `=IF(Obligations!$A${o}="","",Obligations!$A${o})`);
	const inputs = {
		frequency: `Obligations!$E${o}`,
		start: `Obligations!$F${o}`,
		end: `Obligations!$G${o}`,
		dayRule: `Obligations!$H${o}`
	};
	const helpers = timingHelperFormulas(inputs);
	const helperCells: [string, string, string][] = [
		['P', 'Frequency', `=${inputs.frequency}`],
		['Q', 'Days apart', `=${helpers.days}`],
		['R', 'Months apart', `=${helpers.months}`],
		['S', 'Start', `=${inputs.start}`],
		['T', 'Until', `=${helpers.until}`],
		['U', 'Start month #', `=${helpers.startMonth}`],
		['V', 'Day rule', `=${inputs.dayRule}&""`]
	];
	sheet.headers(
		`P${HEADER}`,
		helperCells.map(([, label]) => label)
	);
	for (const [column, , formula] of helperCells) sheet.set(`${column}${r}`, formula);
	const cell = occurrenceDateCellFormula(
		{
			frequency: `$P${r}`,
			days: `$Q${r}`,
			months: `$R${r}`,
			start: `$S${r}`,
			until: `$T${r}`,
			startMonth: `$U${r}`,
			dayRule: `$V${r}`
		},
		weekWindow('B')
	);
	sheet.set(`B${r}`, `=IF(ISNUMBER(Obligations!$C${o}),${cell},0)`);
	sheet.fillRight(`B${r}:${LAST_WEEK}${r}`);
	sheet.fillDown(`A${r}:V${SCHEDULE_LAST}`);
	// A date, or nothing when the obligation is not due that week (the value is then 0).
	sheet.format(`B${r}:${LAST_WEEK}${SCHEDULE_LAST}`, 'd mmm;;');
	sheet.format(`S${r}:T${SCHEDULE_LAST}`, FORMATS.date);
	sheet.text(
		`A${SCHEDULE_LAST + 2}`,
		`Rows ${DATA_FIRST}–${INPUT_ROWS} of Obligations; the Forecast counts every row of ` +
			'Obligations, however far down (fill these rows down to show more here).'
	);
	return sheet.width({ A: 240 });
}

export function buildStatus(): SheetBuilder {
	const sheet = new SheetBuilder('Status', { rows: SCHEDULE_LAST + 3, cols: 16 });
	sheet.heading('A1', 'What became of each occurrence in the forecast weeks');
	sheet.text(
		'A2',
		'paid: its payments cover the amount; partly paid: some was paid; overdue: due before the ' +
			'as-of date and nothing paid; scheduled: still to come.'
	);
	sheet.text(`A${HEADER - 1}`, 'Week starts');
	for (let w = 1; w <= WEEKS; w++) {
		const c = columnName(w);
		sheet.set(`${c}${HEADER - 1}`, `=Schedule!${c}1`).set(`${c}${HEADER}`, w);
	}
	sheet.format(`B${HEADER - 1}:${LAST_WEEK}${HEADER - 1}`, FORMATS.date);
	sheet.headers(`A${HEADER}`, ['Counterparty']).bold(`B${HEADER}:${LAST_WEEK}${HEADER}`);
	const r = SCHEDULE_FIRST;
	const o = obligationRow(r);
	const due = `Schedule!B${r}`;
	const paid = `SUMIFS(PayAmount,PayCounterparty,$A${r},PayDueDate,${due})`;
	sheet.set(`A${r}`, `=Schedule!A${r}`);
	sheet.set(
		`B${r}`,
		`=IF(${due}=0,"",IF(${paid}>=Obligations!$C${o},"paid",IF(${paid}>0,"partly paid",` +
			`IF(${due}<AsOfDate,"overdue","scheduled"))))`
	);
	sheet.fillRight(`B${r}:${LAST_WEEK}${r}`);
	sheet.fillDown(`A${r}:${LAST_WEEK}${SCHEDULE_LAST}`);
	return sheet.width({ A: 240 });
}
