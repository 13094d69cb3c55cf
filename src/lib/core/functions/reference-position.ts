/**
 * ROW and COLUMN of a multi-cell range return every row or column number, as an array, so the
 * discounting idiom of hand-made NPV schedules works:
 * `SUMPRODUCT(C2:C8/(1+r)^(ROW(C2:C8)-1))`. HyperFormula returned only the first number. A
 * whole-column `ROW(A:A)` (and a whole-row `COLUMN(1:1)`) still gives the first number: an array
 * of a million rows would help no one; a span longer than that returns its first number too.
 */
import {
	ArraySize,
	CellError,
	FunctionArgumentType,
	FunctionPlugin,
	SimpleRangeValue,
	type ImplementedFunctions
} from 'hyperformula';
import { englishNames, valueError } from './plugin-support';

/** The parts of HyperFormula's reference nodes this plugin reads (the types are not exported). */
interface Position {
	sheet: number;
	row: number;
	col: number;
}
interface AddressNode {
	toSimpleCellAddress?(base: Position): Position;
	toSimpleRowAddress?(base: Position): Position;
	toSimpleColumnAddress?(base: Position): Position;
}
interface ReferenceNode {
	type: string;
	expression?: ReferenceNode;
	reference?: AddressNode;
	start?: AddressNode;
	end?: AddressNode;
}
type PositionCall = { args: ReferenceNode[] };
type PositionState = { formulaAddress: Position };

type Axis = 'row' | 'col';

/**
 * The first row (or column) number, 1-based, and how many a ROW (COLUMN) argument spans: the
 * formula's own cell without an argument, `undefined` for something that is not a reference.
 */
export function spannedNumbers(
	args: ReferenceNode[],
	formulaAddress: Position,
	axis: Axis
): { first: number; count: number } | undefined {
	if (args.length === 0) return { first: formulaAddress[axis] + 1, count: 1 };
	let node = args[0];
	while (node.type === 'PARENTHESES' && node.expression) node = node.expression;
	const read = (end: AddressNode | undefined, kind: keyof AddressNode) =>
		end?.[kind]?.(formulaAddress)[axis];
	let start: number | undefined;
	let end: number | undefined;
	if (node.type === 'CELL_REFERENCE') {
		start = end = read(node.reference, 'toSimpleCellAddress');
	} else if (node.type === 'CELL_RANGE') {
		[start, end] = [read(node.start, 'toSimpleCellAddress'), read(node.end, 'toSimpleCellAddress')];
	} else if (node.type === (axis === 'row' ? 'ROW_RANGE' : 'COLUMN_RANGE')) {
		const kind = axis === 'row' ? 'toSimpleRowAddress' : 'toSimpleColumnAddress';
		[start, end] = [read(node.start, kind), read(node.end, kind)];
	} else if (node.type === 'ROW_RANGE' || node.type === 'COLUMN_RANGE') {
		// ROW(A:A) and COLUMN(1:1): the range starts in row (column) 1.
		return { first: 1, count: 1 };
	}
	if (start === undefined || end === undefined) return undefined;
	return { first: Math.min(start, end) + 1, count: Math.abs(end - start) + 1 };
}

const POSITION_METADATA = {
	parameters: [{ argumentType: FunctionArgumentType.NOERROR, optionalArg: true }],
	isDependentOnSheetStructureChange: true,
	doesNotNeedArgumentsToBeComputed: true,
	vectorizationForbidden: true
};

/** HyperFormula plugin replacing ROW and COLUMN. */
export class ReferencePositionPlugin extends FunctionPlugin {
	static implementedFunctions = {
		ROW: { ...POSITION_METADATA, method: 'row', sizeOfResultArrayMethod: 'rowSize' },
		COLUMN: { ...POSITION_METADATA, method: 'column', sizeOfResultArrayMethod: 'columnSize' }
	} as unknown as ImplementedFunctions;

	/** ROW([reference]): the formula's own row without one; a column of numbers for a range. */
	row(ast: PositionCall, state: PositionState) {
		return positions(ast, state, 'row') ?? this.notAReference(ast, state);
	}

	/** COLUMN([reference]): the formula's own column without one; a row of numbers for a range. */
	column(ast: PositionCall, state: PositionState) {
		return positions(ast, state, 'col') ?? this.notAReference(ast, state);
	}

	/** An argument that is no reference: its error (`ROW(#REF!)` of a deleted row), else #VALUE!. */
	private notAReference(ast: PositionCall, state: PositionState) {
		const value = this.evaluateAst(ast.args[0] as never, state as never);
		return value instanceof CellError
			? value
			: valueError('ROW and COLUMN need a cell or range reference.');
	}

	/** Result size of ROW: one column, as many rows as the reference spans. */
	rowSize(ast: PositionCall, state: PositionState) {
		const span = spannedNumbers(ast.args, state.formulaAddress, 'row');
		return new ArraySize(1, span && span.count <= MAX_ARRAY ? span.count : 1);
	}

	/** Result size of COLUMN: one row, as many columns as the reference spans. */
	columnSize(ast: PositionCall, state: PositionState) {
		const span = spannedNumbers(ast.args, state.formulaAddress, 'col');
		return new ArraySize(span && span.count <= MAX_ARRAY ? span.count : 1, 1);
	}
}

/** Longest span returned as an array; a whole column or row gives its first number instead. */
const MAX_ARRAY = 100_000;

/** ROW's or COLUMN's value, or undefined when the argument is not a reference. */
function positions(ast: PositionCall, state: PositionState, axis: Axis) {
	if (ast.args.length > 1)
		return valueError(`${axis === 'row' ? 'ROW' : 'COLUMN'} takes one reference.`);
	const span = spannedNumbers(ast.args, state.formulaAddress, axis);
	if (span === undefined) return undefined;
	if (span.count === 1 || span.count > MAX_ARRAY) return span.first;
	const numbers = Array.from({ length: span.count }, (_, i) => span.first + i);
	return SimpleRangeValue.onlyNumbers(axis === 'row' ? numbers.map((n) => [n]) : [numbers]);
}

/** Translations for {@link ReferencePositionPlugin}. */
export const REFERENCE_POSITION_FUNCTION_NAMES = englishNames(
	ReferencePositionPlugin.implementedFunctions
);
