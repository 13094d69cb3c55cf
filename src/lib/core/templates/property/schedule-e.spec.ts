import { describe, expect, it } from 'vitest';
import { seed } from '../spec-support';
import { appendLedgerRows, readLedgerState } from '../../books/ledger-doc';
import { scheduleERow } from './schedule-e';

/** The sample ledger's 2025 rows by Schedule E line, added up by hand. */
const HAND = { 3: 1650 + 1550 + 1650 + 1550, 5: 45, 9: 1500, 14: 380, 15: 64.5, 16: 2100, 17: 95 };

// Seeding and evaluating the whole property template takes a while on a busy machine.
describe('the Schedule E sheet', { timeout: 30_000 }, () => {
	it('sums the ledger by line for the tax year, with depreciation, totals and income', () => {
		const book = seed('property');
		const line = (n: number, column = 'C') => book.num('Schedule E', `${column}${scheduleERow(n)}`);
		for (const [n, amount] of Object.entries(HAND)) expect(line(Number(n))).toBeCloseTo(amount, 6);
		expect(line(4)).toBe(0);
		const depreciation = book.num('Depreciation', 'F10');
		expect(line(18)).toBeCloseTo(depreciation, 6);
		const expenses = 45 + 1500 + 380 + 64.5 + 2100 + 95 + depreciation;
		expect(line(20)).toBeCloseTo(expenses, 6);
		expect(line(21)).toBeCloseTo(HAND[3] - expenses, 6);
	});

	it('splits every line per owner by share, equal to a hand computation', () => {
		const book = seed('property');
		const at = (n: number, column: string) => book.num('Schedule E', `${column}${scheduleERow(n)}`);
		expect(book.value('Schedule E', 'D5')).toBe('Owner A');
		expect(book.value('Schedule E', 'E5')).toBe('Owner B');
		expect(at(3, 'D')).toBeCloseTo(0.6 * HAND[3], 6);
		expect(at(3, 'E')).toBeCloseTo(0.4 * HAND[3], 6);
		expect(at(21, 'D') + at(21, 'E')).toBeCloseTo(at(21, 'C'), 6);
		expect(book.value('Schedule E', 'F6')).toBe('');
		expect(book.value('Owners', 'F2')).toBe('OK');
		book.type({ C3: '30%' }, 'Owners');
		expect(book.value('Owners', 'F2')).toBe('Shares must total 100% (now 90%)');
	});

	it('nets refunds against expenses and follows the chosen tax year', () => {
		const book = seed('property');
		book.type(
			{ A12: '2025-04-02', B12: 'ABC Plumbing', C12: '80', D12: '14', N12: 'in' },
			'Ledger'
		);
		expect(book.num('Schedule E', `C${scheduleERow(14)}`)).toBeCloseTo(300, 6);
		book.type({ B1: '2026' }, 'Schedule E');
		expect(book.num('Schedule E', `C${scheduleERow(3)}`)).toBe(0);
		expect(book.num('Schedule E', `C${scheduleERow(18)}`)).toBeCloseTo(
			book.num('Depreciation', 'F11'),
			6
		);
		book.type({ B1: '2024' }, 'Schedule E');
		expect(book.num('Schedule E', `C${scheduleERow(18)}`)).toBe(0);
	});

	it('counts imported rows past the 500 ledger rows of the template', () => {
		const book = seed('property');
		const entries = Array.from({ length: 700 }, (_, i) => ({
			date: '2025-06-01',
			payee: `Insurer ${i}`,
			amount: 1,
			direction: 'out' as const,
			line: 9,
			memo: '',
			reference: '',
			importId: `id${i}`
		}));
		appendLedgerRows(book.doc, readLedgerState(book.doc), entries);
		appendLedgerRows(book.doc, readLedgerState(book.doc), entries.slice(0, 300));
		expect(book.num('Schedule E', `C${scheduleERow(9)}`)).toBe(1500 + 1000);
		expect(book.num('Ledger', 'K9')).toBe(1500 + 1000);
	});
});
