/**
 * Helpers shared by the operations: running a change as one transaction, turning typed text
 * into a cell input, and resolving sheets and addresses with typed errors.
 */
import type { HyperFormula } from 'hyperformula';
import type * as Y from 'yjs';
import { parseRange, type RangeBounds } from '../addresses';
import { DEFAULT_ORIGIN, MAX_GRID_COLS, MAX_GRID_ROWS, type CellInput } from '../document';
import {
	axisOf,
	invalidateView,
	referenceContext,
	sheetById,
	type SheetEntry
} from '../document-view';
import { InvalidAddressError, InvalidFormulaError, UnknownSheetError } from '../errors';
import { createFormulaEngine } from '../formula-engine';
import { bindFormula, parseFormula, type ParsedFormula } from '../formula-refs';
import { toEngineFormulaText, type A1RefEnd } from '../formula-tokens';
import { parseInput } from '../values';

/** Origin of a transaction: anything Yjs accepts; providers and undo managers filter on it. */
export type Origin = unknown;

/**
 * Runs `change` as one Yjs transaction with `origin` (joining an enclosing transaction if there
 * is one) and drops cached views afterwards, so the caller reads fresh state.
 */
export function transact<T>(doc: Y.Doc, origin: Origin, change: () => T): T {
	let result!: T;
	doc.transact(() => {
		result = change();
		invalidateView(doc);
	}, origin ?? DEFAULT_ORIGIN);
	return result;
}

/**
 * Like {@link transact} for changes that write only cell contents, formats, styles or column
 * widths. Those leave the cached sheet, name and row/column views valid (growing the grid goes
 * through `ensureGridSize`, which drops them itself), so they are kept: rebuilding a 10,000-row
 * order after every keystroke was most of the cost of a one-cell edit.
 */
export function transactCells<T>(doc: Y.Doc, origin: Origin, change: () => T): T {
	let result!: T;
	doc.transact(() => {
		result = change();
	}, origin ?? DEFAULT_ORIGIN);
	return result;
}

/** The sheet with this id; throws {@link UnknownSheetError} when there is none. */
export function requireSheetById(doc: Y.Doc, sheetId: string): SheetEntry {
	const sheet = sheetById(doc, sheetId);
	if (!sheet) throw new UnknownSheetError(sheetId);
	return sheet;
}

/** Parses an A1 cell or range for writing; whole rows/columns are clamped to the grid. */
export function resolveRange(doc: Y.Doc, sheet: SheetEntry, range: string): RangeBounds {
	const bounds = parseRange(range);
	const rows = axisOf(doc, sheet, 'rows').ids.length;
	const cols = axisOf(doc, sheet, 'cols').ids.length;
	if (bounds.kind === 'columns') bounds.bottom = Math.max(0, rows - 1);
	if (bounds.kind === 'rows') bounds.right = Math.max(0, cols - 1);
	if (bounds.bottom >= MAX_GRID_ROWS || bounds.right >= MAX_GRID_COLS) {
		throw new InvalidAddressError(range, 'is beyond the largest sheet InvestFlow supports');
	}
	return bounds;
}

/** Typed text checked and ready to write: a value (with implied format), a formula, or nothing. */
export type PreparedInput =
	| { kind: 'empty' }
	| { kind: 'value'; value: number | boolean | string; format?: string }
	| { kind: 'formula'; parsed: ParsedFormula };

let validationEngine: HyperFormula | undefined;

/** Whether HyperFormula can parse this A1 formula text (sheet names need not exist). */
export function isParsableFormula(text: string): boolean {
	validationEngine ??= createFormulaEngine();
	return validationEngine.validateFormula(toEngineFormulaText(text));
}

/** Most formula shapes whose validity is remembered (a paste of a filled column has a few). */
const SHAPE_CACHE_LIMIT = 10_000;
const validShapes = new Map<string, boolean>();

/**
 * Whether a tokenized formula parses, remembered by its shape: the formula with each reference
 * replaced by a fixed one of the same kind (`A1`, `A1:A1`, `A:A`, `1:1`) and each defined name
 * by a fixed name. Syntax does not depend on which cell or name is meant, so `=A1*B1` and
 * `=A9*B9` share one check; HyperFormula's parser was most of the cost of a large paste.
 */
function isParsableShape(parsed: ParsedFormula): boolean {
	let shape = '=';
	for (const piece of parsed.pieces) {
		if (typeof piece === 'string') shape += piece;
		else if ('nameId' in piece) shape += 'Name_';
		else {
			const { start, end } = piece.ref;
			shape += end ? `${endShape(start)}:${endShape(end)}` : endShape(start);
		}
	}
	let valid = validShapes.get(shape);
	if (valid === undefined) {
		valid = isParsableFormula(shape);
		if (validShapes.size >= SHAPE_CACHE_LIMIT) validShapes.clear();
		validShapes.set(shape, valid);
	}
	return valid;
}

function endShape(end: A1RefEnd): string {
	return (end.col === undefined ? '' : 'A') + (end.row === undefined ? '' : '1');
}

/**
 * Reads typed text as a spreadsheet does (see `values.ts`); formulas are tokenized, their sheet
 * names resolved and their syntax checked. Throws typed errors; never changes the document.
 */
export function prepareInput(doc: Y.Doc, sheetId: string, text: string): PreparedInput {
	const parsed = parseInput(text);
	switch (parsed.kind) {
		case 'empty':
			return { kind: 'empty' };
		case 'formula': {
			const formula = parseFormula(parsed.text, sheetId, referenceContext(doc));
			if (!isParsableShape(formula)) {
				throw new InvalidFormulaError(parsed.text, 'it is not a complete expression');
			}
			return { kind: 'formula', parsed: formula };
		}
		case 'number':
			return { kind: 'value', value: parsed.value, format: parsed.format };
		default:
			return { kind: 'value', value: parsed.value };
	}
}

/** The stored form of prepared input (binding formulas may grow the grid: call in a transaction). */
export function toCellInput(doc: Y.Doc, prepared: PreparedInput): CellInput | undefined {
	if (prepared.kind === 'empty') return undefined;
	if (prepared.kind === 'value') return prepared.value;
	return { f: bindFormula(prepared.parsed, referenceContext(doc)) };
}
