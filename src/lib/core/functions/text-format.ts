/**
 * TEXT(value, format_text) with Excel's whole format-code language, through the formatter that
 * shows cells (`number-format.ts`), so `=TEXT(A1,"$#,##0.00")` reads exactly as A1 formatted
 * `$#,##0.00` does. HyperFormula's TEXT knew only a few date and digit codes.
 */
import { FunctionArgumentType, FunctionPlugin, type ImplementedFunctions } from 'hyperformula';
import { formatWithCode } from '../number-format';
import { parseInput } from '../values';
import {
	englishNames,
	plainValue,
	valueError,
	type EvaluationState,
	type ProcedureCall
} from './plugin-support';

/**
 * The text TEXT returns, or `undefined` when `code` is not a format code (#VALUE!):
 * numbers are formatted; text that reads as a number, percentage or date (as typed input would)
 * is formatted as that number, other text goes through the text section (`@`); TRUE/FALSE stay
 * as they are and an empty cell counts as 0, as in Excel.
 */
export function formatAsText(
	value: number | string | boolean | null,
	code: string
): string | undefined {
	if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
	if (value === null) return formatWithCode(0, code);
	if (typeof value === 'string') {
		const parsed = parseInput(value);
		return formatWithCode(parsed.kind === 'number' ? parsed.value : value, code);
	}
	return formatWithCode(value, code);
}

/** HyperFormula plugin replacing TEXT with {@link formatAsText}. */
export class TextFormatPlugin extends FunctionPlugin {
	static implementedFunctions: ImplementedFunctions = {
		TEXT: {
			method: 'text',
			parameters: [
				{ argumentType: FunctionArgumentType.SCALAR },
				{ argumentType: FunctionArgumentType.STRING }
			]
		}
	};

	/** TEXT(value, format_text): #VALUE! for a format code Excel would refuse. */
	text(ast: ProcedureCall, state: EvaluationState) {
		return this.runFunction(ast.args, state, this.metadata('TEXT'), (value, code: string) => {
			const plain = plainValue(value);
			if (typeof plain === 'object' && plain !== null) return plain;
			return formatAsText(plain, code) ?? valueError(`"${code}" is not a number format.`);
		});
	}
}

/** Translations for {@link TextFormatPlugin}. */
export const TEXT_FORMAT_FUNCTION_NAMES = englishNames(TextFormatPlugin.implementedFunctions);
