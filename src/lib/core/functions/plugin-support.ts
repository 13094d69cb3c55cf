/**
 * What InvestFlow's HyperFormula function plugins share: the types HyperFormula does not export,
 * Excel's error values, and the translation table each plugin registers with.
 */
import { CellError, EmptyValue, ErrorType, type ImplementedFunctions } from 'hyperformula';

// HyperFormula does not export the types of a plugin method's arguments (`ProcedureAst`,
// `InterpreterState`); `never` lets them pass straight through to `runFunction` type-safely.
/** A plugin method's call node, passed through to `runFunction` untouched. */
export type ProcedureCall = { args: never[] };
/** A plugin method's evaluation state, passed through to `runFunction` untouched. */
export type EvaluationState = never;

/** Excel's `#NUM!`: an argument outside the function's domain. */
export function numError(message: string): CellError {
	return new CellError(ErrorType.NUM, message);
}

/** Excel's `#VALUE!`: an argument of the wrong kind. */
export function valueError(message: string): CellError {
	return new CellError(ErrorType.VALUE, message);
}

/**
 * A cell value as plain JavaScript: HyperFormula's "rich numbers" (dates, currencies,
 * percentages carry `val`) become numbers, an empty cell `null`; errors stay `CellError`s.
 */
export function plainValue(value: unknown): number | string | boolean | null | CellError {
	if (value === EmptyValue || value === undefined || value === null) return null;
	if (value instanceof CellError) return value;
	if (typeof value === 'object' && 'val' in value) return Number(value.val);
	return value as number | string | boolean;
}

/**
 * The translation table HyperFormula requires when registering a plugin: each function keeps
 * its English name in the languages InvestFlow uses.
 */
export function englishNames(functions: ImplementedFunctions) {
	const names = Object.fromEntries(Object.keys(functions).map((id) => [id, id]));
	return { enGB: names, enUS: names };
}
