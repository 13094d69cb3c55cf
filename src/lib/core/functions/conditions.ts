/**
 * IFS with Excel's order of evaluation: conditions are read left to right and the first TRUE
 * one decides, so an error in a later condition no longer matters. HyperFormula checked every
 * condition first and returned the first error among them: `IFS(A1>1500,"B",1/0,"C")` was
 * #DIV/0! even when A1 was 1,557.
 */
import {
	CellError,
	ErrorType,
	FunctionArgumentType,
	FunctionPlugin,
	type ImplementedFunctions
} from 'hyperformula';
import {
	englishNames,
	plainValue,
	valueError,
	type EvaluationState,
	type ProcedureCall
} from './plugin-support';

/** A condition as Excel reads it: numbers by being non-zero, "TRUE"/"FALSE" text, blank as FALSE. */
export function readCondition(value: unknown): boolean | CellError {
	const plain = plainValue(value);
	if (plain instanceof CellError || typeof plain === 'boolean') return plain;
	if (plain === null) return false;
	if (typeof plain === 'number') return plain !== 0;
	const text = plain.trim().toUpperCase();
	if (text === 'TRUE' || text === 'FALSE') return text === 'TRUE';
	return valueError(`"${plain}" is not a condition.`);
}

/** IFS's value: the value after the first TRUE condition, an error met before it, or #N/A. */
export function firstTrueCondition<Value>(args: Value[]): Value | CellError {
	for (let index = 0; index + 1 < args.length; index += 2) {
		const condition = readCondition(args[index]);
		if (condition instanceof CellError) return condition;
		if (condition) return args[index + 1];
	}
	return new CellError(ErrorType.NA, 'No condition is TRUE.');
}

// Values pass through untouched (dates and currencies keep their kind); typed as HyperFormula's scalars.
type IfsArgument = number | string | boolean | CellError;

/** HyperFormula plugin replacing IFS. */
export class ConditionFunctionsPlugin extends FunctionPlugin {
	static implementedFunctions: ImplementedFunctions = {
		IFS: {
			method: 'ifs',
			parameters: [
				{ argumentType: FunctionArgumentType.SCALAR },
				{ argumentType: FunctionArgumentType.SCALAR, passSubtype: true }
			],
			repeatLastArgs: 2
		}
	};

	/** IFS(condition1, value1, [condition2, value2], …). */
	ifs(ast: ProcedureCall, state: EvaluationState) {
		return this.runFunction(ast.args, state, this.metadata('IFS'), (...args: IfsArgument[]) =>
			firstTrueCondition(args)
		);
	}
}

/** Translations for {@link ConditionFunctionsPlugin}. */
export const CONDITION_FUNCTION_NAMES = englishNames(ConditionFunctionsPlugin.implementedFunctions);
