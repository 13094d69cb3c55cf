/**
 * SEQUENCE and MMULT with the size limits of `limits.ts`. HyperFormula builds whatever array
 * they describe: `SEQUENCE(1500,1500)` is 2.25 million numbers and an MMULT of two of them
 * billions of multiplications, which held a server's event loop (and would hold a browser tab)
 * for half a minute. These replacements answer `#VALUE!` with a message naming the limit instead,
 * both when the formula is parsed (the spilled array's size) and when it is evaluated (sizes
 * that come from cells). Registered once, by `formula-engine.ts`, over HyperFormula's own.
 */
import {
	ArraySize,
	CellError,
	ErrorType,
	FunctionPlugin,
	HyperFormula,
	SimpleRangeValue,
	type FunctionPluginDefinition,
	type ImplementedFunctions
} from 'hyperformula';
import { MAX_ARRAY_CELLS, MAX_MATRIX_PRODUCT_TERMS } from './limits';

// HyperFormula does not export the types of a plugin method's arguments (see finance-functions).
type ProcedureCall = { args: never[] };
type EvaluationState = never;
type SizePredictor = (
	this: FunctionPlugin,
	ast: ProcedureCall,
	state: EvaluationState
) => ArraySize;

/** HyperFormula's own plugin for `functionId`, taken before ours replaces it. */
function builtInPlugin(functionId: string): FunctionPluginDefinition {
	const plugin = HyperFormula.getFunctionPlugin(functionId);
	if (!plugin) throw new Error(`HyperFormula has no ${functionId} to bound`);
	return plugin;
}

const SEQUENCE = builtInPlugin('SEQUENCE');
const MMULT = builtInPlugin('MMULT');

function predictor(plugin: FunctionPluginDefinition, method: string): SizePredictor {
	return (plugin.prototype as unknown as Record<string, SizePredictor>)[method];
}

const predictSequenceSize = predictor(SEQUENCE, 'sequenceArraySize');
const predictProductSize = predictor(MMULT, 'mmultArraySize');

const TOO_MANY_ELEMENTS = `An array can have at most ${MAX_ARRAY_CELLS} elements.`;
const TOO_MUCH_WORK = `A matrix product can take at most ${MAX_MATRIX_PRODUCT_TERMS} multiplications.`;

function withinArrayLimit(size: ArraySize): ArraySize {
	return size.width * size.height > MAX_ARRAY_CELLS ? ArraySize.error() : size;
}

/** HyperFormula's SEQUENCE and MMULT, refusing arrays and products past the limits. */
export class BoundedArrayFunctionsPlugin extends FunctionPlugin {
	static implementedFunctions: ImplementedFunctions = {
		SEQUENCE: { ...SEQUENCE.implementedFunctions.SEQUENCE },
		MMULT: { ...MMULT.implementedFunctions.MMULT }
	};

	/** SEQUENCE(rows, [columns], [start], [step]): at most MAX_ARRAY_CELLS numbers. */
	sequence(ast: ProcedureCall, state: EvaluationState) {
		return this.runFunction(
			ast.args,
			state,
			this.metadata('SEQUENCE'),
			(rows: number, columns: number, start: number, step: number) => {
				const height = Math.trunc(rows);
				const width = Math.trunc(columns);
				if (!Number.isFinite(rows) || !Number.isFinite(columns) || height < 1 || width < 1) {
					return new CellError(ErrorType.VALUE, 'Argument cannot be less than 1.');
				}
				if (height * width > MAX_ARRAY_CELLS)
					return new CellError(ErrorType.VALUE, TOO_MANY_ELEMENTS);
				const result: number[][] = [];
				for (let r = 0; r < height; r++) {
					const line: number[] = [];
					for (let c = 0; c < width; c++) line.push(start + (r * width + c) * step);
					result.push(line);
				}
				return SimpleRangeValue.onlyNumbers(result);
			}
		);
	}

	sequenceArraySize(ast: ProcedureCall, state: EvaluationState): ArraySize {
		return withinArrayLimit(predictSequenceSize.call(this, ast, state));
	}

	/** MMULT(left, right): at most MAX_MATRIX_PRODUCT_TERMS multiply-adds. */
	mmult(ast: ProcedureCall, state: EvaluationState) {
		return this.runFunction(
			ast.args,
			state,
			this.metadata('MMULT'),
			(left: SimpleRangeValue, right: SimpleRangeValue) => {
				if (!left.hasOnlyNumbers() || !right.hasOnlyNumbers()) {
					return new CellError(ErrorType.VALUE, 'Number argument expected.');
				}
				if (right.height() !== left.width()) {
					return new CellError(ErrorType.VALUE, 'Array dimensions are not compatible.');
				}
				if (left.height() * left.width() * right.width() > MAX_MATRIX_PRODUCT_TERMS) {
					return new CellError(ErrorType.VALUE, TOO_MUCH_WORK);
				}
				return SimpleRangeValue.onlyNumbers(multiply(left.rawNumbers(), right.rawNumbers()));
			}
		);
	}

	mmultArraySize(ast: ProcedureCall, state: EvaluationState): ArraySize {
		return withinArrayLimit(predictProductSize.call(this, ast, state));
	}
}

function multiply(left: number[][], right: number[][]): number[][] {
	const inner = right.length;
	const width = right[0]?.length ?? 0;
	return left.map((row) => {
		const line = new Array<number>(width).fill(0);
		for (let i = 0; i < inner; i++) {
			const factor = row[i];
			const across = right[i];
			for (let c = 0; c < width; c++) line[c] += factor * across[c];
		}
		return line;
	});
}
