/**
 * InvestFlow's HyperFormula function plugin. It adds AVERAGEIFS, which HyperFormula 3.5 lacks,
 * and replaces HyperFormula's SUMIFS, COUNTIFS, SUMIF, COUNTIF and AVERAGEIF so that all six
 * read criteria with one Excel-exact implementation (`criteria.ts`): HyperFormula's own wildcard
 * matching lets `"?????"` match `"a*b"`, for instance. It also replaces XNPV, whose built-in
 * rejects dates made by DATE() or typed as dates ("Number argument expected"). Registered once,
 * through `functions/index.ts` by `formula-engine.ts`.
 */
import {
	CellError,
	EmptyValue,
	ErrorType,
	FunctionArgumentType,
	FunctionPlugin,
	SimpleRangeValue,
	type FunctionArgument,
	type FunctionMetadata,
	type ImplementedFunctions
} from 'hyperformula';
import { parseCriterion, type CriterionCell, type CriterionInput } from './criteria';

// HyperFormula does not export the types of a plugin method's arguments (`ProcedureAst`,
// `InterpreterState`); `never` lets them pass straight through to `runFunction` type-safely.
type ProcedureCall = { args: never[] };
// The one field of HyperFormula's argument nodes `evaluateArguments` reads.
type ReferenceNode = { type: string };
type EvaluationState = never;

type Aggregate = { sum: number; count: number };

function toCriterionCell(value: unknown): CriterionCell {
	if (value === EmptyValue || value === undefined) return null;
	if (value instanceof CellError) return { error: value.type };
	// Dates, currencies and percentages arrive as HyperFormula "rich numbers" holding `val`.
	if (typeof value === 'object' && value !== null && 'val' in value) return Number(value.val);
	return value as number | string | boolean;
}

function toCriterionInput(value: unknown): CriterionInput {
	const cell = toCriterionCell(value);
	return typeof cell === 'object' && cell !== null ? null : cell;
}

/**
 * Walks the cells where every criterion holds and folds the numbers of `values` there (text,
 * booleans and blanks are skipped, as Excel skips them). Returns #VALUE! when a criteria
 * range's shape differs from `values`, or the first error met in a matching cell of `values`.
 */
function aggregateWhere(values: SimpleRangeValue, conditionArgs: unknown[]): Aggregate | CellError {
	const height = values.height();
	const width = values.width();
	const conditions: { cells: unknown[][]; test: (cell: CriterionCell) => boolean }[] = [];
	for (let i = 0; i < conditionArgs.length; i += 2) {
		const range = conditionArgs[i] as SimpleRangeValue;
		if (range.height() !== height || range.width() !== width) {
			return new CellError(ErrorType.VALUE, 'Criteria ranges must be the same size as the range.');
		}
		conditions.push({
			cells: range.data,
			test: parseCriterion(toCriterionInput(conditionArgs[i + 1]))
		});
	}
	const result: Aggregate = { sum: 0, count: 0 };
	const data = values.data;
	for (let row = 0; row < height; row++) {
		for (let col = 0; col < width; col++) {
			if (!conditions.every(({ cells, test }) => test(toCriterionCell(cells[row][col])))) continue;
			const cell = toCriterionCell(data[row][col]);
			if (typeof cell === 'object' && cell !== null) return new CellError(cell.error as ErrorType);
			if (typeof cell === 'number') {
				result.sum += cell;
				result.count += 1;
			}
		}
	}
	return result;
}

function countWhere(conditionArgs: unknown[]): number | CellError {
	const first = conditionArgs[0] as SimpleRangeValue;
	// Counting needs a number in every matching cell: count over a range of ones.
	const ones = SimpleRangeValue.onlyNumbers(
		Array.from({ length: first.height() }, () => new Array<number>(first.width()).fill(1))
	);
	const result = aggregateWhere(ones, conditionArgs);
	return result instanceof CellError ? result : result.count;
}

function averageOf(result: Aggregate | CellError): number | CellError {
	if (result instanceof CellError) return result;
	if (result.count === 0) {
		return new CellError(ErrorType.DIV_BY_ZERO, 'No cells match the criteria.');
	}
	return result.sum / result.count;
}

function sumOf(result: Aggregate | CellError): number | CellError {
	return result instanceof CellError ? result : result.sum;
}

/** HyperFormula plugin with InvestFlow's conditional aggregates (see the module comment). */
export class InvestFlowFunctionsPlugin extends FunctionPlugin {
	static implementedFunctions: ImplementedFunctions = {
		AVERAGEIFS: multiCriteria('averageifs', true),
		SUMIFS: multiCriteria('sumifs', true),
		COUNTIFS: multiCriteria('countifs', false),
		SUMIF: singleCriterion('sumif', true),
		AVERAGEIF: singleCriterion('averageif', true),
		COUNTIF: singleCriterion('countif', false),
		XNPV: {
			method: 'xnpv',
			parameters: [
				{ argumentType: FunctionArgumentType.NUMBER },
				{ argumentType: FunctionArgumentType.RANGE },
				{ argumentType: FunctionArgumentType.RANGE }
			]
		}
	};

	/**
	 * Evaluates a call's arguments as HyperFormula does, except that a single cell holding an
	 * error, given where a range is expected, stays a one-cell range. HyperFormula would pass
	 * the bare error and skip the function, so `COUNTIF(A1,"x")` of an error cell was that
	 * error; Excel counts 0, and checks the ranges' sizes first.
	 */
	protected override evaluateArguments(
		args: ReferenceNode[],
		state: EvaluationState,
		metadata: FunctionMetadata
	) {
		const evaluated = super.evaluateArguments(args as never[], state, metadata);
		const expected = this.buildMetadataForEachArgumentValue(args.length, metadata);
		return evaluated.map((entry, index) => {
			const [value, ...flags] = entry;
			const wantsRange = expected[index]?.argumentType === FunctionArgumentType.RANGE;
			if (!(value instanceof CellError) || !wantsRange || args[index].type !== 'CELL_REFERENCE') {
				return entry;
			}
			return [SimpleRangeValue.onlyValues([[value]]), ...flags] as typeof entry;
		});
	}

	/**
	 * XNPV(rate, values, dates): Σ value / (1 + rate)^((date − first date) / 365), Excel's
	 * rules: an error passed on, #VALUE! for text, #NUM! for unequal lengths, #VALUE! for another
	 * non-number, #NUM! for a date before the first.
	 */
	xnpv(ast: ProcedureCall, state: EvaluationState) {
		return this.runFunction(ast.args, state, this.metadata('XNPV'), netPresentValueByDate);
	}

	/** AVERAGEIFS(average_range, criteria_range1, criteria1, …): #DIV/0! when nothing matches. */
	averageifs(ast: ProcedureCall, state: EvaluationState) {
		return this.runFunction(ast.args, state, this.metadata('AVERAGEIFS'), (values, ...rest) =>
			averageOf(aggregateWhere(values, rest))
		);
	}

	/** SUMIFS(sum_range, criteria_range1, criteria1, …). */
	sumifs(ast: ProcedureCall, state: EvaluationState) {
		return this.runFunction(ast.args, state, this.metadata('SUMIFS'), (values, ...rest) =>
			sumOf(aggregateWhere(values, rest))
		);
	}

	/** COUNTIFS(criteria_range1, criteria1, …). */
	countifs(ast: ProcedureCall, state: EvaluationState) {
		return this.runFunction(ast.args, state, this.metadata('COUNTIFS'), (...conditions) =>
			countWhere(conditions)
		);
	}

	/** SUMIF(range, criterion, [sum_range]). */
	sumif(ast: ProcedureCall, state: EvaluationState) {
		return this.runFunction(ast.args, state, this.metadata('SUMIF'), (range, criterion, values) =>
			sumOf(aggregateWhere(values ?? range, [range, criterion]))
		);
	}

	/** AVERAGEIF(range, criterion, [average_range]): #DIV/0! when nothing matches. */
	averageif(ast: ProcedureCall, state: EvaluationState) {
		return this.runFunction(
			ast.args,
			state,
			this.metadata('AVERAGEIF'),
			(range, criterion, values) => averageOf(aggregateWhere(values ?? range, [range, criterion]))
		);
	}

	/** COUNTIF(range, criterion). */
	countif(ast: ProcedureCall, state: EvaluationState) {
		return this.runFunction(ast.args, state, this.metadata('COUNTIF'), (range, criterion) =>
			countWhere([range, criterion])
		);
	}
}

function netPresentValueByDate(
	rate: number,
	values: SimpleRangeValue,
	dates: SimpleRangeValue
): number | CellError {
	const amounts = values.valuesFromTopLeftCorner().map(toCriterionCell);
	const days = dates.valuesFromTopLeftCorner().map(toCriterionCell);
	const error = [...amounts, ...days].find((cell) => typeof cell === 'object' && cell !== null);
	if (error) return new CellError((error as { error: ErrorType }).error);
	// Text where a number or date belongs is #VALUE! (Microsoft: "not a valid date"), checked
	// before the lengths as Excel and LibreOffice do.
	if ([...amounts, ...days].some((cell) => typeof cell === 'string')) {
		return new CellError(ErrorType.VALUE, 'XNPV needs numbers and dates, not text.');
	}
	// Microsoft: values and dates of different lengths are #NUM!, even where a cell is empty.
	if (amounts.length !== days.length) {
		return new CellError(ErrorType.NUM, 'XNPV needs as many dates as values.');
	}
	if (![...amounts, ...days].every((cell) => typeof cell === 'number')) {
		return new CellError(ErrorType.VALUE, 'XNPV needs numbers and dates.');
	}
	if (rate <= -1) return new CellError(ErrorType.NUM);
	const first = Math.floor(days[0] as number);
	let total = 0;
	for (let i = 0; i < amounts.length; i++) {
		const day = Math.floor(days[i] as number);
		if (day < first) return new CellError(ErrorType.NUM, 'A date precedes the first date.');
		total += (amounts[i] as number) / Math.pow(1 + rate, (day - first) / 365);
	}
	return total;
}

function multiCriteria(method: string, leadingValues: boolean) {
	const pair = [
		{ argumentType: FunctionArgumentType.RANGE },
		{ argumentType: FunctionArgumentType.NOERROR }
	];
	const leading = leadingValues ? [{ argumentType: FunctionArgumentType.RANGE }] : [];
	return { method, parameters: [...leading, ...pair], repeatLastArgs: 2 };
}

function singleCriterion(method: string, withValues: boolean) {
	const parameters: FunctionArgument[] = [
		{ argumentType: FunctionArgumentType.RANGE },
		{ argumentType: FunctionArgumentType.NOERROR }
	];
	if (withValues) parameters.push({ argumentType: FunctionArgumentType.RANGE, optionalArg: true });
	return { method, parameters };
}

const FUNCTION_NAMES = Object.fromEntries(
	Object.keys(InvestFlowFunctionsPlugin.implementedFunctions).map((id) => [id, id])
);

/** Function-name translations for the plugin, for the languages InvestFlow uses. */
export const INVESTFLOW_FUNCTION_TRANSLATIONS = { enGB: FUNCTION_NAMES, enUS: FUNCTION_NAMES };
