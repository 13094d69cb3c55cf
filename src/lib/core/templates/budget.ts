/**
 * The monthly budget template: income and expense categories with a budget for every month of
 * several consecutive years (one column per month, so December runs straight into January),
 * actuals summed from a Transactions sheet by formulas, a roll-forward of what is left (or
 * overspent), variances, and a view of one selected year through a selected month.
 *
 * Roll-forward rule (the seed's envelope rule, as YNAB carries overspending): for a category
 * whose "Roll forward" is `yes`, available(first month) = budget; available(m) = budget(m) +
 * available(m−1) − actual(m−1). A surplus carries forward and so does overspending (260 spent
 * of 200 in January leaves February 200 − 60 = 140). With `no`, available(m) = budget(m).
 */
import { FORMATS, SheetBuilder, columnName, type TemplateSpec } from './builder';
import type { TemplateChart } from './types';

/** The years the template covers; months run in columns from January of the first. */
export const BUDGET_FIRST_YEAR = 2026;
export const BUDGET_YEARS = 3;
const MONTHS = BUDGET_YEARS * 12;

type Kind = 'Income' | 'Expense';
/** Sample categories: type, roll-forward switch, monthly budget, January–March 2026 actuals. */
const CATEGORIES: [string, Kind, 'yes' | 'no', number, number[]][] = [
	['Salary', 'Income', 'no', 5200, [5200, 5200, 5200]],
	['Rental income', 'Income', 'no', 1800, [1800, 1650, 1800]],
	['Housing', 'Expense', 'yes', 1800, [1800, 1800, 1800]],
	['Utilities', 'Expense', 'no', 250, [231.4, 268.9, 244.1]],
	['Groceries', 'Expense', 'yes', 600, [540, 650, 580]],
	['Transportation', 'Expense', 'yes', 300, [275, 310, 190]],
	['Insurance', 'Expense', 'yes', 200, [200, 200, 200]],
	['Health', 'Expense', 'yes', 150, [0, 85, 40]],
	['Entertainment', 'Expense', 'yes', 200, [260, 150, 100]]
];

/** Rows of the category tables (same rows on Budget, Actual, Available and Variance). */
const HEAD = 3;
const FIRST = HEAD + 1;
const LAST = FIRST + CATEGORIES.length - 1;
const TOTAL_INCOME = LAST + 2;
const TOTAL_EXPENSE = TOTAL_INCOME + 1;
const NET = TOTAL_EXPENSE + 1;
/** Column of month `m` (1-based): D, E, … */
const month = (m: number) => columnName(2 + m);
const FIRST_MONTH = month(1);
const LAST_MONTH = month(MONTHS);
/** The row of month-start dates every sheet reads. */
const MONTH_ROW = `Budget!$${FIRST_MONTH}$${HEAD}:$${LAST_MONTH}$${HEAD}`;

/** Title, headers with the month dates and category labels shared by the monthly tables. */
function monthlyTable(name: string, title: string, fromBudget: boolean): SheetBuilder {
	const sheet = new SheetBuilder(name, { rows: NET + 6, cols: MONTHS + 3 });
	sheet.heading('A1', title);
	sheet.headers(`A${HEAD}`, ['Category', 'Type', 'Roll forward']);
	for (let m = 1; m <= MONTHS; m++) {
		const c = month(m);
		if (!fromBudget) {
			sheet.set(
				`${c}${HEAD}`,
				m === 1 ? `${BUDGET_FIRST_YEAR}-01-01` : `=EDATE(${month(m - 1)}${HEAD},1)`
			);
		} else sheet.set(`${c}${HEAD}`, `=Budget!${c}${HEAD}`);
	}
	sheet.format(`${FIRST_MONTH}${HEAD}:${LAST_MONTH}${HEAD}`, FORMATS.month);
	sheet.bold(`${FIRST_MONTH}${HEAD}:${LAST_MONTH}${HEAD}`);
	CATEGORIES.forEach(([category, kind, roll], i) => {
		const r = FIRST + i;
		if (fromBudget) {
			sheet.set(`A${r}`, `=Budget!A${r}`).set(`B${r}`, `=Budget!B${r}`);
			sheet.set(`C${r}`, `=Budget!C${r}`);
		} else sheet.text(`A${r}`, category).text(`B${r}`, kind).text(`C${r}`, roll);
	});
	sheet.format(`${FIRST_MONTH}${FIRST}:${LAST_MONTH}${NET}`, FORMATS.money);
	sheet.width({ A: 170, B: 80, C: 100 });
	return sheet;
}

/** Income, expense and net totals per month under the categories (SUMIF by type). */
function addTotals(sheet: SheetBuilder): void {
	sheet.text(`A${TOTAL_INCOME}`, 'Total income').text(`A${TOTAL_EXPENSE}`, 'Total expenses');
	sheet.text(`A${NET}`, 'Net (income − expenses)').bold(`A${TOTAL_INCOME}:A${NET}`);
	const types = `$B$${FIRST}:$B$${LAST}`;
	for (let m = 1; m <= MONTHS; m++) {
		const c = month(m);
		const values = `${c}$${FIRST}:${c}$${LAST}`;
		sheet.set(`${c}${TOTAL_INCOME}`, `=SUMIF(${types},"Income",${values})`);
		sheet.set(`${c}${TOTAL_EXPENSE}`, `=SUMIF(${types},"Expense",${values})`);
		sheet.set(`${c}${NET}`, `=${c}${TOTAL_INCOME}-${c}${TOTAL_EXPENSE}`);
	}
}

function buildBudget(): SheetBuilder {
	const sheet = monthlyTable('Budget', 'Monthly budget', false);
	CATEGORIES.forEach(([, , , amount], i) => {
		for (let m = 1; m <= MONTHS; m++) sheet.set(`${month(m)}${FIRST + i}`, amount);
	});
	addTotals(sheet);
	sheet.text(
		`A${NET + 2}`,
		'Type: Income or Expense. Roll forward: yes carries what is left of a month (or what was ' +
			'overspent) into the next, December into January; no starts every month from its budget.'
	);
	return sheet;
}

function buildTransactions(): SheetBuilder {
	const sheet = new SheetBuilder('Transactions', { rows: 200, cols: 6 });
	sheet.headers('A1', ['Date', 'Category', 'Description', 'Amount']);
	let r = 2;
	CATEGORIES.forEach(([category, , , , actuals]) => {
		actuals.forEach((amount, m) => {
			if (amount === 0) return;
			// Groceries come as two shopping trips a month, to show several rows per category.
			const parts = category === 'Groceries' ? [amount - 200, 200] : [amount];
			parts.forEach((part, p) => {
				const day = String(5 + 10 * p).padStart(2, '0');
				sheet.set(`A${r}`, `2026-0${m + 1}-${day}`).text(`B${r}`, category);
				sheet.text(`C${r}`, `${category} ${p + 1}`).set(`D${r}`, part);
				r++;
			});
		});
	});
	sheet.format('A2:A200', FORMATS.date).format('D2:D200', FORMATS.money);
	sheet.text(
		'F1',
		'One row per payment or receipt: Amount is positive (money spent for an expense category, ' +
			'received for an income one). Every row counts, however far down.'
	);
	sheet.width({ A: 100, B: 150, C: 200, D: 110 });
	return sheet;
}

function buildActual(): SheetBuilder {
	const sheet = monthlyTable('Actual', 'Actual (sum of Transactions by category and month)', true);
	for (let r = FIRST; r <= LAST; r++) {
		for (let m = 1; m <= MONTHS; m++) {
			const c = month(m);
			sheet.set(
				`${c}${r}`,
				`=SUMIFS(Transactions!$D:$D,Transactions!$B:$B,$A${r},` +
					`Transactions!$A:$A,">="&${c}$${HEAD},Transactions!$A:$A,"<"&EDATE(${c}$${HEAD},1))`
			);
		}
	}
	addTotals(sheet);
	return sheet;
}

function buildAvailable(): SheetBuilder {
	const sheet = monthlyTable('Available', 'Available to spend (budget + rolled forward)', true);
	for (let r = FIRST; r <= LAST; r++) {
		sheet.set(`${FIRST_MONTH}${r}`, `=Budget!${FIRST_MONTH}${r}`);
		for (let m = 2; m <= MONTHS; m++) {
			const c = month(m);
			const prev = month(m - 1);
			sheet.set(`${c}${r}`, `=Budget!${c}${r}+IF($C${r}="yes",${prev}${r}-Actual!${prev}${r},0)`);
		}
	}
	sheet.text(
		`A${LAST + 2}`,
		'Each month: its budget, plus (when Roll forward is yes) the previous month’s available ' +
			'amount minus its actual: a surplus carries forward, and so does overspending.'
	);
	return sheet;
}

function buildVariance(): SheetBuilder {
	const sheet = monthlyTable('Variance', 'Variance (positive is better than budget)', true);
	for (let r = FIRST; r <= LAST; r++) {
		for (let m = 1; m <= MONTHS; m++) {
			const c = month(m);
			sheet.set(
				`${c}${r}`,
				`=IF($B${r}="Income",Actual!${c}${r}-Budget!${c}${r},Budget!${c}${r}-Actual!${c}${r})`
			);
		}
	}
	return sheet;
}

/** Row of the month-by-month table on Year view (for the chart). */
const BY_MONTH = FIRST + 3 + CATEGORIES.length + 5;

function buildYearView(): SheetBuilder {
	const sheet = new SheetBuilder('Year view', { rows: BY_MONTH + 16, cols: 10 });
	sheet.heading('A1', 'One year, through a selected month');
	sheet.labelled(2, [
		{ label: 'Year', value: BUDGET_FIRST_YEAR, format: '0', name: 'SelectedYear' },
		{ label: 'Through month (1–12)', value: 3, format: FORMATS.integer, name: 'SelectedMonth' },
		{
			label: 'Month column # (on Budget)',
			value: `=MATCH(DATE(SelectedYear,SelectedMonth,1),${MONTH_ROW},0)`,
			name: 'SelectedColumn',
			note: '#N/A: that month is not in the workbook (add month columns to Budget)'
		}
	]);
	const head = 6;
	sheet.headers(`A${head}`, [
		'Category',
		'Type',
		'Budget to date',
		'Actual to date',
		'Variance',
		'Available this month',
		'Left this month'
	]);
	const toDate = (from: string, r: number) =>
		`SUMPRODUCT((YEAR(${MONTH_ROW})=SelectedYear)*(MONTH(${MONTH_ROW})<=SelectedMonth)*` +
		`${from}!$${FIRST_MONTH}${r}:$${LAST_MONTH}${r})`;
	const inMonth = (from: string, r: number) =>
		`INDEX(${from}!$${FIRST_MONTH}${r}:$${LAST_MONTH}${r},1,SelectedColumn)`;
	CATEGORIES.forEach((_, i) => {
		const r = FIRST + i;
		const at = head + 1 + i;
		sheet.set(`A${at}`, `=Budget!A${r}`).set(`B${at}`, `=Budget!B${r}`);
		sheet.set(`C${at}`, `=${toDate('Budget', r)}`).set(`D${at}`, `=${toDate('Actual', r)}`);
		sheet.set(`E${at}`, `=IF(B${at}="Income",D${at}-C${at},C${at}-D${at})`);
		sheet.set(`F${at}`, `=${inMonth('Available', r)}`);
		sheet.set(`G${at}`, `=F${at}-${inMonth('Actual', r)}`);
	});
	const last = head + CATEGORIES.length;
	const totals = last + 2;
	const types = `$B$${head + 1}:$B$${last}`;
	const sumOf = (kind: Kind, column: string) =>
		`=SUMIF(${types},"${kind}",${column}$${head + 1}:${column}$${last})`;
	sheet.text(`A${totals}`, 'Income').text(`A${totals + 1}`, 'Expenses');
	sheet.text(`A${totals + 2}`, 'Net').bold(`A${totals}:A${totals + 2}`);
	for (const column of ['C', 'D']) {
		sheet.set(`${column}${totals}`, sumOf('Income', column));
		sheet.set(`${column}${totals + 1}`, sumOf('Expense', column));
		sheet.set(`${column}${totals + 2}`, `=${column}${totals}-${column}${totals + 1}`);
	}
	sheet
		.set(`E${totals}`, `=D${totals}-C${totals}`)
		.set(`E${totals + 1}`, `=C${totals + 1}-D${totals + 1}`);
	sheet.set(`E${totals + 2}`, `=D${totals + 2}-C${totals + 2}`);
	sheet.defineName('YtdIncome', `D${totals}`);
	sheet.defineName('YtdBudget', `C${totals + 1}`);
	sheet.defineName('YtdActual', `D${totals + 1}`);
	sheet.defineName('YtdVariance', `E${totals + 1}`);
	sheet.defineName('YtdNet', `D${totals + 2}`);
	sheet.format(`C${head + 1}:G${totals + 2}`, FORMATS.money);

	sheet.headers(`A${BY_MONTH}`, ['Month', 'Budgeted expenses', 'Actual expenses', 'Net']);
	for (let m = 1; m <= 12; m++) {
		const at = BY_MONTH + m;
		const column = `SelectedColumn-SelectedMonth+${m}`;
		sheet.set(`A${at}`, `=DATE(SelectedYear,${m},1)`, FORMATS.month);
		sheet.set(
			`B${at}`,
			`=INDEX(Budget!$${FIRST_MONTH}$${TOTAL_EXPENSE}:$${LAST_MONTH}$${TOTAL_EXPENSE},1,${column})`
		);
		sheet.set(
			`C${at}`,
			`=INDEX(Actual!$${FIRST_MONTH}$${TOTAL_EXPENSE}:$${LAST_MONTH}$${TOTAL_EXPENSE},1,${column})`
		);
		sheet.set(`D${at}`, `=INDEX(Actual!$${FIRST_MONTH}$${NET}:$${LAST_MONTH}$${NET},1,${column})`);
	}
	sheet.format(`B${BY_MONTH + 1}:D${BY_MONTH + 12}`, FORMATS.money);
	sheet.width({ A: 190, B: 130, C: 130, D: 130, E: 110, F: 150, G: 130 });
	return sheet;
}

/** Builds the budget template's description (no document is touched). */
export function buildBudgetTemplate(): TemplateSpec {
	return {
		sheets: [
			buildYearView(),
			buildBudget(),
			buildTransactions(),
			buildActual(),
			buildAvailable(),
			buildVariance()
		]
	};
}

/** Charts the budget template asks for. */
export const BUDGET_CHARTS: TemplateChart[] = [
	{
		type: 'bar',
		title: 'Budgeted vs actual expenses by month',
		sheet: 'Year view',
		labelsRange: `A${BY_MONTH + 1}:A${BY_MONTH + 12}`,
		series: [
			{ name: 'Budgeted', range: `B${BY_MONTH + 1}:B${BY_MONTH + 12}` },
			{ name: 'Actual', range: `C${BY_MONTH + 1}:C${BY_MONTH + 12}` }
		]
	}
];
