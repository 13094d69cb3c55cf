import { describe, expect, it } from 'vitest';
import { seed } from '../spec-support';
import { RENT_ROLL_RECEIVED_FIRST } from './rent-roll';

const DUE = 5;
const months = (book: ReturnType<typeof seed>, row: number) =>
	'CDEFGHIJKLMN'.split('').map((column) => book.num('Rent roll', `${column}${row}`));

// Seeding and evaluating the whole property template takes a while on a busy machine.
describe('the Rent roll sheet', { timeout: 30_000 }, () => {
	it('owes rent only in the months a lease covers, across a year boundary', () => {
		const book = seed('property');
		expect(months(book, DUE)).toEqual(Array(12).fill(1650));
		expect(months(book, DUE + 1)).toEqual([0, 0, ...Array(10).fill(1550)]);
		expect(book.num('Rent roll', `O${DUE + 1}`)).toBe(10 * 1550);
		book.type({ B1: '2026' }, 'Rent roll');
		expect(months(book, DUE)).toEqual(Array(12).fill(0));
		expect(months(book, DUE + 1)).toEqual([1550, 1550, ...Array(10).fill(0)]);
	});

	it('leaves the months between two leases of a unit vacant, and counts receipts once', () => {
		const book = seed('property');
		book.type({ A4: '1A', B4: 'K. Osei', C4: '2026-03-01', D4: '2027-02-28', E4: '1700' }, 'Units');
		book.type({ B1: '2026' }, 'Rent roll');
		const first = months(book, DUE);
		const second = months(book, DUE + 2);
		expect(first.map((due, i) => due + second[i])).toEqual([0, 0, ...Array(10).fill(1700)]);
		book.type({ A12: '2026-03-02', B12: 'K. Osei', C12: '1700', D12: '3', E12: '1A' }, 'Ledger');
		expect(book.num('Rent roll', `E${RENT_ROLL_RECEIVED_FIRST}`)).toBe(1700);
		expect(book.num('Rent roll', `E${RENT_ROLL_RECEIVED_FIRST + 2}`)).toBe(0);
	});

	it('compares receipts with rent due from the ledger line-3 rows of each unit', () => {
		const book = seed('property');
		const received = months(book, RENT_ROLL_RECEIVED_FIRST);
		expect(received.slice(0, 3)).toEqual([1650, 1650, 0]);
		expect(book.num('Rent roll', `O${RENT_ROLL_RECEIVED_FIRST + 1}`)).toBe(2 * 1550);
	});

	it('flags leases ending within 90 days of today', () => {
		const book = seed('property');
		const soon = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
		const later = new Date(Date.now() + 200 * 86_400_000).toISOString().slice(0, 10);
		book.type({ D2: soon, D3: later }, 'Units');
		expect(book.value('Rent roll', `Q${DUE}`)).toBe('Ends within 90 days');
		expect(book.value('Rent roll', `Q${DUE + 1}`)).toBe('');
	});
});
