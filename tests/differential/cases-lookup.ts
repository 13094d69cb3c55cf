/** Lookups over the rent roll, brackets and array constants, with wildcards and misses. */
import type { FunctionGenerator } from './case-kinds';
import { literal, unitKey } from './literals';

const RENT_ARRAY = '{"Maple St 1",1450;"Oak Ct 3",1800;"Pine Rd 4",950}';

export const LOOKUP_GENERATORS: FunctionGenerator[] = [
	{
		fn: 'VLOOKUP',
		category: 'lookup',
		make: (r) => {
			const roll = r.next();
			if (roll < 0.35) {
				const col = r.chance(0.08) ? '4' : String(r.int(1, 3));
				return [unitKey(r), 'C1:E8', col, r.pick(['FALSE', '0'])];
			}
			if (roll < 0.5)
				return [`"${r.pick(['Oak Ct 3', 'Pine*', 'Elm'])}"`, RENT_ARRAY, '2', 'FALSE'];
			if (roll < 0.6) return [String(r.int(0, 4)), '{1,"one";2,"two";3,"three"}', '2', 'FALSE'];
			if (roll < 0.65) return [r.pick(['I1', 'I2', 'I3', 'I4']), 'C1:E8', '2', 'FALSE'];
			const key = r.chance(0.1) ? '-5' : literal(r.num(0, 6000, 0));
			return [key, 'F1:G6', '2', ...(r.chance(0.5) ? [] : ['TRUE'])];
		}
	},
	{
		fn: 'HLOOKUP',
		category: 'lookup',
		make: (r) => {
			const row = r.chance(0.08) ? '4' : String(r.int(1, 3));
			if (r.chance(0.4))
				return [`"${r.pick(['t*', 'five', 'e?ght', 'nine'])}"`, 'A13:F14', '2', 'FALSE'];
			return [literal(r.num(0, 15, 0)), 'A12:F14', row, ...(r.chance(0.5) ? ['FALSE'] : [])];
		}
	},
	{
		fn: 'MATCH',
		category: 'lookup',
		make: (r) => {
			const roll = r.next();
			if (roll < 0.4) return [unitKey(r), 'C1:C8', '0'];
			if (roll < 0.6)
				return [literal(r.num(-10, 6000, 0)), 'F1:F6', ...(r.chance(0.5) ? ['1'] : [])];
			if (roll < 0.8) return [String(r.int(5, 35) * 5), '{10,20,30,40,50}', r.pick(['0', '1'])];
			return [`"${r.pick(['b', 'B', 'c*', 'z'])}"`, '{"a","b","c"}', '0'];
		}
	},
	{
		fn: 'INDEX',
		category: 'lookup',
		make: (r) => {
			const roll = r.next();
			// Row 0 (the whole column) spills in Excel 365: not a one-cell answer.
			if (roll < 0.4)
				return ['C1:E8', String(r.int(1, 9)), String(r.int(1, r.chance(0.1) ? 4 : 3))];
			if (roll < 0.55) return [`D1:D8`, String(r.int(1, 9))];
			if (roll < 0.7) return ['{10,20,30}', String(r.int(1, 3))];
			if (roll < 0.85) {
				const key = r.pick(['10', '20', '30', '25']);
				return { body: `INDEX({10,20,30},MATCH(${key},{10,20,30},0))` };
			}
			return { body: `INDEX(D1:D8,MATCH(${unitKey(r)},C1:C8,0))` };
		}
	},
	{
		fn: 'XLOOKUP',
		category: 'lookup',
		// LibreOffice 7.4 has no XLOOKUP: it gets the INDEX/MATCH formula XLOOKUP is defined as.
		make: (r) => {
			const key = `"${r.pick(['Maple St 1', 'Oak Ct 3', 'Cedar Way 8', 'Elm St 9'])}"`;
			const column = r.pick(['D1:D8', 'E1:E8']);
			if (r.chance(0.5)) {
				return {
					body: `XLOOKUP(${key},C1:C8,${column},"none")`,
					libreOffice: `IFNA(INDEX(${column},MATCH(${key},C1:C8,0)),"none")`
				};
			}
			return {
				body: `XLOOKUP(${key},C1:C8,${column})`,
				libreOffice: `INDEX(${column},MATCH(${key},C1:C8,0))`
			};
		}
	}
];
