/**
 * The seeded formula generator: pure and deterministic for a seed. Each case picks a function
 * uniformly, lets its generator choose arguments (edge cases included), and now and then swaps
 * one argument for a cell holding an error, text or nothing, to check errors as arguments.
 */
import { AGGREGATE_GENERATORS } from './cases-aggregates';
import { DATE_GENERATORS } from './cases-dates';
import { FINANCE_GENERATORS } from './cases-finance';
import { LOOKUP_GENERATORS } from './cases-lookup';
import { TEXT_GENERATORS } from './cases-text';
import { isIterative, type FormulaCase, type FunctionGenerator } from './case-kinds';
import { ODD_CELLS } from './data-block';
import { SeededRandom } from './random';

/** Every generator, in a fixed order (the order is part of what a seed means). */
export const GENERATORS: readonly FunctionGenerator[] = [
	...FINANCE_GENERATORS,
	...DATE_GENERATORS,
	...LOOKUP_GENERATORS,
	...AGGREGATE_GENERATORS,
	...TEXT_GENERATORS
];

// Errors, text and an empty cell: their effect on an argument is documented alike by Excel
// and LibreOffice. TRUE and the text "42" in a reference are read differently by the two.
const ODD_ARGUMENTS = [
	ODD_CELLS.divByZero,
	ODD_CELLS.notAvailable,
	ODD_CELLS.numError,
	ODD_CELLS.text,
	ODD_CELLS.empty
];
// An empty cell is serial 0, where LibreOffice's calendar (1899-12-30) and Excel's (1900-01-00)
// part: only YEAR/MONTH/DAY, whose Excel answers are known, get it as a date.
const SERIAL_ZERO_FUNCTIONS = new Set(['YEAR', 'MONTH', 'DAY']);

// A zero payment or flow from an empty cell leaves RATE and IRR with no solution, where every
// solver returns whatever it stopped at.
const SOLVERS = new Set(['RATE', 'IRR', 'XIRR']);

function oddArgumentsFor(generator: FunctionGenerator): string[] {
	const emptyMisleads =
		(generator.category === 'date' && !SERIAL_ZERO_FUNCTIONS.has(generator.fn)) ||
		SOLVERS.has(generator.fn);
	return emptyMisleads ? ODD_ARGUMENTS.filter((cell) => cell !== ODD_CELLS.empty) : ODD_ARGUMENTS;
}

function oddArgumentsFit(generator: FunctionGenerator): boolean {
	return generator.fn !== 'TEXT' && generator.category !== 'lookup';
}

/** `count` formulas for `seed`; the same seed and count always give the same formulas. */
export function generateCases(seed: number, count: number): FormulaCase[] {
	const random = new SeededRandom(seed);
	const cases: FormulaCase[] = [];
	for (let index = 0; index < count; index++) {
		const generator = random.pick(GENERATORS);
		const made = generator.make(random);
		let formula: string;
		let args: string[] = [];
		let libreOfficeFormula: string | undefined;
		if (Array.isArray(made)) {
			args = [...made];
			// Not TEXT: LibreOffice reads a text cell as a format code its own way. Not lookups:
			// which check wins (a bad table or index, an error key) is documented nowhere; the
			// lookup generators pass error keys themselves.
			if (args.length > 0 && oddArgumentsFit(generator) && random.chance(0.04)) {
				args[random.int(0, args.length - 1)] = random.pick(oddArgumentsFor(generator));
			}
			formula = `=${generator.fn}(${args.join(',')})`;
		} else {
			formula = `=${made.body}`;
			args = made.args ?? [];
			if (made.libreOffice) libreOfficeFormula = `=${made.libreOffice}`;
		}
		cases.push({
			index,
			fn: generator.fn,
			category: generator.category,
			formula,
			args,
			libreOfficeFormula,
			iterative: isIterative(formula)
		});
	}
	return cases;
}
