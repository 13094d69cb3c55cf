/**
 * VALUE reads text as a number the way typed input is read (`values.ts`): `"$1,500"`,
 * `"1,200.50"`, `"5%"`, `"(250)"`, `"3/1/2026"`; what that does not read (times such as
 * `"16:48"`) falls back to HyperFormula's own parsing. HyperFormula's VALUE refused thousands
 * separators and currency, and an empty cell, which Excel reads as 0.
 */
import {
	CellError,
	FunctionArgumentType,
	FunctionPlugin,
	type ImplementedFunctions
} from 'hyperformula';
import { parseInput } from '../values';
import {
	englishNames,
	plainValue,
	valueError,
	type EvaluationState,
	type ProcedureCall
} from './plugin-support';

/** The number typed-input rules read in `text` (parentheses mean negative), or undefined. */
export function readNumber(text: string): number | undefined {
	const trimmed = text.trim();
	const negative = /^\(([^()]+)\)$/.exec(trimmed);
	if (negative) {
		const inner = readNumber(negative[1]);
		return inner === undefined ? undefined : -inner;
	}
	const parsed = parseInput(trimmed);
	return parsed.kind === 'number' ? parsed.value : undefined;
}

/** HyperFormula plugin replacing VALUE. */
export class TextToNumberPlugin extends FunctionPlugin {
	static implementedFunctions: ImplementedFunctions = {
		VALUE: { method: 'value', parameters: [{ argumentType: FunctionArgumentType.SCALAR }] }
	};

	/** VALUE(text): #VALUE! for text that is no number, and for TRUE/FALSE, as in Excel. */
	value(ast: ProcedureCall, state: EvaluationState) {
		return this.runFunction(ast.args, state, this.metadata('VALUE'), (argument: unknown) => {
			const value = plainValue(argument);
			if (value instanceof CellError || typeof value === 'number') return value;
			if (value === null) return 0;
			if (typeof value === 'boolean') return valueError('VALUE needs text or a number.');
			const read = readNumber(value);
			if (read !== undefined) return read;
			const fallback =
				value.trim() === '' ? undefined : this.arithmeticHelper.coerceToMaybeNumber(value.trim());
			return fallback === undefined
				? valueError(`"${value}" is not a number.`)
				: Number(plainValue(fallback));
		});
	}
}

/** Translations for {@link TextToNumberPlugin}. */
export const TEXT_TO_NUMBER_FUNCTION_NAMES = englishNames(TextToNumberPlugin.implementedFunctions);
