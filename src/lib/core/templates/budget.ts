/**
 * The monthly budget template: a budget and actual spending per category for each month of a
 * year; the unspent part of a month's available amount rolls forward into the next month;
 * variances; and a year-to-date view through a selectable month.
 *
 * Roll-forward rule (envelope budgeting): available(1) = budget(1); available(m) = budget(m) +
 * MAX(0, available(m−1) − actual(m−1)). Only what is left over rolls forward: overspending a
 * month does not reduce the next one. Months without actuals yet roll their whole amount on.
 */
import { FORMATS, SheetBuilder, columnName, type TemplateSpec } from './builder';
import type { TemplateChart } from './types';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Sample categories with their monthly budget and actual spending for January–March. */
const CATEGORIES: [string, number, number[]][] = [
	['Housing', 1800, [1800, 1800, 1800]],
	['Utilities', 250, [231.4, 268.9, 244.1]],
	['Groceries', 600, [540, 650, 580]],
	['Transportation', 300, [275, 310, 190]],
	['Insurance', 200, [200, 200, 200]],
	['Health', 150, [0, 85, 40]],
	['Entertainment', 200, [260, 150, 100]]
];

/** Rows of the category tables on Budget, Actual, Available, Remaining and Variance. */
const FIRST = 4;
const LAST = FIRST + CATEGORIES.length - 1;
const TOTAL = LAST + 1;
/** Column of month `m` (1-based): B … M. */
const month = (m: number) => columnName(m);

/** Title, month-number row, headers and category labels shared by the monthly tables. */
function monthlyTable(name: string, title: string, labelFrom?: string): SheetBuilder {
	const sheet = new SheetBuilder(name, { rows: 40, cols: 16 });
	sheet.heading('A1', title);
	sheet.text('A2', 'Month #');
	for (let m = 1; m <= 12; m++) sheet.set(`${month(m)}2`, m);
	sheet.headers('A3', ['Category', ...MONTHS, 'Year']);
	CATEGORIES.forEach(([category], i) => {
		const r = FIRST + i;
		if (labelFrom) sheet.set(`A${r}`, `=${labelFrom}!A${r}`);
		else sheet.text(`A${r}`, category);
	});
	sheet.text(`A${TOTAL}`, 'Total').bold(`A${TOTAL}:N${TOTAL}`);
	for (let m = 1; m <= 13; m++) {
		const c = columnName(m);
		sheet.set(`${c}${TOTAL}`, `=SUM(${c}${FIRST}:${c}${LAST})`);
	}
	for (let r = FIRST; r <= LAST; r++) sheet.set(`N${r}`, `=SUM(B${r}:M${r})`);
	sheet.format(`B${FIRST}:N${TOTAL}`, FORMATS.money);
	sheet.width({ A: 170, N: 110 });
	return sheet;
}

function buildBudget(): SheetBuilder {
	const sheet = monthlyTable('Budget', 'Monthly budget');
	CATEGORIES.forEach(([, amount], i) => {
		for (let m = 1; m <= 12; m++) sheet.set(`${month(m)}${FIRST + i}`, amount);
	});
	return sheet;
}

function buildActual(): SheetBuilder {
	const sheet = monthlyTable('Actual', 'Actual spending', 'Budget');
	CATEGORIES.forEach(([, , actuals], i) => {
		actuals.forEach((amount, m) => sheet.set(`${month(m + 1)}${FIRST + i}`, amount));
	});
	return sheet;
}

function buildAvailable(): SheetBuilder {
	const sheet = monthlyTable('Available', 'Available to spend (budget + rolled forward)', 'Budget');
	for (let r = FIRST; r <= LAST; r++) {
		sheet.set(`B${r}`, `=Budget!B${r}`);
		for (let m = 2; m <= 12; m++) {
			const c = month(m);
			const prev = month(m - 1);
			sheet.set(`${c}${r}`, `=Budget!${c}${r}+MAX(0,${prev}${r}-Actual!${prev}${r})`);
		}
		// A yearly sum of available amounts would count rolled-forward money twice.
		sheet.set(`N${r}`, `=M${r}-Actual!M${r}`);
	}
	sheet.text('N3', 'Left at year end').set(`N${TOTAL}`, `=SUM(N${FIRST}:N${LAST})`);
	sheet.text(
		`A${TOTAL + 2}`,
		'Each month: its budget plus what was left of the previous month’s available amount ' +
			'(never less than zero: overspending does not roll forward).'
	);
	return sheet;
}

function buildVariance(): SheetBuilder {
	const sheet = monthlyTable(
		'Variance',
		'Variance (budget − actual; positive is under budget)',
		'Budget'
	);
	for (let r = FIRST; r <= LAST; r++) {
		for (let m = 1; m <= 12; m++) {
			const c = month(m);
			sheet.set(`${c}${r}`, `=Budget!${c}${r}-Actual!${c}${r}`);
		}
	}
	return sheet;
}

function buildYearToDate(): SheetBuilder {
	const sheet = new SheetBuilder('Year to date', { rows: 40, cols: 10 });
	sheet.heading('A1', 'Year to date');
	sheet.labelled(2, [
		{ label: 'Through month (1–12)', value: 3, format: FORMATS.integer, name: 'SelectedMonth' },
		{ label: 'Month', value: '=INDEX(Budget!$B$3:$M$3,1,SelectedMonth)' }
	]);
	const head = 5;
	sheet.headers(`A${head}`, [
		'Category',
		'Budget',
		'Actual',
		'Variance',
		'% of budget used',
		'Available this month',
		'Left this month'
	]);
	const upTo = (sheetName: string, r: number) =>
		`SUMPRODUCT((${sheetName}!$B$2:$M$2<=SelectedMonth)*${sheetName}!$B${r}:$M${r})`;
	for (let r = FIRST; r <= TOTAL; r++) {
		const at = head + 1 + (r - FIRST);
		sheet.set(`A${at}`, `=Budget!A${r}`);
		sheet.set(`B${at}`, `=${upTo('Budget', r)}`);
		sheet.set(`C${at}`, `=${upTo('Actual', r)}`);
		sheet.set(`D${at}`, `=B${at}-C${at}`);
		sheet.set(`E${at}`, `=IF(B${at}=0,"",C${at}/B${at})`);
		if (r === TOTAL) {
			sheet.set(`F${at}`, `=SUM(F${head + 1}:F${at - 1})`);
			sheet.set(`G${at}`, `=SUM(G${head + 1}:G${at - 1})`);
		} else {
			sheet.set(`F${at}`, `=INDEX(Available!$B${r}:$M${r},1,SelectedMonth)`);
			sheet.set(`G${at}`, `=F${at}-INDEX(Actual!$B${r}:$M${r},1,SelectedMonth)`);
		}
	}
	const totalRow = head + 1 + (TOTAL - FIRST);
	sheet.bold(`A${totalRow}:G${totalRow}`);
	sheet.defineName('YtdBudget', `B${totalRow}`);
	sheet.defineName('YtdActual', `C${totalRow}`);
	sheet.defineName('YtdVariance', `D${totalRow}`);
	sheet.format(`B${head + 1}:D${totalRow}`, FORMATS.money);
	sheet.format(`E${head + 1}:E${totalRow}`, FORMATS.percent);
	sheet.format(`F${head + 1}:G${totalRow}`, FORMATS.money);

	const byMonth = totalRow + 2;
	sheet.headers(`A${byMonth}`, ['Month', 'Budget', 'Actual', 'Variance']);
	for (let m = 1; m <= 12; m++) {
		const at = byMonth + m;
		const c = month(m);
		sheet.set(`A${at}`, `=Budget!${c}3`);
		sheet.set(`B${at}`, `=Budget!${c}${TOTAL}`);
		sheet.set(`C${at}`, `=Actual!${c}${TOTAL}`);
		sheet.set(`D${at}`, `=B${at}-C${at}`);
	}
	sheet.format(`B${byMonth + 1}:D${byMonth + 12}`, FORMATS.money);
	sheet.width({ A: 190, B: 110, C: 110, D: 110, E: 130, F: 150, G: 130 });
	return sheet;
}

/** Builds the budget template's description (no document is touched). */
export function buildBudgetTemplate(): TemplateSpec {
	return {
		sheets: [buildBudget(), buildActual(), buildAvailable(), buildVariance(), buildYearToDate()]
	};
}

/** Row of the month-by-month totals on Year to date (for charts). */
const BY_MONTH_FIRST = 5 + 1 + (TOTAL - FIRST) + 2 + 1;

/** Charts the budget template asks for. */
export const BUDGET_CHARTS: TemplateChart[] = [
	{
		type: 'bar',
		title: 'Budget vs actual by month',
		sheet: 'Year to date',
		labelsRange: `A${BY_MONTH_FIRST}:A${BY_MONTH_FIRST + 11}`,
		series: [
			{ name: 'Budget', range: `B${BY_MONTH_FIRST}:B${BY_MONTH_FIRST + 11}` },
			{ name: 'Actual', range: `C${BY_MONTH_FIRST}:C${BY_MONTH_FIRST + 11}` }
		]
	}
];
