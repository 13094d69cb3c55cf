/**
 * The net-worth template: assets and liabilities (item, type, category) with a value for each
 * of 12 months; totals and net worth by month; and the allocation of assets by category,
 * as of a chosen month, against target percentages.
 */
import { FORMATS, SheetBuilder, columnName, type TemplateSpec } from './builder';
import type { TemplateChart } from './types';

const FIRST = 4;
const LAST = FIRST + 29;
/** Month m (1–12) is column D…O on Balances. */
const monthColumn = (m: number) => columnName(m + 2);

type Item = [
	name: string,
	type: 'Asset' | 'Liability',
	category: string,
	value: (m: number) => number
];

const cents = (value: number) => Math.round(value * 100) / 100;

/** The sample household, month 0 = January. */
const ITEMS: Item[] = [
	['Checking', 'Asset', 'Cash', (m) => 8000 + 150 * m],
	['Savings', 'Asset', 'Cash', (m) => 20000 + 400 * m],
	['Brokerage account', 'Asset', 'Stocks', (m) => cents(85000 * 1.006 ** m)],
	['Bond fund', 'Asset', 'Bonds', (m) => cents(30000 * 1.003 ** m)],
	['401(k)', 'Asset', 'Retirement', (m) => cents(140000 * 1.007 ** m + 1500 * m)],
	['Rental duplex', 'Asset', 'Real estate', (m) => cents(350000 * 1.0025 ** m)],
	['Home', 'Asset', 'Real estate', (m) => cents(520000 * 1.002 ** m)],
	['Home mortgage', 'Liability', 'Mortgage', (m) => 310000 - 900 * m],
	['Duplex loan', 'Liability', 'Mortgage', (m) => 262500 - 240 * m],
	['Credit card', 'Liability', 'Credit card', (m) => [2400, 1850, 2100, 1950][m % 4]],
	['Car loan', 'Liability', 'Auto loan', (m) => 18000 - 420 * m]
];

/** Asset categories with their target share of assets. */
const TARGETS: [string, number][] = [
	['Cash', 0.05],
	['Stocks', 0.15],
	['Bonds', 0.05],
	['Retirement', 0.15],
	['Real estate', 0.6]
];

function buildBalances(): SheetBuilder {
	const sheet = new SheetBuilder('Balances', { rows: LAST + 5, cols: 18 });
	sheet.labelled(1, [
		{ label: 'First month', value: '2026-01-01', format: FORMATS.date, name: 'FirstMonth' }
	]);
	sheet.headers(`A${FIRST - 1}`, ['Item', 'Type', 'Category']);
	sheet.set(`D${FIRST - 1}`, '=FirstMonth');
	for (let m = 2; m <= 12; m++) {
		sheet.set(`${monthColumn(m)}${FIRST - 1}`, `=EDATE(${monthColumn(m - 1)}${FIRST - 1},1)`);
	}
	sheet.text(`P${FIRST - 1}`, 'As of month');
	sheet.bold(`D${FIRST - 1}:P${FIRST - 1}`).format(`D${FIRST - 1}:O${FIRST - 1}`, FORMATS.month);
	ITEMS.forEach(([name, type, category, value], i) => {
		const r = FIRST + i;
		sheet.text(`A${r}`, name).text(`B${r}`, type).text(`C${r}`, category);
		for (let m = 1; m <= 12; m++) sheet.set(`${monthColumn(m)}${r}`, value(m - 1));
	});
	sheet.set(`P${FIRST}`, `=INDEX(D${FIRST}:O${FIRST},1,AsOfMonth)`);
	sheet.fillDown(`P${FIRST}:P${LAST}`);
	sheet.format(`D${FIRST}:P${LAST}`, FORMATS.money);
	sheet.text(
		`A${LAST + 2}`,
		'Type is Asset or Liability; values are positive (a liability is what is owed).'
	);
	sheet.width({ A: 170, B: 80, C: 110, P: 120 });
	return sheet;
}

function buildNetWorth(): SheetBuilder {
	const sheet = new SheetBuilder('Net worth', { rows: 30, cols: 10 });
	sheet.headers('A1', ['Month', 'Assets', 'Liabilities', 'Net worth', 'Change']);
	const types = `Balances!$B$${FIRST}:$B$${LAST}`;
	for (let m = 1; m <= 12; m++) {
		const r = m + 1;
		const c = monthColumn(m);
		const values = `Balances!${c}$${FIRST}:${c}$${LAST}`;
		sheet.set(`A${r}`, `=Balances!${c}${FIRST - 1}`);
		sheet.set(`B${r}`, `=SUMIFS(${values},${types},"Asset")`);
		sheet.set(`C${r}`, `=SUMIFS(${values},${types},"Liability")`);
		sheet.set(`D${r}`, `=B${r}-C${r}`);
		if (m > 1) sheet.set(`E${r}`, `=D${r}-D${r - 1}`);
	}
	sheet.format('A2:A13', FORMATS.month).format('B2:E13', FORMATS.money);
	sheet.labelled(
		1,
		[
			{ label: 'As of month (1–12)', value: 12, format: FORMATS.integer, name: 'AsOfMonth' },
			{
				label: 'Total assets',
				value: '=INDEX(B2:B13,AsOfMonth)',
				format: FORMATS.money,
				name: 'TotalAssets'
			},
			{
				label: 'Total liabilities',
				value: '=INDEX(C2:C13,AsOfMonth)',
				format: FORMATS.money,
				name: 'TotalLiabilities'
			},
			{
				label: 'Net worth',
				value: '=INDEX(D2:D13,AsOfMonth)',
				format: FORMATS.money,
				name: 'NetWorth'
			},
			{
				label: 'Change since first month',
				value: '=NetWorth-D2',
				format: FORMATS.money
			}
		],
		'G'
	);
	sheet.bold('G1:G5');
	sheet.width({ A: 100, B: 130, C: 130, D: 130, E: 110, G: 200, H: 130 });
	return sheet;
}

function buildAllocation(): SheetBuilder {
	const sheet = new SheetBuilder('Allocation', { rows: 30, cols: 10 });
	sheet.headers('A1', ['Category', 'Value', 'Share', 'Target', 'Difference', 'To reach target']);
	const last = 1 + TARGETS.length;
	TARGETS.forEach(([category, target], i) => {
		const r = i + 2;
		sheet.text(`A${r}`, category).set(`D${r}`, target);
		sheet.set(
			`B${r}`,
			`=SUMIFS(Balances!$P$${FIRST}:$P$${LAST},Balances!$C$${FIRST}:$C$${LAST},A${r},` +
				`Balances!$B$${FIRST}:$B$${LAST},"Asset")`
		);
		sheet.set(`C${r}`, `=IF(TotalAssets=0,0,B${r}/TotalAssets)`);
		sheet.set(`E${r}`, `=C${r}-D${r}`);
		sheet.set(`F${r}`, `=D${r}*TotalAssets-B${r}`);
	});
	const total = last + 1;
	sheet.text(`A${total}`, 'Total').bold(`A${total}:F${total}`);
	for (const c of ['B', 'C', 'D']) sheet.set(`${c}${total}`, `=SUM(${c}2:${c}${last})`);
	sheet.text(`A${total + 1}`, 'Assets in other categories');
	sheet.set(`B${total + 1}`, `=TotalAssets-B${total}`);
	sheet.format(`B2:B${total + 1}`, FORMATS.money).format(`F2:F${total}`, FORMATS.money);
	sheet.format(`C2:E${total}`, FORMATS.percent);
	sheet.text(
		`A${total + 3}`,
		'Values as of the month chosen on Net worth; targets should add up to 100%. ' +
			'“To reach target” is what to add (or, negative, to take out) of each category.'
	);
	sheet.width({ A: 200, B: 130, C: 90, D: 90, E: 100, F: 140 });
	return sheet;
}

/** Builds the net-worth template's description (no document is touched). */
export function buildNetWorthTemplate(): TemplateSpec {
	return { sheets: [buildNetWorth(), buildBalances(), buildAllocation()] };
}

/** Charts the net-worth template asks for. */
export const NETWORTH_CHARTS: TemplateChart[] = [
	{
		type: 'line',
		title: 'Net worth over time',
		sheet: 'Net worth',
		labelsRange: 'A2:A13',
		series: [
			{ name: 'Assets', range: 'B2:B13' },
			{ name: 'Liabilities', range: 'C2:C13' },
			{ name: 'Net worth', range: 'D2:D13' }
		]
	},
	{
		type: 'doughnut',
		title: 'Allocation by category',
		sheet: 'Allocation',
		labelsRange: `A2:A${1 + TARGETS.length}`,
		series: [{ name: 'Value', range: `B2:B${1 + TARGETS.length}` }]
	}
];
