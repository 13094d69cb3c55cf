/**
 * The sheets people fill in for the forecast: Obligations, FX, Payments, Accounts and the list
 * of ISO 4217 Currencies. Each has its headers in row 1, its input columns named as whole
 * columns (see `refs.ts`), and display columns that show, row by row, the conversion to the
 * base currency and a check that says what is wrong with a row in words.
 */
import { ISO_4217_CODES } from '../../iso4217';
import { FORMATS, SheetBuilder } from '../builder';
import { DAY_RULES, FREQUENCIES } from './occurrence';
import {
	ACCOUNT_COLUMNS,
	DATA_FIRST,
	FX_COLUMNS,
	INPUT_ROWS,
	OBLIGATION_COLUMNS,
	PAYMENT_COLUMNS,
	matchObligation,
	rateFormula,
	signFormula
} from './refs';

const LAST = INPUT_ROWS;

/** The sample, in a USD base, as of Monday 19 January 2026. */
const OBLIGATIONS: (string | number)[][] = [
	['Tenants: rent roll', 'Inflow', 9600, 'USD', 'monthly', '2026-01-01', '', 'same day', 0.95],
	['Consulting client', 'Inflow', 4000, 'EUR', 'monthly', '2025-12-15', '', 'same day', 0.8],
	['Payroll', 'Outflow', 6000, 'USD', 'monthly', '2026-01-01', '', 'last business day', 1],
	['Mortgage: First Bank', 'Outflow', 3900, 'USD', 'monthly', '2026-01-01', '', 'same day', 1],
	['Cleaning crew', 'Outflow', 250, 'USD', 'weekly', '2026-01-07', '2026-03-04', '', 1],
	['County property tax', 'Outflow', 4200, 'USD', 'quarterly', '2025-11-20', '', 'same day', 1],
	['Insurance renewal', 'Outflow', 1500, 'USD', 'one-off', '2026-03-10', '', '', 0.9],
	['Software (UK vendor)', 'Outflow', 120, 'GBP', 'monthly', '2026-01-05', '', 'same day', 1],
	['Property manager (Tokyo)', 'Outflow', 45000, 'JPY', 'monthly', '2026-01-20', '', '', 1],
	['Landscaping', 'Outflow', 300, 'USD', 'bi-weekly', '2026-01-09', '', '', 1],
	['Annual audit', 'Outflow', 2400, 'USD', 'annual', '2026-02-01', '', 'last business day', 1]
];

const FX: [string, number, string][] = [
	['EUR', 1.08, '2026-01-02'],
	['GBP', 1.27, '2026-01-02'],
	['JPY', 0.0064, '2026-01-02']
];

/** Payments of weeks 1 and 2: counterparty, date paid, the occurrence it pays, amount. */
const PAYMENTS: [string, string, string, number][] = [
	['2026-01-05', 'Software (UK vendor)', '2026-01-05', 120],
	['2026-01-07', 'Cleaning crew', '2026-01-07', 250],
	['2026-01-09', 'Landscaping', '2026-01-09', 300],
	['2026-01-14', 'Cleaning crew', '2026-01-14', 250],
	['2026-01-16', 'Consulting client', '2026-01-15', 2500]
];

const ACCOUNTS: [string, string, number][] = [
	['Operating account', 'USD', 18000],
	['Tax reserve', 'USD', 5000],
	['Euro account', 'EUR', 2000]
];

/** Writes the headers of `columns`, then `extra` headers. */
function namedColumns(
	sheet: SheetBuilder,
	columns: Record<string, readonly [string, string]>,
	extra: string[]
): void {
	sheet.headers('A1', [...Object.values(columns).map(([, header]) => header), ...extra]);
}

/** Writes sample rows from row 2, each value typed as a person would. */
function sampleRows(sheet: SheetBuilder, rows: (string | number)[][], textColumns: number[]) {
	rows.forEach((values, i) => {
		values.forEach((value, c) => {
			if (value === '') return;
			const address = `${String.fromCharCode(65 + c)}${DATA_FIRST + i}`;
			if (textColumns.includes(c)) sheet.text(address, String(value));
			else sheet.set(address, value);
		});
	});
}

const oneOf = (cell: string, options: readonly string[]) =>
	`OR(${options.map((option) => `${cell}="${option}"`).join(',')})`;

/** Obligations: inputs A–I; J rate to base, K signed amount in base, L check. */
export function buildObligations(): SheetBuilder {
	const sheet = new SheetBuilder('Obligations', { rows: LAST, cols: 16 });
	namedColumns(sheet, OBLIGATION_COLUMNS, ['Rate to base', 'Amount in base', 'Check']);
	sampleRows(sheet, OBLIGATIONS, [0, 1, 3, 4, 7]);
	const r = DATA_FIRST;
	sheet.set(`J${r}`, `=IF(C${r}="","",${rateFormula(`D${r}`)})`);
	sheet.set(`K${r}`, `=IF(C${r}="","",${signFormula(`B${r}`)}*C${r}*J${r})`);
	sheet.set(
		`L${r}`,
		`=IF(C${r}="","",IF(NOT(${oneOf(`B${r}`, ['Inflow', 'Outflow'])}),"Direction must be Inflow or Outflow",` +
			`IF(ISNA(MATCH(D${r},IsoCodes,0)),"Currency is not an ISO 4217 code",` +
			`IF(ISNA(J${r}),"No rate for "&D${r}&" on the FX sheet",` +
			`IF(NOT(${oneOf(`E${r}`, FREQUENCIES)}),"Unknown frequency: it never falls due",` +
			`IF(NOT(ISNUMBER(F${r})),"Start must be a date",` +
			`IF(AND(H${r}<>"",NOT(${oneOf(`H${r}`, DAY_RULES)})),"Unknown day rule: same day is used","ok")))))))`
	);
	sheet.fillDown(`J${r}:L${LAST}`);
	sheet.format(`C${r}:C${LAST}`, FORMATS.number).format(`F${r}:G${LAST}`, FORMATS.date);
	sheet.format(`I${r}:I${LAST}`, FORMATS.percent).format(`J${r}:J${LAST}`, '0.0000');
	sheet.format(`K${r}:K${LAST}`, FORMATS.money);
	[
		'One obligation per row, as far down as you like: every row counts in the forecast.',
		'Direction: Inflow or Outflow. Amount in its own Currency (an ISO 4217 code, converted at ' +
			'the FX sheet’s rate; the base currency needs no rate).',
		`Frequency: ${FREQUENCIES.join(', ')}. End is optional.`,
		`Day rule (monthly, quarterly, annual): ${DAY_RULES.join(', ')} (Monday–Friday; ` +
			'holidays are not known). Empty is same day: the start’s day, or the month’s last day.',
		'Confidence weights the amount in the expected figures (empty counts as 100%).',
		'Counterparty names must be unique: payments find their obligation by name.'
	].forEach((note, i) => sheet.text(`N${DATA_FIRST + i}`, note));
	sheet.text('N1', 'Notes').bold('N1');
	sheet.width({ A: 200, B: 80, C: 100, D: 80, E: 100, F: 100, G: 100, H: 130, I: 90, J: 100 });
	return sheet.width({ K: 120, L: 240 });
}

/** FX: currency, rate to base, as-of date; D check. */
export function buildFx(): SheetBuilder {
	const sheet = new SheetBuilder('FX', { rows: LAST, cols: 8 });
	namedColumns(sheet, FX_COLUMNS, ['Check']);
	sampleRows(sheet, FX, [0]);
	const r = DATA_FIRST;
	sheet.set(
		`D${r}`,
		`=IF(A${r}="","",IF(ISNA(MATCH(A${r},IsoCodes,0)),"Not an ISO 4217 code",` +
			`IF(NOT(ISNUMBER(B${r})),"Rate missing",IF(B${r}<=0,"Rate must be above 0",` +
			`IF(COUNTIF(FxCurrency,A${r})>1,"Listed twice: rows in this currency show #N/A","ok")))))`
	);
	sheet.fillDown(`D${r}:D${LAST}`);
	sheet.format(`B${r}:B${LAST}`, '0.000000').format(`C${r}:C${LAST}`, FORMATS.date);
	sheet.text(
		'F1',
		'Rate to base: how many units of the base currency (Forecast!B4) one unit buys. Paste or type ' +
			'rates here; a currency without a rate shows #N/A on its rows and in the totals.'
	);
	return sheet.width({ A: 90, B: 120, C: 100, D: 240 });
}

/** Payments: date paid, counterparty, the occurrence paid, amount; E in base, F check. */
export function buildPayments(): SheetBuilder {
	const sheet = new SheetBuilder('Payments', { rows: LAST, cols: 10 });
	namedColumns(sheet, PAYMENT_COLUMNS, ['Amount in base', 'Check']);
	sampleRows(sheet, PAYMENTS, [1]);
	const r = DATA_FIRST;
	const of = (name: string) => `INDEX(${name},${matchObligation(`B${r}`)})`;
	sheet.set(
		`E${r}`,
		`=IF(D${r}="","",${signFormula(of('ObDirection'))}*D${r}*${rateFormula(of('ObCurrency'))})`
	);
	sheet.set(
		`F${r}`,
		`=IF(D${r}="","",IF(ISNA(${matchObligation(`B${r}`)}),"No obligation with this counterparty",` +
			`IF(NOT(ISNUMBER(A${r})),"Date paid must be a date",` +
			`IF(NOT(ISNUMBER(C${r})),"Give the due date of the occurrence it pays","ok"))))`
	);
	sheet.fillDown(`E${r}:F${LAST}`);
	sheet.format(`A${r}:A${LAST}`, FORMATS.date).format(`C${r}:C${LAST}`, FORMATS.date);
	sheet.format(`D${r}:D${LAST}`, FORMATS.number).format(`E${r}:E${LAST}`, FORMATS.money);
	sheet.text(
		'H1',
		'One payment per row (any number of rows). It counts as actual cash in the week of its ' +
			'Date paid, converted at today’s FX rate, and settles the occurrence of its obligation due ' +
			'on the given date (Status sheet).'
	);
	return sheet.width({ A: 100, B: 200, C: 160, D: 200, E: 120, F: 300 });
}

/** Accounts: name, currency, starting balance; D in base. */
export function buildAccounts(): SheetBuilder {
	const sheet = new SheetBuilder('Accounts', { rows: LAST, cols: 8 });
	namedColumns(sheet, ACCOUNT_COLUMNS, ['In base']);
	sampleRows(sheet, ACCOUNTS, [0, 1]);
	const r = DATA_FIRST;
	sheet.set(`D${r}`, `=IF(C${r}="","",C${r}*${rateFormula(`B${r}`)})`);
	sheet.fillDown(`D${r}:D${LAST}`);
	sheet.format(`C${r}:C${LAST}`, FORMATS.number).format(`D${r}:D${LAST}`, FORMATS.money);
	sheet.text('F1', 'Balances on the day before week 1 starts; their sum opens the forecast.');
	return sheet.width({ A: 200, B: 80, C: 130, D: 130 });
}

/** The ISO 4217 codes the checks and rate look-ups accept (`IsoCodes` in the template's formulas). */
export function buildCurrencies(): SheetBuilder {
	const sheet = new SheetBuilder('Currencies', { rows: ISO_4217_CODES.length + 1, cols: 2 });
	sheet.headers('A1', ['ISO 4217 code']);
	ISO_4217_CODES.forEach((code, i) => sheet.text(`A${i + 2}`, code));
	return sheet.width({ A: 120 });
}
