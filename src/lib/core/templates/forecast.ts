/**
 * The 13-week cash-flow forecast template. Obligations (who, inflow or outflow, amount in its
 * currency with the rate to the base currency, frequency, start, optional end, confidence)
 * expand into a Schedule of one formula per obligation × week (rule in
 * `forecast/occurrence.ts`); the Forecast sheet sums each week's inflows and outflows in the base
 * currency into an ending balance from the opening balance, and a confidence-weighted balance
 * where every amount counts at its confidence (expected value).
 */
import { FORMATS, SheetBuilder, columnName, type TemplateSpec } from './builder';
import { nextOccurrenceFormula } from './forecast/occurrence';
import type { TemplateChart } from './types';

const WEEKS = 13;
/** Obligations rows 2…31 on Obligations; rows 5…34 on Schedule (weeks in columns B…N). */
const CAPACITY = 30;
const OB_FIRST = 2;
const OB_LAST = OB_FIRST + CAPACITY - 1;
const SCHEDULE_FIRST = 5;
/** Forecast table: week 1 in row 6. */
const WEEK_FIRST = 6;
const WEEK_LAST = WEEK_FIRST + WEEKS - 1;

type Sample = [
	string,
	'Inflow' | 'Outflow',
	number,
	string,
	number,
	string,
	string,
	string,
	number
];

/** The sample obligations (base currency USD), forecast from Monday 5 January 2026. */
const SAMPLE: Sample[] = [
	['Tenants: rent roll', 'Inflow', 9600, 'USD', 1, 'monthly', '2026-01-01', '', 0.95],
	['Consulting client', 'Inflow', 4000, 'EUR', 1.08, 'monthly', '2025-12-15', '', 0.8],
	['Payroll', 'Outflow', 6000, 'USD', 1, 'monthly', '2026-01-31', '', 1],
	['Mortgage: First Bank', 'Outflow', 3900, 'USD', 1, 'monthly', '2026-01-01', '', 1],
	['Cleaning crew', 'Outflow', 250, 'USD', 1, 'weekly', '2026-01-07', '2026-03-04', 1],
	['County property tax', 'Outflow', 4200, 'USD', 1, 'quarterly', '2025-11-20', '', 1],
	['Insurance renewal', 'Outflow', 1500, 'USD', 1, 'once', '2026-03-10', '', 0.9],
	['Software (UK vendor)', 'Outflow', 120, 'GBP', 1.27, 'monthly', '2026-01-05', '', 1]
];

function buildObligations(): SheetBuilder {
	const sheet = new SheetBuilder('Obligations', { rows: 50, cols: 14 });
	sheet.headers('A1', [
		'Counterparty',
		'Direction',
		'Amount',
		'Currency',
		'Rate to base',
		'Frequency',
		'Start',
		'End',
		'Confidence',
		'Amount in base',
		'Step (months)',
		'Until'
	]);
	SAMPLE.forEach(
		([who, direction, amount, currency, rate, frequency, start, end, confidence], i) => {
			const r = OB_FIRST + i;
			sheet.text(`A${r}`, who).text(`B${r}`, direction).set(`C${r}`, amount);
			sheet.text(`D${r}`, currency).set(`E${r}`, rate).text(`F${r}`, frequency);
			sheet.set(`G${r}`, start).set(`I${r}`, confidence);
			if (end) sheet.set(`H${r}`, end);
		}
	);
	for (let r = OB_FIRST; r <= OB_LAST; r++) {
		sheet.set(`J${r}`, `=IF(B${r}="Outflow",-1,1)*C${r}*E${r}`);
		sheet.set(`K${r}`, `=IF(F${r}="monthly",1,IF(F${r}="quarterly",3,0))`);
		sheet.set(`L${r}`, `=IF(H${r}="",DATE(9999,12,31),H${r})`);
	}
	sheet.format(`C${OB_FIRST}:C${OB_LAST}`, FORMATS.number);
	sheet.format(`E${OB_FIRST}:E${OB_LAST}`, '0.0000');
	sheet.format(`G${OB_FIRST}:H${OB_LAST}`, FORMATS.date);
	sheet.format(`I${OB_FIRST}:I${OB_LAST}`, FORMATS.percent);
	sheet.format(`J${OB_FIRST}:J${OB_LAST}`, FORMATS.money);
	sheet.format(`L${OB_FIRST}:L${OB_LAST}`, FORMATS.date);
	const notes = OB_LAST + 2;
	[
		'Direction: Inflow or Outflow. Amount in its own currency; Rate to base converts it (the rate of the day).',
		'Frequency: weekly (every 7 days from Start), monthly (Start’s day of the month, or the month’s last day ' +
			'when it has no such day), quarterly (the same every 3 months from Start) or once (on Start).',
		'End is optional: nothing occurs after it. Confidence weights the amount in the weighted balance.'
	].forEach((note, i) => sheet.text(`A${notes + i}`, note));
	sheet.width({ A: 200, B: 80, C: 100, D: 80, E: 100, F: 100, G: 100, H: 100, I: 100, J: 120 });
	return sheet;
}

/** Helper columns of Schedule mirroring each obligation (same-sheet references keep it small). */
const HELPERS: [string, string, (o: number) => string][] = [
	['Q', 'Start', (o) => `=Obligations!$G${o}`],
	['R', 'Until', (o) => `=Obligations!$L${o}`],
	['S', 'Step (months)', (o) => `=Obligations!$K${o}`],
	['T', 'Start month #', (o) => `=YEAR(Obligations!$G${o})*12+MONTH(Obligations!$G${o})`],
	['U', 'Frequency', (o) => `=IF(Obligations!$F${o}="","",Obligations!$F${o})`],
	['V', 'Amount in base', (o) => `=Obligations!$J${o}`],
	['W', 'Confidence', (o) => `=Obligations!$I${o}`]
];

function buildSchedule(): SheetBuilder {
	const r = SCHEDULE_FIRST;
	const lastRow = SCHEDULE_FIRST + CAPACITY - 1;
	const lastCol = columnName(WEEKS);
	const sheet = new SheetBuilder('Schedule', { rows: lastRow + 5, cols: 24 });
	sheet.text('A1', 'Week starts').text('A2', 'Week ends').text('A3', 'Month #').bold('A1:A3');
	sheet.headers(`A${r - 1}`, ['Counterparty']);
	for (let w = 1; w <= WEEKS; w++) {
		const c = columnName(w);
		sheet.set(`${c}1`, `=ForecastStart+7*(${c}${r - 1}-1)`).set(`${c}2`, `=${c}1+6`);
		sheet.set(`${c}3`, `=YEAR(${c}1)*12+MONTH(${c}1)`).set(`${c}${r - 1}`, w);
	}
	sheet.bold(`B${r - 1}:${lastCol}${r - 1}`);
	sheet.format(`B1:${lastCol}2`, FORMATS.date);
	sheet.set(`A${r}`, `=IF(Obligations!$A${OB_FIRST}="","",Obligations!$A${OB_FIRST})`);
	for (const [column, label, formula] of HELPERS) {
		sheet.text(`${column}${r - 1}`, label).bold(`${column}${r - 1}`);
		sheet.set(`${column}${r}`, formula(OB_FIRST));
	}
	const next = nextOccurrenceFormula({
		frequency: `$U${r}`,
		start: `$Q${r}`,
		step: `$S${r}`,
		startMonth: `$T${r}`,
		weekStart: 'B$1',
		weekMonth: 'B$3'
	});
	sheet.set(`B${r}`, `=IF(${next}<=MIN(B$2,$R${r}),$V${r},0)`);
	// Fill the first week right across the weeks, then the whole row down the obligations.
	sheet.fillRight(`B${r}:${lastCol}${r}`);
	sheet.fillDown(`A${r}:W${lastRow}`);
	sheet.format(`B${r}:${lastCol}${lastRow}`, FORMATS.money);
	sheet.format(`Q${r}:R${lastRow}`, FORMATS.date);
	sheet.format(`V${r}:V${lastRow}`, FORMATS.money);
	sheet.format(`W${r}:W${lastRow}`, FORMATS.percent);
	sheet.text(
		`A${lastRow + 2}`,
		'Each cell is the obligation’s amount in the base currency (inflows positive) in the week ' +
			'it occurs: when its first date on or after the week start is within the week and not ' +
			'after its End (rule on the Obligations sheet).'
	);
	sheet.width({ A: 200 });
	return sheet;
}

function buildForecast(): SheetBuilder {
	const sheet = new SheetBuilder('Forecast', { rows: 40, cols: 12 });
	sheet.heading('A1', '13-week cash-flow forecast');
	sheet.labelled(2, [
		{ label: 'Week 1 starts', value: '2026-01-05', format: FORMATS.date, name: 'ForecastStart' },
		{ label: 'Opening balance', value: 25000, format: FORMATS.money, name: 'OpeningBalance' },
		{ label: 'Base currency', name: 'BaseCurrency' }
	]);
	sheet.text('B4', 'USD');
	sheet.headers(`A${WEEK_FIRST - 1}`, [
		'Week',
		'Starts',
		'Ends',
		'Inflows',
		'Outflows',
		'Net',
		'Ending balance',
		'Weighted inflows',
		'Weighted outflows',
		'Weighted balance'
	]);
	const confidence = `Schedule!$W$${SCHEDULE_FIRST}:$W$${SCHEDULE_FIRST + CAPACITY - 1}`;
	for (let w = 1; w <= WEEKS; w++) {
		const r = WEEK_FIRST + w - 1;
		const c = columnName(w);
		const week = `Schedule!${c}$${SCHEDULE_FIRST}:${c}$${SCHEDULE_FIRST + CAPACITY - 1}`;
		const previous = w === 1 ? 'OpeningBalance' : `G${r - 1}`;
		const previousWeighted = w === 1 ? 'OpeningBalance' : `J${r - 1}`;
		sheet.set(`A${r}`, w);
		sheet.set(`B${r}`, `=Schedule!${c}1`).set(`C${r}`, `=Schedule!${c}2`);
		sheet.set(`D${r}`, `=SUMIF(${week},">0")`);
		sheet.set(`E${r}`, `=-SUMIF(${week},"<0")`);
		sheet.set(`F${r}`, `=D${r}-E${r}`);
		sheet.set(`G${r}`, `=${previous}+F${r}`);
		sheet.set(`H${r}`, `=SUMPRODUCT((${week}>0)*${week}*${confidence})`);
		sheet.set(`I${r}`, `=-SUMPRODUCT((${week}<0)*${week}*${confidence})`);
		sheet.set(`J${r}`, `=${previousWeighted}+H${r}-I${r}`);
	}
	sheet.format(`B${WEEK_FIRST}:C${WEEK_LAST}`, FORMATS.date);
	sheet.format(`D${WEEK_FIRST}:J${WEEK_LAST}`, FORMATS.money);
	const summary = WEEK_LAST + 2;
	sheet.labelled(summary, [
		{
			label: 'Ending balance (week 13)',
			value: `=G${WEEK_LAST}`,
			format: FORMATS.money,
			name: 'EndingBalance'
		},
		{
			label: 'Lowest ending balance',
			value: `=MIN(G${WEEK_FIRST}:G${WEEK_LAST})`,
			format: FORMATS.money,
			name: 'LowestBalance'
		},
		{
			label: 'Weighted ending balance (week 13)',
			value: `=J${WEEK_LAST}`,
			format: FORMATS.money,
			name: 'WeightedEndingBalance',
			note: 'Every amount counted at its confidence'
		}
	]);
	sheet.bold(`A${summary}:A${summary + 2}`);
	sheet.width({ A: 230, B: 100, C: 100, D: 110, E: 110, F: 110, G: 130, H: 130, I: 130, J: 130 });
	return sheet;
}

/** Builds the forecast template's description (no document is touched). */
export function buildForecastTemplate(): TemplateSpec {
	return { sheets: [buildForecast(), buildObligations(), buildSchedule()] };
}

/** Charts the forecast template asks for. */
export const FORECAST_CHARTS: TemplateChart[] = [
	{
		type: 'line',
		title: 'Weekly ending balance',
		sheet: 'Forecast',
		labelsRange: `B${WEEK_FIRST}:B${WEEK_LAST}`,
		series: [
			{ name: 'Ending balance', range: `G${WEEK_FIRST}:G${WEEK_LAST}` },
			{ name: 'Confidence-weighted', range: `J${WEEK_FIRST}:J${WEEK_LAST}` }
		]
	}
];
