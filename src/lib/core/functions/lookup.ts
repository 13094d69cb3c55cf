/**
 * MATCH, VLOOKUP, HLOOKUP and INDEX with Excel's rules where HyperFormula departs from them:
 * exact matches honour wildcards (MATCH ignored them; VLOOKUP and HLOOKUP returned the last
 * match rather than the first), array constants are tables like any range
 * (`VLOOKUP(2,{1,"one";2,"two"},2,FALSE)`), INDEX of a single row takes its one index as the
 * column, and an index past the table's edge is #REF!.
 */
import {
	CellError,
	ErrorType,
	FunctionArgumentType,
	FunctionPlugin,
	SimpleRangeValue,
	type ImplementedFunctions
} from 'hyperformula';
import {
	NOT_FOUND,
	findExact,
	findSorted,
	type LookupCell,
	type LookupKey,
	type LookupVector
} from './lookup-search';
import {
	englishNames,
	plainValue,
	valueError,
	type EvaluationState,
	type ProcedureCall
} from './plugin-support';

type CellValue = ReturnType<typeof plainValue>;

function refError(message: string): CellError {
	return new CellError(ErrorType.REF, message);
}

function notFound(): CellError {
	return new CellError(ErrorType.NA, 'Value not found.');
}

function toLookupCell(value: CellValue): LookupCell {
	return value instanceof CellError ? { error: value.type } : value;
}

function toLookupKey(value: unknown): LookupKey | CellError {
	const key = plainValue(value);
	if (key instanceof CellError) return key;
	return key ?? 0;
}

/** An empty cell returned by a lookup reads as 0, as a reference to it would. */
function lookupResult(value: CellValue): number | string | boolean | CellError {
	return value ?? 0;
}

/** HyperFormula plugin replacing MATCH, VLOOKUP, HLOOKUP and INDEX (see the module comment). */
export class LookupFunctionsPlugin extends FunctionPlugin {
	static implementedFunctions: ImplementedFunctions = {
		MATCH: {
			method: 'match',
			parameters: [
				{ argumentType: FunctionArgumentType.NOERROR },
				{ argumentType: FunctionArgumentType.RANGE },
				{ argumentType: FunctionArgumentType.NUMBER, defaultValue: 1 }
			]
		},
		VLOOKUP: { method: 'vlookup', parameters: tableLookupParameters() },
		HLOOKUP: { method: 'hlookup', parameters: tableLookupParameters() },
		INDEX: {
			method: 'index',
			parameters: [
				{ argumentType: FunctionArgumentType.RANGE },
				{ argumentType: FunctionArgumentType.NUMBER },
				{ argumentType: FunctionArgumentType.NUMBER, optionalArg: true }
			]
		}
	};

	/** MATCH(lookup_value, lookup_array, [match_type]): 1-based position, or #N/A. */
	match(ast: ProcedureCall, state: EvaluationState) {
		return this.runFunction(
			ast.args,
			state,
			this.metadata('MATCH'),
			(rawKey: unknown, table: SimpleRangeValue, type: number) => {
				const key = toLookupKey(rawKey);
				if (key instanceof CellError) return key;
				if (table.width() > 1 && table.height() > 1) return notFound();
				const cells = table.width() === 1 ? this.columnOf(table, 0) : this.rowOf(table, 0);
				const index =
					type === 0
						? findExact(key, cells)
						: findSorted(key, cells, type > 0 ? 'ascending' : 'descending');
				return index === NOT_FOUND ? notFound() : index + 1;
			}
		);
	}

	/** VLOOKUP(lookup_value, table_array, col_index_num, [range_lookup]). */
	vlookup(ast: ProcedureCall, state: EvaluationState) {
		return this.runFunction(
			ast.args,
			state,
			this.metadata('VLOOKUP'),
			(rawKey: unknown, table: SimpleRangeValue, column: number, sorted: boolean) => {
				const offset = Math.trunc(column) - 1;
				if (offset < 0) return valueError('The column index must be 1 or more.');
				if (offset >= table.width()) return refError('The column index is past the table.');
				const row = this.search(rawKey, this.columnOf(table, 0), sorted);
				return typeof row === 'number' ? lookupResult(this.cellOf(table, row, offset)) : row;
			}
		);
	}

	/** HLOOKUP(lookup_value, table_array, row_index_num, [range_lookup]). */
	hlookup(ast: ProcedureCall, state: EvaluationState) {
		return this.runFunction(
			ast.args,
			state,
			this.metadata('HLOOKUP'),
			(rawKey: unknown, table: SimpleRangeValue, row: number, sorted: boolean) => {
				const offset = Math.trunc(row) - 1;
				if (offset < 0) return valueError('The row index must be 1 or more.');
				if (offset >= table.height()) return refError('The row index is past the table.');
				const column = this.search(rawKey, this.rowOf(table, 0), sorted);
				return typeof column === 'number'
					? lookupResult(this.cellOf(table, offset, column))
					: column;
			}
		);
	}

	/**
	 * INDEX(array, row_num, [column_num]): with one index into a single-row array it is the
	 * column. Indices are truncated; negative is #VALUE!, past the edge #REF!; 0 (a whole row
	 * or column) is accepted only where the array has one row or column.
	 */
	index(ast: ProcedureCall, state: EvaluationState) {
		return this.runFunction(
			ast.args,
			state,
			this.metadata('INDEX'),
			(table: SimpleRangeValue, rowNumber: number, columnNumber: number | undefined) => {
				let [row, column] = [Math.trunc(rowNumber), Math.trunc(columnNumber ?? 1)];
				if (columnNumber === undefined && table.height() === 1) [row, column] = [1, row];
				if (row < 0 || column < 0) return valueError('INDEX needs indices of 0 or more.');
				if (row === 0 && table.height() === 1) row = 1;
				if (column === 0 && table.width() === 1) column = 1;
				if (row === 0 || column === 0) {
					return valueError('INDEX of a whole row or column is not supported here.');
				}
				if (row > table.height() || column > table.width()) {
					return refError('The index is past the edge of the array.');
				}
				return lookupResult(this.cellOf(table, row - 1, column - 1));
			}
		);
	}

	private search(rawKey: unknown, cells: LookupVector, sorted: boolean): number | CellError {
		const key = toLookupKey(rawKey);
		if (key instanceof CellError) return key;
		const index = sorted ? findSorted(key, cells, 'ascending') : findExact(key, cells);
		return index === NOT_FOUND ? notFound() : index;
	}

	/**
	 * One cell of a range or array. A range is read straight from the engine's cells, so a
	 * lookup in a tall table does not copy the whole table first.
	 */
	private cellOf(table: SimpleRangeValue, row: number, column: number): CellValue {
		const range = table.range;
		if (range === undefined) return plainValue(table.data[row][column]);
		const value = this.dependencyGraph.getCellValue({
			sheet: range.start.sheet,
			row: range.start.row + row,
			col: range.start.col + column
		});
		return value instanceof SimpleRangeValue
			? valueError('A lookup cannot return an array.')
			: plainValue(value);
	}

	private columnOf(table: SimpleRangeValue, column: number): LookupVector {
		return {
			length: table.height(),
			at: (row) => toLookupCell(this.cellOf(table, row, column))
		};
	}

	private rowOf(table: SimpleRangeValue, row: number): LookupVector {
		return {
			length: table.width(),
			at: (column) => toLookupCell(this.cellOf(table, row, column))
		};
	}
}

function tableLookupParameters() {
	return [
		{ argumentType: FunctionArgumentType.NOERROR },
		{ argumentType: FunctionArgumentType.RANGE },
		{ argumentType: FunctionArgumentType.NUMBER },
		{ argumentType: FunctionArgumentType.BOOLEAN, defaultValue: true }
	];
}

/** Translations for {@link LookupFunctionsPlugin}. */
export const LOOKUP_FUNCTION_NAMES = englishNames(LookupFunctionsPlugin.implementedFunctions);
