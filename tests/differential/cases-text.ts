/** Text functions: number formats in TEXT, slicing, joining, cleaning and reading numbers. */
import type { FunctionGenerator } from './case-kinds';
import { dateExpr, literal } from './literals';

const NUMBER_FORMATS = [
	'"0.00%"',
	'"0%"',
	'"$#,##0.00;($#,##0.00)"',
	'"#,##0"',
	'"#,##0.00"',
	'"0.000"',
	'"0"',
	'"0.0,,""M"""',
	'"#,##0,""K"""',
	'"$#,##0"',
	'"00000"',
	'"0.00E+00"',
	'"#,##0.00;[Red]-#,##0.00"'
];
const DATE_FORMATS = [
	'"mmm d, yyyy"',
	'"yyyy-mm-dd"',
	'"m/d/yyyy"',
	'"dddd"',
	'"mmmm yyyy"',
	'"d-mmm-yy"',
	'"ddd, mmm d"'
];
const WORDS = [
	'"Maple St 1"',
	'"  Unit   4B  "',
	'"rent roll"',
	'C2',
	'I3',
	'"Cap rate: 7.25%"',
	'I7'
];

export const TEXT_GENERATORS: FunctionGenerator[] = [
	{
		fn: 'TEXT',
		category: 'text',
		make: (r) =>
			r.chance(0.6)
				? [
						r.pick([literal(r.num(-2000000, 2000000, 2)), literal(r.num(-1, 1, 4)), 'K2', 'D3']),
						r.pick(NUMBER_FORMATS)
					]
				: [dateExpr(r), r.pick(DATE_FORMATS)]
	},
	...(['LEFT', 'RIGHT'] as const).map((fn): FunctionGenerator => ({
		fn,
		category: 'text',
		make: (r) => {
			const count = r.chance(0.1) ? ['-1'] : r.chance(0.2) ? [] : [String(r.int(0, 20))];
			return [r.pick(WORDS), ...count];
		}
	})),
	{
		fn: 'MID',
		category: 'text',
		make: (r) => [r.pick(WORDS), String(r.int(r.chance(0.05) ? 0 : 1, 15)), String(r.int(0, 10))]
	},
	{
		fn: 'CONCAT',
		category: 'text',
		make: (r) => [r.pick(WORDS), '" - "', r.pick(['D1', '1500', 'E2', 'K2', '"Unit ""B"""'])]
	},
	{
		fn: 'CONCATENATE',
		category: 'text',
		make: (r) => [r.pick(WORDS), '", "', r.pick(['D4', '7.5', 'TRUE'])]
	},
	{
		fn: 'SUBSTITUTE',
		category: 'text',
		make: (r) => {
			const base = [
				r.pick(['"Maple St 1"', '"a-b-c-d"', '"2024/01/15"', 'C5']),
				r.pick(['"-"', '"St"', '"/"', '"1"']),
				'"_"'
			];
			return r.chance(0.3) ? [...base, String(r.int(1, 3))] : base;
		}
	},
	...(['UPPER', 'LOWER', 'PROPER', 'TRIM', 'LEN'] as const).map((fn): FunctionGenerator => ({
		fn,
		category: 'text',
		make: (r) => [r.pick(WORDS)]
	})),
	{
		fn: 'VALUE',
		category: 'text',
		make: (r) => [
			r.pick(['"1500"', '"$1,500"', '"7.25%"', '"  42 "', '"abc"', '"1e3"', 'I7', '"(250)"'])
		]
	},
	{
		fn: 'FIND',
		category: 'text',
		make: (r) => [r.pick(['"St"', '"s"', '"z"', '""']), r.pick(WORDS.slice(0, 4))]
	},
	{
		fn: 'SEARCH',
		category: 'text',
		make: (r) => [r.pick(['"st"', '"?t"', '"*1"', '"z"']), r.pick(WORDS.slice(0, 4))]
	},
	{
		fn: '&',
		category: 'text',
		// The & operator with doubled quotes, as people label figures.
		make: (r) => ({ body: `"Unit ""B"" rent: "&D${r.int(1, 8)}` })
	}
];
