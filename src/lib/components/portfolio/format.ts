/**
 * How the dashboard shows published outputs: money in whole dollars, rates as percentages,
 * DSCR as a multiple; an error value shows its code.
 */
import type { OutputValue } from '$lib/core/published-outputs';

const money = new Intl.NumberFormat('en-US', {
	style: 'currency',
	currency: 'USD',
	maximumFractionDigits: 0
});
const percent = new Intl.NumberFormat('en-US', { style: 'percent', maximumFractionDigits: 2 });

/** Outputs shown as percentages. */
const RATES = new Set(['CapRate', 'CashOnCash', 'IRR']);

/** The text for `value` of the output `name`. */
export function formatOutput(name: string, value: OutputValue | undefined): string {
	if (value === undefined || value === null) return '—';
	if (typeof value === 'object' && !Array.isArray(value)) return value.error;
	if (typeof value !== 'number') return String(value);
	if (RATES.has(name)) return percent.format(value);
	if (name === 'DSCR') return `${value.toFixed(2)}×`;
	if (name === 'TaxYear') return String(value);
	return money.format(value);
}

/** The number in `value`, or null (errors, text, missing). */
export function numeric(value: OutputValue | undefined): number | null {
	return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

/** Money in whole dollars. */
export function formatMoney(value: number | null | undefined): string {
	return value === null || value === undefined ? '—' : money.format(value);
}
