/**
 * Row and column operations: insert, delete, move. Rows and columns are ids in a Y.Array (see
 * `document.ts`), so formulas bound to them follow moves without being rewritten.
 *
 * Deleting is the one structural change that rewrites formulas, locally and in the same
 * transaction: a range whose corner row/column is deleted gets that corner moved inward to the
 * nearest surviving row/column inside the range (Excel's shrink). A range that loses every row,
 * and a single-cell reference to a deleted cell, keep their ids and so render `#REF!`. A range
 * created concurrently with the delete (so not rewritten by it) also renders `#REF!`: every
 * replica agrees, which is what matters.
 */
import { isStoredFormula } from '../document-schema';
import type * as Y from 'yjs';
import { parseColumnSpec } from '../addresses';
import { forEachChartRange } from '../chart-ranges';
import {
	MAX_GRID_COLS,
	MAX_GRID_ROWS,
	isFormulaInput,
	namesMap,
	splitCellKey,
	type SheetHandle
} from '../document';
import { axisOf, ensureGridSize, listSheetEntries } from '../document-view';
import { InvalidAddressError, InvalidOperationError, LimitExceededError } from '../errors';
import type { StoredFormula, StoredRefEnd } from '../formula-refs';
import { createIds } from '../ids';
import { requireSheetById, transact, type Origin } from './shared';

/** Which axis a structural operation works on. */
export type Axis = 'rows' | 'cols';

function checkCount(count: number): void {
	if (!Number.isInteger(count) || count < 1) {
		throw new InvalidOperationError('count must be a whole number of at least 1');
	}
}

function axisLimit(axis: Axis): number {
	return axis === 'rows' ? MAX_GRID_ROWS : MAX_GRID_COLS;
}

/** Physical positions of each id in a Y.Array (an id may appear twice after concurrent moves). */
function physicalPositions(array: Y.Array<string>, ids: Set<string>): number[] {
	const positions: number[] = [];
	array.toArray().forEach((id, index) => {
		if (ids.has(id)) positions.push(index);
	});
	return positions;
}

function removePhysically(array: Y.Array<string>, ids: Set<string>): void {
	const positions = physicalPositions(array, ids);
	for (let i = positions.length - 1; i >= 0;) {
		let start = i;
		while (start > 0 && positions[start - 1] === positions[start] - 1) start--;
		array.delete(positions[start], i - start + 1);
		i = start - 1;
	}
}

function insertBefore(array: Y.Array<string>, beforeId: string | undefined, ids: string[]): void {
	if (beforeId === undefined) {
		array.push(ids);
		return;
	}
	const [position] = physicalPositions(array, new Set([beforeId]));
	array.insert(position, ids);
}

function arrayOf(sheet: SheetHandle, axis: Axis): Y.Array<string> {
	return axis === 'rows' ? sheet.rows : sheet.cols;
}

/** Inserts `count` empty rows or columns before zero-based index `at` (at = length appends). */
export function insertLines(
	doc: Y.Doc,
	sheetId: string,
	axis: Axis,
	at: number,
	count: number,
	origin?: Origin
): void {
	const sheet = requireSheetById(doc, sheetId);
	checkCount(count);
	const length = axisOf(doc, sheet, axis).ids.length;
	if (!Number.isInteger(at) || at < 0)
		throw new InvalidAddressError(String(at + 1), 'is not a position');
	if (Math.max(at, length) + count > axisLimit(axis)) {
		throw new LimitExceededError(
			`a sheet can have at most ${axisLimit(axis)} ${axis === 'rows' ? 'rows' : 'columns'}`
		);
	}
	transact(doc, origin, () => {
		if (at > length) {
			const other = axisOf(doc, sheet, axis === 'rows' ? 'cols' : 'rows').ids.length;
			if (axis === 'rows') ensureGridSize(doc, sheet, at, other);
			else ensureGridSize(doc, sheet, other, at);
		}
		const ids = axisOf(doc, sheet, axis).ids;
		insertBefore(arrayOf(sheet, axis), ids[at], createIds(doc, count));
	});
}

/** Deletes `count` rows or columns from zero-based index `at`, with their cells (see module). */
export function deleteLines(
	doc: Y.Doc,
	sheetId: string,
	axis: Axis,
	at: number,
	count: number,
	origin?: Origin
): void {
	const sheet = requireSheetById(doc, sheetId);
	checkCount(count);
	const order = axisOf(doc, sheet, axis).ids;
	if (!Number.isInteger(at) || at < 0 || at + count > order.length) {
		throw new InvalidAddressError(
			String(at + 1),
			`is outside the sheet's ${order.length} ${axis === 'rows' ? 'rows' : 'columns'}`
		);
	}
	const doomed = new Set(order.slice(at, at + count));
	transact(doc, origin, () => {
		shrinkRangesAround(doc, sheetId, axis, order, doomed);
		removePhysically(arrayOf(sheet, axis), doomed);
		const tombstones = axis === 'rows' ? sheet.deletedRows : sheet.deletedCols;
		for (const id of doomed) tombstones.set(id, 1);
		for (const map of [sheet.cells, sheet.formats, sheet.styles] as Y.Map<unknown>[]) {
			for (const key of [...map.keys()]) {
				const { rowId, colId } = splitCellKey(key);
				if (doomed.has(axis === 'rows' ? rowId : colId)) map.delete(key);
			}
		}
		if (axis === 'cols') for (const id of doomed) sheet.colWidths.delete(id);
	});
}

/**
 * Moves `count` rows or columns starting at zero-based `from` so that the first of them ends up
 * at zero-based index `to` of the resulting order. Formulas follow the moved cells.
 */
export function moveLines(
	doc: Y.Doc,
	sheetId: string,
	axis: Axis,
	from: number,
	count: number,
	to: number,
	origin?: Origin
): void {
	const sheet = requireSheetById(doc, sheetId);
	checkCount(count);
	const order = axisOf(doc, sheet, axis).ids;
	if (!Number.isInteger(from) || from < 0 || from + count > order.length) {
		throw new InvalidAddressError(String(from + 1), 'is outside the sheet');
	}
	if (!Number.isInteger(to) || to < 0 || to + count > order.length) {
		throw new InvalidAddressError(String(to + 1), 'is not a place the lines fit');
	}
	if (from === to) return;
	const moving = order.slice(from, from + count);
	const remaining = [...order.slice(0, from), ...order.slice(from + count)];
	transact(doc, origin, () => {
		const array = arrayOf(sheet, axis);
		removePhysically(array, new Set(moving));
		insertBefore(array, remaining[to], moving);
	});
}

/** Every formula of the workbook (cells, names, chart ranges) with a way to write it back. */
function forEachFormula(
	doc: Y.Doc,
	visit: (hostSheetId: string, formula: StoredFormula, write: (next: StoredFormula) => void) => void
): void {
	for (const sheet of listSheetEntries(doc)) {
		sheet.cells.forEach((input, key) => {
			// A malformed stored formula is left as it is (it reads as an error).
			if (isFormulaInput(input) && isStoredFormula(input.f)) {
				visit(sheet.id, input.f, (f) => sheet.cells.set(key, { f }));
			}
		});
	}
	const names = namesMap(doc);
	names.forEach((entry, id) => {
		if (!isStoredFormula(entry?.expr)) return;
		visit('', entry.expr, (expr) => names.set(id, { ...entry, expr }));
	});
	forEachChartRange(doc, visit);
}

function shrinkRangesAround(
	doc: Y.Doc,
	sheetId: string,
	axis: Axis,
	order: string[],
	doomed: Set<string>
): void {
	const key = axis === 'rows' ? 'r' : 'c';
	const index = new Map(order.map((id, i) => [id, i]));
	forEachFormula(doc, (host, formula, write) => {
		let changed = false;
		const refs = formula.refs.map((ref) => {
			if ('n' in ref || !ref.b || (ref.s ?? host) !== sheetId) return ref;
			const a = ref.a[key];
			const b = ref.b[key];
			if (a === undefined || b === undefined || (!doomed.has(a) && !doomed.has(b))) return ref;
			const ia = index.get(a);
			const ib = index.get(b);
			if (ia === undefined || ib === undefined) return ref;
			const [lo, hi] = ia <= ib ? [ia, ib] : [ib, ia];
			let newLo = lo;
			while (newLo <= hi && doomed.has(order[newLo])) newLo++;
			let newHi = hi;
			while (newHi >= lo && doomed.has(order[newHi])) newHi--;
			if (newLo > newHi) return ref;
			const move = (end: StoredRefEnd, i: number): StoredRefEnd =>
				i === lo ? { ...end, [key]: order[newLo] } : { ...end, [key]: order[newHi] };
			changed = true;
			return { ...ref, a: move(ref.a, ia), b: move(ref.b, ib === ia ? -1 : ib) };
		});
		if (changed) write({ parts: formula.parts, refs });
	});
}

/** Parses a 1-based row number for the facade's structural ops. */
export function rowIndexFromSpec(at: number): number {
	if (!Number.isInteger(at) || at < 1)
		throw new InvalidAddressError(String(at), 'is not a row number');
	return at - 1;
}

/** Parses a column as letters or a 1-based number for the facade's structural ops. */
export function colIndexFromSpec(at: string | number): number {
	return parseColumnSpec(at);
}
