/**
 * CONCAT, Excel 2019's successor to CONCATENATE, which HyperFormula lacks (`#NAME?`): it joins
 * its arguments and every cell of its ranges (row by row) into one text.
 */
import {
	CellError,
	FunctionArgumentType,
	FunctionPlugin,
	SimpleRangeValue,
	type ImplementedFunctions
} from 'hyperformula';
import { toShownPrecision } from './rounding';
import {
	englishNames,
	plainValue,
	valueError,
	type EvaluationState,
	type ProcedureCall
} from './plugin-support';

/** Excel's limit on the length of a cell's text. */
const MAX_TEXT_LENGTH = 32_767;

/**
 * A number as Excel turns it into text in a formula: at most 15 significant digits, no
 * thousands separators, `1E+21` style for very large or small numbers.
 */
export function numberAsText(value: number): string {
	const text = String(toShownPrecision(value));
	return text.replace(/e([+-])(\d)$/, 'E$10$2').replace('e', 'E');
}

/** A value's text in a concatenation: empty for an empty cell, TRUE/FALSE for booleans. */
function textOf(value: unknown): string | CellError {
	const plain = plainValue(value);
	if (plain instanceof CellError) return plain;
	if (plain === null) return '';
	if (typeof plain === 'number') return numberAsText(plain);
	if (typeof plain === 'boolean') return plain ? 'TRUE' : 'FALSE';
	return plain;
}

/** CONCAT's value: the first error met, #VALUE! past 32,767 characters, else the joined text. */
export function concatenateAll(values: unknown[]): string | CellError {
	let result = '';
	for (const value of values) {
		const cells = value instanceof SimpleRangeValue ? value.valuesFromTopLeftCorner() : [value];
		for (const cell of cells) {
			const text = textOf(cell);
			if (text instanceof CellError) return text;
			result += text;
			if (result.length > MAX_TEXT_LENGTH) return valueError('The text is over 32,767 characters.');
		}
	}
	return result;
}

/** HyperFormula plugin adding CONCAT. */
export class ConcatPlugin extends FunctionPlugin {
	static implementedFunctions: ImplementedFunctions = {
		CONCAT: {
			method: 'concat',
			parameters: [{ argumentType: FunctionArgumentType.ANY }],
			repeatLastArgs: 1
		}
	};

	/** CONCAT(text1, [text2], …). */
	concat(ast: ProcedureCall, state: EvaluationState) {
		return this.runFunction(ast.args, state, this.metadata('CONCAT'), (...values: unknown[]) =>
			concatenateAll(values)
		);
	}
}

/** Translations for {@link ConcatPlugin}. */
export const CONCAT_FUNCTION_NAMES = englishNames(ConcatPlugin.implementedFunctions);
