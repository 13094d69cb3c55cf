/**
 * AND, OR, MEDIAN and NPV read a referenced cell as Excel does: like a one-cell range, whose text
 * and empty cells are ignored (and, for MEDIAN and NPV, its logical values too). HyperFormula
 * read a single referenced cell like a value typed into the call, so `AND(A1>1,B1)` with text in
 * B1 was #VALUE!, `AND(TRUE,B1)` with B1 empty was FALSE, and `MEDIAN(B1)` of an empty cell was
 * 0 instead of #NUM!. Values typed into the call keep Excel's rules for typed values: `"TRUE"`
 * is a logical, `"12"` a number, other text #VALUE!.
 */
import {
	CellError,
	ErrorType,
	FunctionArgumentType,
	FunctionPlugin,
	SimpleRangeValue,
	type FunctionMetadata,
	type ImplementedFunctions
} from 'hyperformula';
import {
	englishNames,
	plainValue,
	valueError,
	numError,
	type EvaluationState,
	type ProcedureCall
} from './plugin-support';

/** The part of HyperFormula's argument nodes this plugin reads (the type is not exported). */
interface ArgumentNode {
	type: string;
	expression?: ArgumentNode;
}

/** Whether an argument is a single cell reference, looking through parentheses. */
function isCellReference(node: ArgumentNode): boolean {
	while (node.type === 'PARENTHESES' && node.expression) node = node.expression;
	return node.type === 'CELL_REFERENCE';
}

/**
 * The logical values of AND's or OR's arguments: ranges and arrays give their logicals and
 * numbers (non-zero is TRUE), skipping text and empty cells; a typed argument must be a logical,
 * a number or the text TRUE/FALSE (#VALUE! otherwise; an omitted one is FALSE). The first error
 * met is returned; no logical value at all is #VALUE!.
 */
export function logicalValues(args: unknown[]): boolean[] | CellError {
	const logicals: boolean[] = [];
	for (const arg of args) {
		if (arg instanceof SimpleRangeValue) {
			for (const cell of arg.valuesFromTopLeftCorner()) {
				const value = plainValue(cell);
				if (value instanceof CellError) return value;
				if (typeof value === 'boolean') logicals.push(value);
				else if (typeof value === 'number') logicals.push(value !== 0);
			}
			continue;
		}
		const value = plainValue(arg);
		if (value instanceof CellError) return value;
		if (value === null) logicals.push(false);
		else if (typeof value === 'boolean') logicals.push(value);
		else if (typeof value === 'number') logicals.push(value !== 0);
		else if (/^\s*(TRUE|FALSE)\s*$/i.test(value)) logicals.push(/TRUE/i.test(value));
		else return valueError(`"${value}" is not a logical value.`);
	}
	return logicals.length > 0 ? logicals : valueError('No logical value among the arguments.');
}

/** MEDIAN's value: the middle number, the mean of the two middle ones, #NUM! when none. */
export function median(numbers: number[]): number | CellError {
	if (numbers.length === 0) return numError('MEDIAN needs at least one number.');
	const sorted = [...numbers].sort((a, b) => a - b);
	const middle = Math.floor(sorted.length / 2);
	return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** NPV's value: Σ value / (1 + rate)^i for i = 1…n; #DIV/0! at a rate of −1 (as HyperFormula). */
export function netPresentValue(rate: number, flows: number[]): number | CellError {
	let total = 0;
	for (let i = flows.length - 1; i >= 0; i--) {
		total += flows[i];
		if (rate === -1) {
			if (total === 0) continue;
			return new CellError(ErrorType.DIV_BY_ZERO, 'NPV of a rate of -100%.');
		}
		total /= 1 + rate;
	}
	return total;
}

const REPEATED_ANY = {
	parameters: [{ argumentType: FunctionArgumentType.ANY }],
	repeatLastArgs: 1
};

/** HyperFormula plugin replacing AND, OR, MEDIAN and NPV. */
export class ReferencedCellsPlugin extends FunctionPlugin {
	static implementedFunctions: ImplementedFunctions = {
		AND: { method: 'and', ...REPEATED_ANY },
		OR: { method: 'or', ...REPEATED_ANY },
		MEDIAN: { method: 'median', ...REPEATED_ANY },
		NPV: {
			method: 'npv',
			parameters: [
				{ argumentType: FunctionArgumentType.NUMBER },
				{ argumentType: FunctionArgumentType.ANY }
			],
			repeatLastArgs: 1,
			// Like HyperFormula's own NPV, the result is shown as currency.
			returnNumberType: 'NUMBER_CURRENCY' as never
		}
	};

	/** Evaluates the arguments as HyperFormula does, but a referenced cell as a one-cell range. */
	protected override evaluateArguments(
		args: ArgumentNode[],
		state: EvaluationState,
		metadata: FunctionMetadata
	) {
		const evaluated = super.evaluateArguments(args as never[], state, metadata);
		return evaluated.map((entry, index) => {
			const [value, ...flags] = entry;
			if (value instanceof SimpleRangeValue || value instanceof CellError) return entry;
			if (!isCellReference(args[index])) return entry;
			return [SimpleRangeValue.onlyValues([[value]]), ...flags] as typeof entry;
		});
	}

	/** AND(logical1, …): TRUE when every logical value is TRUE. */
	and(ast: ProcedureCall, state: EvaluationState) {
		return this.runFunction(ast.args, state, this.metadata('AND'), (...args: unknown[]) => {
			const logicals = logicalValues(args);
			return logicals instanceof CellError ? logicals : logicals.every(Boolean);
		});
	}

	/** OR(logical1, …): TRUE when any logical value is TRUE. */
	or(ast: ProcedureCall, state: EvaluationState) {
		return this.runFunction(ast.args, state, this.metadata('OR'), (...args: unknown[]) => {
			const logicals = logicalValues(args);
			return logicals instanceof CellError ? logicals : logicals.some(Boolean);
		});
	}

	/** MEDIAN(number1, …): numbers of ranges only; typed logicals and numeric text count. */
	median(ast: ProcedureCall, state: EvaluationState) {
		return this.runFunction(ast.args, state, this.metadata('MEDIAN'), (...args: unknown[]) => {
			const numbers = this.arithmeticHelper.coerceNumbersExactRanges(args as never[]);
			return numbers instanceof CellError ? numbers : median(numbers);
		});
	}

	/** NPV(rate, value1, …): numbers of ranges only; typed logicals and numeric text count. */
	npv(ast: ProcedureCall, state: EvaluationState) {
		return this.runFunction(
			ast.args,
			state,
			this.metadata('NPV'),
			(rate: number, ...args: unknown[]) => {
				const flows = this.arithmeticHelper.coerceNumbersExactRanges(args as never[]);
				return flows instanceof CellError ? flows : netPresentValue(rate, flows);
			}
		);
	}
}

/** Translations for {@link ReferencedCellsPlugin}. */
export const REFERENCED_CELLS_FUNCTION_NAMES = englishNames(
	ReferencedCellsPlugin.implementedFunctions
);
