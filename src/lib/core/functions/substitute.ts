/**
 * SUBSTITUTE with Excel's answer for an empty old_text: the text unchanged. HyperFormula built a
 * pattern of the empty text, which matches between every two characters, so
 * `SUBSTITUTE("Oak","","-")` was `-O-a-k-`.
 */
import {
	CellError,
	FunctionArgumentType,
	FunctionPlugin,
	type ImplementedFunctions
} from 'hyperformula';
import {
	englishNames,
	valueError,
	type EvaluationState,
	type ProcedureCall
} from './plugin-support';

/**
 * SUBSTITUTE's value: `text` with every occurrence of `oldText` (or only the `instance`-th, when
 * given) replaced by `newText`; `text` itself when `oldText` is empty or the instance is not
 * there; #VALUE! for an instance below 1.
 */
export function substitute(
	text: string,
	oldText: string,
	newText: string,
	instance?: number
): string | CellError {
	if (instance !== undefined && instance < 1) return valueError('The instance must be 1 or more.');
	if (oldText === '') return text;
	if (instance === undefined) return text.split(oldText).join(newText);
	let from = 0;
	for (let seen = 1; ; seen++) {
		const at = text.indexOf(oldText, from);
		if (at < 0) return text;
		if (seen === Math.trunc(instance)) {
			return text.slice(0, at) + newText + text.slice(at + oldText.length);
		}
		from = at + oldText.length;
	}
}

/** HyperFormula plugin replacing SUBSTITUTE. */
export class SubstitutePlugin extends FunctionPlugin {
	static implementedFunctions: ImplementedFunctions = {
		SUBSTITUTE: {
			method: 'substitute',
			parameters: [
				{ argumentType: FunctionArgumentType.STRING },
				{ argumentType: FunctionArgumentType.STRING },
				{ argumentType: FunctionArgumentType.STRING },
				{ argumentType: FunctionArgumentType.NUMBER, optionalArg: true }
			]
		}
	};

	/** SUBSTITUTE(text, old_text, new_text, [instance_num]). */
	substitute(ast: ProcedureCall, state: EvaluationState) {
		return this.runFunction(ast.args, state, this.metadata('SUBSTITUTE'), substitute);
	}
}

/** Translations for {@link SubstitutePlugin}. */
export const SUBSTITUTE_FUNCTION_NAMES = englishNames(SubstitutePlugin.implementedFunctions);
