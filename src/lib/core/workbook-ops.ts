/**
 * Structural operations as JSON-friendly objects (what the API and CLI send), with a validator
 * for objects arriving from the network. Rows are 1-based numbers, columns letters or 1-based
 * numbers, sheets by name — as people write them. `workbook-api.ts` applies them atomically.
 */
import { InvalidOperationError } from './errors';

/** Column given as letters (`C`) or a 1-based number (3). */
export type ColumnSpec = string | number;

/** One structural operation; `count` defaults to 1 and `to` is where the first moved line lands. */
export type StructuralOp =
	| { op: 'insertRows'; sheet: string; at: number; count?: number }
	| { op: 'deleteRows'; sheet: string; at: number; count?: number }
	| { op: 'moveRows'; sheet: string; from: number; to: number; count?: number }
	| { op: 'insertColumns'; sheet: string; at: ColumnSpec; count?: number }
	| { op: 'deleteColumns'; sheet: string; at: ColumnSpec; count?: number }
	| { op: 'moveColumns'; sheet: string; from: ColumnSpec; to: ColumnSpec; count?: number }
	| { op: 'addSheet'; name: string; rows?: number; cols?: number; index?: number }
	| { op: 'renameSheet'; sheet: string; name: string }
	| { op: 'deleteSheet'; sheet: string }
	| { op: 'reorderSheet'; sheet: string; index: number }
	| { op: 'defineName'; name: string; ref: string }
	| { op: 'redefineName'; name: string; ref: string }
	| { op: 'renameName'; name: string; newName: string }
	| { op: 'removeName'; name: string }
	| { op: 'setNumberFormat'; sheet: string; range: string; format: string | null }
	| { op: 'setColumnWidth'; sheet: string; column: ColumnSpec; width: number }
	| { op: 'clearRange'; sheet: string; range: string }
	| { op: 'fillDown'; sheet: string; range: string }
	| { op: 'fillRight'; sheet: string; range: string };

type FieldType = 'string' | 'int' | 'number' | 'column' | 'format';
type FieldSpec = { type: FieldType; optional?: boolean };

const req = (type: FieldType): FieldSpec => ({ type });
const opt = (type: FieldType): FieldSpec => ({ type, optional: true });

const SCHEMAS: Record<StructuralOp['op'], Record<string, FieldSpec>> = {
	insertRows: { sheet: req('string'), at: req('int'), count: opt('int') },
	deleteRows: { sheet: req('string'), at: req('int'), count: opt('int') },
	moveRows: { sheet: req('string'), from: req('int'), to: req('int'), count: opt('int') },
	insertColumns: { sheet: req('string'), at: req('column'), count: opt('int') },
	deleteColumns: { sheet: req('string'), at: req('column'), count: opt('int') },
	moveColumns: { sheet: req('string'), from: req('column'), to: req('column'), count: opt('int') },
	addSheet: { name: req('string'), rows: opt('int'), cols: opt('int'), index: opt('int') },
	renameSheet: { sheet: req('string'), name: req('string') },
	deleteSheet: { sheet: req('string') },
	reorderSheet: { sheet: req('string'), index: req('int') },
	defineName: { name: req('string'), ref: req('string') },
	redefineName: { name: req('string'), ref: req('string') },
	renameName: { name: req('string'), newName: req('string') },
	removeName: { name: req('string') },
	setNumberFormat: { sheet: req('string'), range: req('string'), format: req('format') },
	setColumnWidth: { sheet: req('string'), column: req('column'), width: req('number') },
	clearRange: { sheet: req('string'), range: req('string') },
	fillDown: { sheet: req('string'), range: req('string') },
	fillRight: { sheet: req('string'), range: req('string') }
};

/** Most operations one request may carry. */
export const MAX_OPS_PER_REQUEST = 1000;

function matches(value: unknown, type: FieldType): boolean {
	switch (type) {
		case 'string':
			return typeof value === 'string' && value.length <= 10_000;
		case 'int':
			return Number.isSafeInteger(value);
		case 'number':
			return typeof value === 'number' && Number.isFinite(value);
		case 'column':
			return (typeof value === 'string' && value.length <= 10) || Number.isSafeInteger(value);
		case 'format':
			return value === null || (typeof value === 'string' && value.length <= 255);
	}
}

/**
 * Checks that `input` is an array of well-formed {@link StructuralOp} objects (known `op`, every
 * required field present with the right type, no unknown fields) and returns it typed. Throws
 * {@link InvalidOperationError} naming the first problem. Does not look at any document.
 */
export function parseStructuralOps(input: unknown): StructuralOp[] {
	if (!Array.isArray(input)) throw new InvalidOperationError('expected an array of operations');
	if (input.length > MAX_OPS_PER_REQUEST) {
		throw new InvalidOperationError(`at most ${MAX_OPS_PER_REQUEST} operations per request`);
	}
	return input.map((candidate, index) => {
		const where = `operation ${index + 1}`;
		if (typeof candidate !== 'object' || candidate === null || Array.isArray(candidate)) {
			throw new InvalidOperationError(`${where} is not an object`);
		}
		const record = candidate as Record<string, unknown>;
		const schema = SCHEMAS[record.op as StructuralOp['op']];
		if (typeof record.op !== 'string' || !Object.hasOwn(SCHEMAS, record.op)) {
			throw new InvalidOperationError(`${where} has unknown op ${JSON.stringify(record.op)}`);
		}
		for (const key of Object.keys(record)) {
			if (key !== 'op' && !Object.hasOwn(schema, key)) {
				throw new InvalidOperationError(`${where} (${record.op}) has unknown field "${key}"`);
			}
		}
		for (const [key, spec] of Object.entries(schema)) {
			const value = record[key];
			if (value === undefined) {
				if (spec.optional) continue;
				throw new InvalidOperationError(`${where} (${record.op}) needs "${key}"`);
			}
			if (!matches(value, spec.type)) {
				throw new InvalidOperationError(
					`${where} (${record.op}): "${key}" must be ${describe(spec.type)}`
				);
			}
		}
		return record as StructuralOp;
	});
}

function describe(type: FieldType): string {
	return {
		string: 'a string',
		int: 'a whole number',
		number: 'a number',
		column: 'column letters or a column number',
		format: 'a format string or null'
	}[type];
}
