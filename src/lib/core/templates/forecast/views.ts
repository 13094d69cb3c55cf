/**
 * The forecast's two views: Forecast (13 weeks from `ForecastStart`, with the parameters) and
 * Monthly (12 calendar months from the month of `ForecastStart`). Every figure sums all the
 * rows of Obligations or Payments through whole-column names (SUMPRODUCT over `ObAmount` and
 * friends), so a row typed anywhere counts.
 *
 * Per period: scheduled inflows and outflows (amounts × occurrences, in the base currency),
 * the expected net (each amount weighted by its confidence), the actual net (payments dated in
 * the period), the variance (actual − scheduled net, once the period is over), the net used
 * (actual for periods that ended before `AsOfDate`, expected for the others) and the running
 * balance from `OpeningBalance` (the Accounts in base).
 */
import { FORMATS, SheetBuilder } from '../builder';
import { occurrenceCountFormula, windowHelperFormulas, type WindowRefs } from './occurrence';
import { ALL_OBLIGATIONS, matchObligation, rateFormula, signFormula } from './refs';
import { WEEKS } from './schedule';

/** Forecast: weeks in rows 10…22. */
export const WEEK_FIRST = 10;
export const WEEK_LAST = WEEK_FIRST + WEEKS - 1;
const MONTHS = 12;
export const MONTH_FIRST = 4;
export const MONTH_LAST = MONTH_FIRST + MONTHS - 1;

const HEADERS = [
	'Scheduled in',
	'Scheduled out',
	'Expected net',
	'Actual net',
	'Variance',
	'Net used',
	'Balance'
];
/** Window helper columns (M…R) beside each period row. */
const HELPER_COLUMNS: [keyof ReturnType<typeof windowHelperFormulas>, string, string][] = [
	['fromMonth', 'M', 'Start month #'],
	['toMonth', 'N', 'End month #'],
	['fromLastDay', 'O', 'Its last day'],
	['toLastDay', 'P', 'Its last day'],
	['fromLastBusinessDay', 'Q', 'Last business day'],
	['toLastBusinessDay', 'R', 'Last business day']
];

function windowOf(r: number): WindowRefs {
	const at = (key: string) => `$${HELPER_COLUMNS.find(([k]) => k === key)![1]}${r}`;
	return {
		from: `$B${r}`,
		to: `$C${r}`,
		fromMonth: at('fromMonth'),
		toMonth: at('toMonth'),
		fromLastDay: at('fromLastDay'),
		toLastDay: at('toLastDay'),
		fromLastBusinessDay: at('fromLastBusinessDay'),
		toLastBusinessDay: at('toLastBusinessDay')
	};
}

/**
 * Writes one period row `r` (its dates already in B and C): helpers, the sums of D…J, and the
 * balance carried from `previous`.
 */
function periodRow(sheet: SheetBuilder, r: number, previous: string): void {
	const helpers = windowHelperFormulas(`$B${r}`, `$C${r}`);
	for (const [key, column] of HELPER_COLUMNS) sheet.set(`${column}${r}`, `=${helpers[key]}`);
	const count = occurrenceCountFormula(ALL_OBLIGATIONS, windowOf(r));
	const inBase = `ObAmount*${rateFormula('ObCurrency')}*(${count})`;
	const scheduled = (direction: string) =>
		`=SUMPRODUCT(IF(ISNUMBER(ObAmount)*(ObDirection="${direction}"),${inBase},0))`;
	sheet.set(`D${r}`, scheduled('Inflow')).set(`E${r}`, scheduled('Outflow'));
	sheet.set(
		`F${r}`,
		`=SUMPRODUCT(IF(ISNUMBER(ObAmount),${signFormula('ObDirection')}*${inBase}*` +
			`IF(ISNUMBER(ObConfidence),ObConfidence,1),0))`
	);
	const of = (name: string) => `INDEX(${name},${matchObligation('PayCounterparty')})`;
	sheet.set(
		`G${r}`,
		`=SUMPRODUCT(IF(ISNUMBER(PayAmount)*(PayDate>=$B${r})*(PayDate<=$C${r}),` +
			`${signFormula(of('ObDirection'))}*PayAmount*${rateFormula(of('ObCurrency'))},0))`
	);
	sheet.set(`H${r}`, `=IF($C${r}<AsOfDate,G${r}-(D${r}-E${r}),"")`);
	sheet.set(`I${r}`, `=IF($C${r}<AsOfDate,G${r},F${r})`);
	sheet.set(`J${r}`, `=${previous}+I${r}`);
	sheet.set(`K${r}`, `=IF(J${r}<MinimumBalance,"below minimum","")`);
}

function periodHeaders(sheet: SheetBuilder, row: number, first: string): void {
	sheet.headers(`A${row}`, [first, 'Starts', 'Ends', ...HEADERS, 'Below minimum?']);
	sheet.headers(
		`M${row}`,
		HELPER_COLUMNS.map(([, , label]) => label)
	);
}

function formatPeriods(sheet: SheetBuilder, first: number, last: number): void {
	sheet.format(`B${first}:C${last}`, FORMATS.date).format(`D${first}:J${last}`, FORMATS.money);
	sheet.format(`O${first}:R${last}`, FORMATS.date).bold(`K${first}:K${last}`);
	sheet.width({ A: 230, B: 100, C: 100, D: 120, E: 120, F: 120, G: 120, H: 110, I: 120 });
	sheet.width({ J: 130, K: 120 });
}

export function buildForecast(baseCurrency: string): SheetBuilder {
	const sheet = new SheetBuilder('Forecast', { rows: WEEK_LAST + 10, cols: 18 });
	sheet.heading('A1', '13-week cash-flow forecast');
	sheet.labelled(2, [
		{ label: 'Week 1 starts', value: '2026-01-05', format: FORMATS.date, name: 'ForecastStart' },
		{
			label: 'As of',
			value: '2026-01-19',
			format: FORMATS.date,
			name: 'AsOfDate',
			note: 'Weeks that end before this date show actual payments; type =TODAY() to follow the calendar'
		},
		{ label: 'Base currency', name: 'BaseCurrency', note: 'An ISO 4217 code' },
		{
			label: 'Opening balance',
			value:
				'=SUMPRODUCT(IF(ISNUMBER(AccountBalance),AccountBalance*' +
				`${rateFormula('AccountCurrency')},0))`,
			format: FORMATS.money,
			name: 'OpeningBalance',
			note: 'The Accounts sheet, in the base currency'
		},
		{
			label: 'Minimum balance',
			value: 20000,
			format: FORMATS.money,
			name: 'MinimumBalance',
			note: 'Weeks whose balance falls below it are flagged'
		}
	]);
	sheet.text('B4', baseCurrency);
	periodHeaders(sheet, WEEK_FIRST - 1, 'Week');
	for (let w = 1; w <= WEEKS; w++) {
		const r = WEEK_FIRST + w - 1;
		sheet.set(`A${r}`, w);
		sheet.set(`B${r}`, w === 1 ? '=ForecastStart' : `=B${r - 1}+7`).set(`C${r}`, `=B${r}+6`);
		periodRow(sheet, r, w === 1 ? 'OpeningBalance' : `J${r - 1}`);
	}
	formatPeriods(sheet, WEEK_FIRST, WEEK_LAST);
	const weeks = (column: string) => `${column}${WEEK_FIRST}:${column}${WEEK_LAST}`;
	sheet.labelled(WEEK_LAST + 2, [
		{
			label: 'Ending balance (week 13)',
			value: `=J${WEEK_LAST}`,
			format: FORMATS.money,
			name: 'EndingBalance'
		},
		{
			label: 'Lowest balance',
			value: `=MIN(${weeks('J')})`,
			format: FORMATS.money,
			name: 'LowestBalance'
		},
		{
			label: 'Week of the lowest balance',
			value: `=INDEX(${weeks('A')},MATCH(LowestBalance,${weeks('J')},0))`,
			format: FORMATS.integer,
			name: 'LowestWeek'
		},
		{
			label: 'First week below the minimum',
			value: `=IFERROR(INDEX(${weeks('A')},MATCH("below minimum",${weeks('K')},0)),"none")`,
			format: FORMATS.integer,
			name: 'FirstWeekBelowMinimum'
		}
	]);
	sheet.bold(`A${WEEK_LAST + 2}:B${WEEK_LAST + 5}`);
	return sheet;
}

export function buildMonthly(): SheetBuilder {
	const sheet = new SheetBuilder('Monthly', { rows: MONTH_LAST + 4, cols: 18 });
	sheet.heading('A1', '12-month view (calendar months from the month of week 1)');
	sheet.text(
		'A2',
		'Payments dated in the first month before week 1 starts count here but not in the weekly view.'
	);
	periodHeaders(sheet, MONTH_FIRST - 1, 'Month');
	for (let m = 1; m <= MONTHS; m++) {
		const r = MONTH_FIRST + m - 1;
		sheet.set(`A${r}`, m);
		sheet.set(
			`B${r}`,
			m === 1 ? '=DATE(YEAR(ForecastStart),MONTH(ForecastStart),1)' : `=C${r - 1}+1`
		);
		sheet.set(`C${r}`, `=EOMONTH(B${r},0)`);
		periodRow(sheet, r, m === 1 ? 'OpeningBalance' : `J${r - 1}`);
	}
	formatPeriods(sheet, MONTH_FIRST, MONTH_LAST);
	sheet.defineName('MonthlyEndingBalance', `J${MONTH_LAST}`);
	return sheet;
}
