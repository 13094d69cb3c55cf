import { describe, expect, it } from 'vitest';
import { columnLetters } from '../addresses';
import { seed, type SeededTemplate } from './spec-support';

const ITEM_ROWS = { first: 4, last: 14 };

/** The sample items as typed on Balances: type, category and the 12 monthly values. */
function readItems(book: SeededTemplate) {
	const items = [];
	for (let r = ITEM_ROWS.first; r <= ITEM_ROWS.last; r++) {
		const values = [];
		for (let m = 1; m <= 12; m++) values.push(book.num('Balances', `${columnLetters(m + 2)}${r}`));
		items.push({
			type: book.value('Balances', `B${r}`),
			category: book.value('Balances', `C${r}`),
			values
		});
	}
	return items;
}

/** Assets, liabilities and net worth of month `m` (1–12), summed by hand. */
function totals(items: ReturnType<typeof readItems>, m: number) {
	const sum = (type: string) =>
		items.filter((i) => i.type === type).reduce((s, i) => s + i.values[m - 1], 0);
	return {
		assets: sum('Asset'),
		liabilities: sum('Liability'),
		net: sum('Asset') - sum('Liability')
	};
}

const SLOW = { timeout: 30_000 };

describe('net worth template', SLOW, () => {
	it('totals assets, liabilities and net worth for every month', () => {
		const book = seed('networth');
		const items = readItems(book);
		expect(items.filter((i) => i.type === 'Asset')).toHaveLength(7);
		for (let m = 1; m <= 12; m++) {
			const expected = totals(items, m);
			expect(book.num('Net worth', `B${m + 1}`)).toBeCloseTo(expected.assets, 6);
			expect(book.num('Net worth', `C${m + 1}`)).toBeCloseTo(expected.liabilities, 6);
			expect(book.num('Net worth', `D${m + 1}`)).toBeCloseTo(expected.net, 6);
		}
		// January by hand: 8,000 + 20,000 + 85,000 + 30,000 + 140,000 + 350,000 + 520,000 in
		// assets; 310,000 + 262,500 + 2,400 + 18,000 owed.
		expect(book.num('Net worth', 'B2')).toBe(1_153_000);
		expect(book.num('Net worth', 'C2')).toBe(592_900);
		expect(book.num('Net worth', 'E3')).toBeCloseTo(totals(items, 2).net - totals(items, 1).net, 6);
	});

	it('reports the chosen month and follows edits and new items', () => {
		const book = seed('networth');
		const items = readItems(book);
		expect(book.name('NetWorth')).toBeCloseTo(totals(items, 12).net, 6);
		book.type({ AsOfMonth: '3' });
		expect(book.name('TotalAssets')).toBeCloseTo(totals(items, 3).assets, 6);
		expect(book.name('TotalLiabilities')).toBeCloseTo(totals(items, 3).liabilities, 6);
		book.type({ A15: 'Boat', B15: 'Asset', C15: 'Other', F15: '12000' }, 'Balances');
		expect(book.name('TotalAssets')).toBeCloseTo(totals(items, 3).assets + 12_000, 6);
		expect(book.num('Allocation', 'B8')).toBeCloseTo(12_000, 6);
	});

	it('shows each category’s share of assets against its target', () => {
		const book = seed('networth');
		const items = readItems(book);
		const assets = totals(items, 12).assets;
		const realEstate = items
			.filter((i) => i.category === 'Real estate')
			.reduce((s, i) => s + i.values[11], 0);
		// Row 6 is Real estate, target 60%.
		expect(book.num('Allocation', 'B6')).toBeCloseTo(realEstate, 6);
		expect(book.num('Allocation', 'C6')).toBeCloseTo(realEstate / assets, 9);
		expect(book.num('Allocation', 'E6')).toBeCloseTo(realEstate / assets - 0.6, 9);
		expect(book.num('Allocation', 'F6')).toBeCloseTo(0.6 * assets - realEstate, 6);
		expect(book.num('Allocation', 'B7')).toBeCloseTo(assets, 6);
		expect(book.num('Allocation', 'C7')).toBeCloseTo(1, 9);
		expect(book.num('Allocation', 'D7')).toBeCloseTo(1, 9);
	});

	it('evaluates every cell without an error', () => {
		expect(seed('networth').errors()).toEqual([]);
	});
});
