/**
 * The forecast template's shared vocabulary: short names for its input columns (whole columns,
 * so every row a person types counts, however far down), and the formula pieces that convert to
 * the base currency. The template's code writes formulas with the short names (`ObAmount`), and
 * {@link expandColumnNames} turns them into plain references (`Obligations!$C:$C`) before they
 * are stored: HyperFormula lost track of defined names over whole columns once rows were
 * inserted (columns of one sheet then evaluated to arrays of different lengths).
 */
import type { TimingRefs } from './occurrence';

/** Rows of the input sheets the template prepares (display columns are filled this far). */
export const INPUT_ROWS = 30;
/** First data row of every input sheet (row 1 holds the headers). */
export const DATA_FIRST = 2;

/** Obligations columns: name → [column, header]. */
export const OBLIGATION_COLUMNS = {
	ObCounterparty: ['A', 'Counterparty'],
	ObDirection: ['B', 'Direction'],
	ObAmount: ['C', 'Amount'],
	ObCurrency: ['D', 'Currency'],
	ObFrequency: ['E', 'Frequency'],
	ObStart: ['F', 'Start'],
	ObEnd: ['G', 'End'],
	ObDayRule: ['H', 'Day rule'],
	ObConfidence: ['I', 'Confidence']
} as const;

export const FX_COLUMNS = {
	FxCurrency: ['A', 'Currency'],
	FxRate: ['B', 'Rate to base'],
	FxAsOf: ['C', 'As of']
} as const;

export const PAYMENT_COLUMNS = {
	PayDate: ['A', 'Date paid'],
	PayCounterparty: ['B', 'Counterparty'],
	PayDueDate: ['C', 'For the occurrence due'],
	PayAmount: ['D', 'Amount (obligation’s currency)']
} as const;

export const ACCOUNT_COLUMNS = {
	AccountName: ['A', 'Account'],
	AccountCurrency: ['B', 'Currency'],
	AccountBalance: ['C', 'Starting balance']
} as const;

const SHEETS: [string, Record<string, readonly [string, string]>][] = [
	['Obligations', OBLIGATION_COLUMNS],
	['FX', FX_COLUMNS],
	['Payments', PAYMENT_COLUMNS],
	['Accounts', ACCOUNT_COLUMNS],
	['Currencies', { IsoCodes: ['A', 'ISO 4217 code'] }]
];

/** Short column name → whole-column reference (`ObAmount` → `Obligations!$C:$C`). */
export const COLUMN_REFS: ReadonlyMap<string, string> = new Map(
	SHEETS.flatMap(([sheet, columns]) =>
		Object.entries(columns).map(([name, [column]]) => [name, `${sheet}!$${column}:$${column}`])
	)
);

const NAME_PATTERN = new RegExp(`\\b(${[...COLUMN_REFS.keys()].join('|')})\\b`, 'g');

/** `formula` with every short column name replaced by its whole-column reference. */
export function expandColumnNames(formula: string): string {
	return formula.replace(NAME_PATTERN, (name) => COLUMN_REFS.get(name)!);
}

/** Every obligation at once, for the whole-column formulas. */
export const ALL_OBLIGATIONS: TimingRefs = {
	frequency: 'ObFrequency',
	start: 'ObStart',
	end: 'ObEnd',
	dayRule: 'ObDayRule'
};

/**
 * The rate to the base currency of `currency` (a cell or a whole column): 1 for the base
 * currency; otherwise the FX sheet's rate, and `#N/A` when the code is not ISO 4217 or the FX
 * sheet has no single positive rate for it — never a silent 1 (or 0).
 */
export function rateFormula(currency: string): string {
	return (
		`IF(${currency}=BaseCurrency,1,IF(ISNUMBER(MATCH(${currency},IsoCodes,0))*` +
		`(COUNTIFS(FxCurrency,${currency},FxRate,">0")=1),SUMIFS(FxRate,FxCurrency,${currency}),NA()))`
	);
}

/** +1 for `Inflow`, −1 for `Outflow`, 0 otherwise, of a direction cell or column. */
export function signFormula(direction: string): string {
	return `((${direction}="Inflow")-(${direction}="Outflow"))`;
}

/** The obligation a payment's counterparty names (cell or column): its position in ObCounterparty. */
export function matchObligation(counterparty: string): string {
	return `MATCH(${counterparty},ObCounterparty,0)`;
}
