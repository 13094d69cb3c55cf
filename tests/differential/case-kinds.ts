/**
 * What the generator produces: one formula per case, the function it exercises, and the pieces
 * the exclusions and the summary look at.
 */
import type { SeededRandom } from './random';

/** One generated formula. */
export interface FormulaCase {
	/** Position in the batch (0-based); the formula sits in row index+1 of the formula column. */
	index: number;
	/** The function under test, upper case (the outermost one for composed formulas). */
	fn: string;
	category: Category;
	/** The formula as a user types it, starting with `=`. */
	formula: string;
	/** The top-level argument texts of `fn`, when the formula is `fn(args…)`. */
	args: string[];
	/**
	 * The formula given to LibreOffice instead, when it lacks the function but has an exact
	 * equivalent (XLOOKUP in LibreOffice before 24.8).
	 */
	libreOfficeFormula?: string;
	/** Iterative functions (IRR, XIRR, RATE, MIRR) are compared within 1e-7 instead of 1e-9. */
	iterative: boolean;
}

export type Category = 'finance' | 'date' | 'lookup' | 'statistical' | 'logical' | 'text' | 'math';

/** A generator's output: the arguments of `fn`, or a whole formula body (without `=`). */
export type Generated = string[] | { body: string; args?: string[]; libreOffice?: string };

/** Makes formulas for one function. */
export interface FunctionGenerator {
	fn: string;
	category: Category;
	make(random: SeededRandom): Generated;
}

const ITERATIVE = /\b(IRR|XIRR|RATE|MIRR)\(/;

/** Whether a formula computes something by iteration (and so gets the looser tolerance). */
export function isIterative(formula: string): boolean {
	return ITERATIVE.test(formula.toUpperCase());
}
