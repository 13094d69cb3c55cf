import { describe, expect, it } from 'vitest';
import { serialFromDate } from '../values';
import { seed } from './spec-support';

type Flow = [date: string, type: 'Contribution' | 'Fee' | 'Distribution', amount: number];

/** The sample investments (rows 4–8 of Investments), their flows and 2025-12-31 valuations. */
const SAMPLE: { row: number; name: string; valuation: number; flows: Flow[] }[] = [
	{
		row: 4,
		name: 'Northwind Growth Fund II',
		valuation: 190_000,
		flows: [
			['2021-03-15', 'Contribution', 50_000],
			['2021-03-15', 'Fee', 2_500],
			['2022-01-20', 'Contribution', 75_000],
			['2022-01-20', 'Fee', 2_500],
			['2023-06-30', 'Contribution', 60_000],
			['2024-09-30', 'Distribution', 40_000],
			['2025-06-30', 'Distribution', 55_000]
		]
	},
	{
		row: 5,
		name: 'Harbor Real Estate Fund',
		valuation: 104_000,
		flows: [
			['2022-05-01', 'Contribution', 100_000],
			['2022-05-01', 'Fee', 1_500],
			['2023-05-01', 'Distribution', 6_000],
			['2024-05-01', 'Distribution', 6_500],
			['2025-05-01', 'Distribution', 7_000]
		]
	},
	{
		row: 6,
		name: 'Acme Robotics',
		valuation: 120_000,
		flows: [['2021-07-01', 'Contribution', 50_000]]
	},
	{
		row: 7,
		name: 'Bluebird Health',
		valuation: 35_000,
		flows: [
			['2022-11-15', 'Contribution', 40_000],
			['2024-11-15', 'Contribution', 10_000]
		]
	},
	{
		row: 8,
		name: 'Cedar Analytics',
		valuation: 0,
		flows: [
			['2020-02-10', 'Contribution', 25_000],
			['2024-03-01', 'Distribution', 70_000]
		]
	}
];

const VALUATION_DATE = serialFromDate(2025, 12, 31);

function serial(iso: string): number {
	const [y, m, d] = iso.split('-').map(Number);
	return serialFromDate(y, m, d);
}

/** Excel's XIRR by hand: the rate r with Σ amount / (1 + r)^(days / 365) = 0 (bisection). */
function xirr(flows: { date: number; amount: number }[]): number {
	const first = Math.min(...flows.map((f) => f.date));
	const npv = (rate: number) =>
		flows.reduce((sum, f) => sum + f.amount / Math.pow(1 + rate, (f.date - first) / 365), 0);
	let low = -0.99;
	let high = 10;
	for (let i = 0; i < 200; i++) {
		const mid = (low + high) / 2;
		if (Math.sign(npv(mid)) === Math.sign(npv(low))) low = mid;
		else high = mid;
	}
	return (low + high) / 2;
}

/** Contributed, paid-in, distributions, multiples and IRR of a set of flows, by hand. */
function metrics(investments: typeof SAMPLE) {
	const sum = (type: string) =>
		investments
			.flatMap((i) => i.flows)
			.filter((f) => f[1] === type)
			.reduce((s, f) => s + f[2], 0);
	const contributed = sum('Contribution');
	const paidIn = contributed + sum('Fee');
	const distributions = sum('Distribution');
	const valuation = investments.reduce((s, i) => s + i.valuation, 0);
	const dated = investments.flatMap((i) =>
		i.flows.map(([date, type, amount]) => ({
			date: serial(date),
			amount: type === 'Distribution' ? amount : -amount
		}))
	);
	dated.push({ date: VALUATION_DATE, amount: valuation });
	return {
		contributed,
		paidIn,
		distributions,
		moic: (distributions + valuation) / contributed,
		tvpi: (distributions + valuation) / paidIn,
		dpi: distributions / paidIn,
		rvpi: valuation / paidIn,
		irr: xirr(dated)
	};
}

const SLOW = { timeout: 30_000 };

describe('portfolio template', SLOW, () => {
	it('computes contributions, multiples and XIRR for each investment as by hand', () => {
		const book = seed('portfolio');
		for (const investment of SAMPLE) {
			const expected = metrics([investment]);
			const at = (column: string) => book.num('Investments', `${column}${investment.row}`);
			expect(book.value('Investments', `A${investment.row}`)).toBe(investment.name);
			expect(at('D')).toBe(expected.contributed);
			expect(at('F')).toBe(expected.paidIn);
			expect(at('G')).toBe(expected.distributions);
			expect(at('J')).toBeCloseTo(expected.moic, 9);
			expect(at('K')).toBeCloseTo(expected.tvpi, 9);
			expect(at('L')).toBeCloseTo(expected.dpi, 9);
			expect(at('M')).toBeCloseTo(expected.rvpi, 9);
			expect(at('N'), investment.name).toBeCloseTo(expected.irr, 7);
		}
	});

	it('computes the portfolio’s MOIC, TVPI, DPI and XIRR over every dated flow', () => {
		const book = seed('portfolio');
		const expected = metrics(SAMPLE);
		expect(book.name('PortfolioMOIC')).toBeCloseTo(expected.moic, 9);
		expect(book.name('PortfolioTVPI')).toBeCloseTo(expected.tvpi, 9);
		expect(book.name('PortfolioDPI')).toBeCloseTo(expected.dpi, 9);
		expect(book.name('PortfolioIRR')).toBeCloseTo(expected.irr, 7);
		// Cedar: 25,000 in on 2020-02-10, 70,000 out on 2024-03-01 — 2.8x.
		expect(book.num('Investments', 'J8')).toBeCloseTo(2.8, 12);
	});

	it('moves the multiples and IRR when a valuation or a flow changes', () => {
		const book = seed('portfolio');
		book.type({ H6: '150000' }, 'Investments');
		const acme = { ...SAMPLE[2], valuation: 150_000 };
		expect(book.num('Investments', 'J6')).toBeCloseTo(3, 12);
		expect(book.num('Investments', 'N6')).toBeCloseTo(metrics([acme]).irr, 7);
		book.type(
			{ A19: '2025-09-01', B19: 'Acme Robotics', C19: 'Distribution', D19: '20000' },
			'Cash flows'
		);
		const withDistribution = {
			...acme,
			flows: [...acme.flows, ['2025-09-01', 'Distribution', 20_000] as Flow]
		};
		expect(book.num('Investments', 'N6')).toBeCloseTo(metrics([withDistribution]).irr, 7);
		expect(book.num('Investments', 'L6')).toBeCloseTo(20_000 / 50_000, 12);
	});

	it('derives margin, growth and runway from the quarterly KPIs', () => {
		const book = seed('portfolio');
		expect(book.num('KPIs', 'H2')).toBeCloseTo(96_000 / 1_200_000, 8);
		expect(book.num('KPIs', 'I3')).toBeCloseTo(1_380_000 / 1_200_000 - 1, 8);
		expect(book.value('KPIs', 'I6')).toBe('');
		expect(book.num('KPIs', 'J6')).toBeCloseTo(1_900_000 / 220_000, 8);
		expect(book.value('KPIs', 'J2')).toBe('cash-flow positive');
	});

	it('evaluates every cell without an error', () => {
		expect(seed('portfolio').errors()).toEqual([]);
	});
});
