/** Conditional sums and counts, statistics, rounding and logic over the data block. */
import type { FunctionGenerator } from './case-kinds';
import { literal } from './literals';
import type { SeededRandom } from './random';

/** A criterion as people write them: comparisons, wildcards, exact text, a number, a cell. */
function criterion(random: SeededRandom, over: 'names' | 'numbers'): string {
	if (over === 'names') {
		return `"${random.pick(['Map*', 'Oak*', '?ak*', 'Oak Ct 3', '<>Pine Rd 4', '*St*', 'maple*', '~*'])}"`;
	}
	return random.pick([
		`">${random.int(900, 2200)}"`,
		`"<=${random.int(1, 4)}"`,
		`"<>${random.int(1, 3)}"`,
		String(random.int(1, 4)),
		`">="&${random.int(1000, 2000)}`,
		'"=2"'
	]);
}

/** A numeric argument list: a range with gaps and text, literals, or an array constant. */
function numbers(random: SeededRandom): string[] {
	const roll = random.next();
	if (roll < 0.4) return ['J1:J10'];
	if (roll < 0.55) return ['D1:D8', literal(random.num(-100, 100, 2))];
	if (roll < 0.75) {
		const list = Array.from({ length: random.int(2, 7) }, () => literal(random.num(-50, 200, 2)));
		return [`{${list.join(',')}}`];
	}
	return Array.from({ length: random.int(1, 6) }, () => literal(random.num(-50, 200, 3)));
}

/** Values at rounding ties, where binary doubles sit just below the decimal shown. */
const TIES = ['1.005', '0.285', '2.675', '1.115', '-1.005', '0.1+0.2', '1234.5', '-2.5', '8.325'];

function roundable(random: SeededRandom): string {
	return random.chance(0.35) ? random.pick(TIES) : literal(random.num(-10000, 10000, 4));
}

const ROUNDING: FunctionGenerator[] = (['ROUND', 'ROUNDUP', 'ROUNDDOWN'] as const).map((fn) => ({
	fn,
	category: 'math',
	make: (r) => [roundable(r), String(r.int(-2, 3))]
}));

const STATISTICS: FunctionGenerator[] = (
	['AVERAGE', 'MEDIAN', 'STDEV', 'MIN', 'MAX', 'SUM'] as const
).map((fn) => ({ fn, category: 'statistical', make: (r) => numbers(r) }));

export const AGGREGATE_GENERATORS: FunctionGenerator[] = [
	...ROUNDING,
	...STATISTICS,
	{
		fn: 'MROUND',
		category: 'math',
		make: (r) => {
			const multiple = r.pick(['5', '0.05', '100', '-5', '0', '0.25']);
			return [literal(r.num(-1000, 1000, 3)), multiple];
		}
	},
	{
		fn: 'SUMIF',
		category: 'statistical',
		make: (r) =>
			r.chance(0.5)
				? ['C1:C8', criterion(r, 'names'), 'D1:D8']
				: ['E1:E8', criterion(r, 'numbers'), ...(r.chance(0.7) ? ['D1:D8'] : [])]
	},
	{
		fn: 'SUMIFS',
		category: 'statistical',
		make: (r) => ['D1:D8', 'C1:C8', criterion(r, 'names'), 'E1:E8', criterion(r, 'numbers')]
	},
	{
		fn: 'COUNTIF',
		category: 'statistical',
		make: (r) =>
			r.chance(0.5) ? ['C1:C8', criterion(r, 'names')] : ['D1:D8', criterion(r, 'numbers')]
	},
	{
		fn: 'COUNTIFS',
		category: 'statistical',
		make: (r) => ['C1:C8', criterion(r, 'names'), 'D1:D8', criterion(r, 'numbers')]
	},
	{
		fn: 'AVERAGEIF',
		category: 'statistical',
		make: (r) =>
			r.chance(0.5)
				? ['C1:C8', criterion(r, 'names'), 'D1:D8']
				: ['E1:E8', criterion(r, 'numbers'), 'D1:D8']
	},
	{
		fn: 'AVERAGEIFS',
		category: 'statistical',
		make: (r) => ['D1:D8', 'C1:C8', criterion(r, 'names'), 'E1:E8', criterion(r, 'numbers')]
	},
	{
		fn: 'SUMPRODUCT',
		category: 'statistical',
		make: (r) =>
			r.pick([
				['D1:D8', 'E1:E8'],
				[`(E1:E8=${r.int(1, 4)})*D1:D8`],
				['{1,2,3}', '{4,5,6}'],
				[`--(D1:D8>${r.int(900, 2000)})`],
				['D1:D8', 'E1:E7']
			])
	},
	{
		fn: 'IF',
		category: 'logical',
		make: (r) => {
			const test = r.pick([`D${r.int(1, 8)}>1500`, 'I5', 'I3="rent"', 'I4', `E${r.int(1, 8)}`]);
			return r.chance(0.2) ? [test, '"high"'] : [test, '"high"', r.pick(['"low"', '0', 'I1'])];
		}
	},
	{
		fn: 'IFS',
		category: 'logical',
		make: (r) => {
			const x = r.int(800, 2500);
			return [`${x}>2000`, '"A"', `${x}>1500`, '"B"', ...(r.chance(0.7) ? ['TRUE', '"C"'] : [])];
		}
	},
	{
		fn: 'IFERROR',
		category: 'logical',
		make: (r) => [r.pick(['I1', 'I2', 'I6', 'D3/0', `VLOOKUP("Elm",C1:D8,2,FALSE)`, 'D2']), '"n/a"']
	},
	{
		fn: 'AND',
		category: 'logical',
		make: (r) => [`D${r.int(1, 8)}>1000`, `E${r.int(1, 8)}>=2`, ...(r.chance(0.3) ? ['I5'] : [])]
	},
	{
		fn: 'OR',
		category: 'logical',
		make: (r) => [`D${r.int(1, 8)}>2000`, `E${r.int(1, 8)}=4`, ...(r.chance(0.3) ? ['{0,0}'] : [])]
	},
	{
		fn: 'MOD',
		category: 'math',
		make: (r) => [literal(r.num(-100, 100, 1)), r.pick(['3', '-3', '0.5', '0', '7'])]
	},
	{
		fn: 'INT',
		category: 'math',
		make: (r) => [literal(r.num(-100, 100, 3))]
	}
];
