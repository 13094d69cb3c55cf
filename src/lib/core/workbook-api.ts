/**
 * The facade the server and the API use: plain functions over a Y.Doc that speak sheet names
 * and A1 addresses, validate everything before changing anything, and apply each request as
 * one transaction with the caller's origin.
 */
import * as Y from 'yjs';
import { formatCellAddress, splitSheetQualifier, tryParseCellAddress } from './addresses';
import { isFormulaInput, metaMap, ensureMeta, cellKey, type CellInput } from './document';
import {
	axisOf,
	listNameEntries,
	listSheetEntries,
	nameByText,
	referenceContext,
	requireSheet,
	sheetById,
	type SheetEntry
} from './document-view';
import { InvalidAddressError } from './errors';
import { createEvaluator, type CellResult, type WorkbookEvaluator } from './evaluator';
import { renderFormula } from './formula-refs';
import { checkOperationSize, checkReadSize, countCells } from './limits';
import { formatValue, type CurrencyCode } from './number-format';
import {
	clearRange,
	fillDown,
	fillRight,
	setCellInputs,
	setColumnWidth,
	setNumberFormat
} from './operations/cells';
import { defineName, redefineName, removeName, renameName } from './operations/names';
import { addSheet, deleteSheet, moveSheet, renameSheet } from './operations/sheets';
import {
	colIndexFromSpec,
	deleteLines,
	insertLines,
	moveLines,
	rowIndexFromSpec
} from './operations/structure';
import { prepareInput, resolveRange, transact, type Origin } from './operations/shared';
import { parseStructuralOps, type StructuralOp } from './workbook-ops';
import { parseInput } from './values';

export { parseStructuralOps, type StructuralOp } from './workbook-ops';

/** A sheet as listed by the API. */
export interface SheetSummary {
	id: string;
	name: string;
	index: number;
	rowCount: number;
	colCount: number;
}

/** One cell as read by the API. */
export interface CellReading {
	ref: string;
	input: string;
	value: CellResult['value'];
	display: string;
	error?: { code: string; message: string };
}

/** A defined name as listed by the API. */
export interface NameReading {
	name: string;
	ref: string;
	value: CellResult['value'];
	error?: { code: string; message: string };
}

/** Gives an empty document its schema meta and one sheet, `Sheet1`; does nothing otherwise. */
export function seedBlankWorkbook(doc: Y.Doc, origin?: Origin): void {
	transact(doc, origin, () => {
		ensureMeta(doc);
		if (listSheetEntries(doc).length === 0) addSheet(doc, 'Sheet1');
	});
}

/** Sheets in order with their logical size. */
export function listSheets(doc: Y.Doc): SheetSummary[] {
	return listSheetEntries(doc).map((sheet, index) => ({
		id: sheet.id,
		name: sheet.name,
		index,
		rowCount: axisOf(doc, sheet, 'rows').ids.length,
		colCount: axisOf(doc, sheet, 'cols').ids.length
	}));
}

/**
 * Where a `ref` points: an A1 address (on `sheetName`, the first sheet if undefined, or
 * sheet-qualified like `Inputs!B2`) or a defined name referring to one cell. Throws typed errors
 * (unknown sheet, a name that is not one cell, a deleted cell).
 */
export function resolveCellRef(
	doc: Y.Doc,
	sheetName: string | undefined,
	ref: string
): { sheet: SheetEntry; address: string } {
	const { sheet: qualifier, local } = splitSheetQualifier(ref);
	if (tryParseCellAddress(local)) {
		const name = qualifier ?? sheetName;
		const sheet = name === undefined ? listSheetEntries(doc)[0] : requireSheet(doc, name);
		return { sheet, address: local.replace(/\$/g, '').toUpperCase() };
	}
	const entry = qualifier === undefined ? nameByText(doc, local) : undefined;
	const target =
		entry?.expr.refs.length === 1 && entry.expr.parts.every((part) => part.trim() === '')
			? entry.expr.refs[0]
			: undefined;
	if (!target || 'n' in target || target.b || !target.a.r || !target.a.c) {
		throw new InvalidAddressError(
			ref,
			entry
				? 'is a name that does not refer to one cell'
				: 'is not a cell address or a defined name'
		);
	}
	const sheet = sheetById(doc, target.s ?? '');
	const context = referenceContext(doc);
	const row = sheet ? context.rowIndex(sheet.id, target.a.r) : -1;
	const col = sheet ? context.colIndex(sheet.id, target.a.c) : -1;
	if (!sheet || row < 0 || col < 0) throw new InvalidAddressError(ref, 'refers to a deleted cell');
	return { sheet, address: formatCellAddress({ row, col }) };
}

/**
 * Writes typed inputs. `ref` is an A1 address (on `sheet`, the first sheet if omitted, or
 * sheet-qualified like `Inputs!B2`) or a defined name referring to one cell. All-or-nothing:
 * every ref and input is checked before anything is written, then all in one transaction.
 */
export function applyCellUpdates(
	doc: Y.Doc,
	request: { sheet?: string; updates: { ref: string; input: string }[] },
	origin?: Origin
): void {
	const bySheet = new Map<string, { address: string; text: string }[]>();
	for (const { ref, input } of request.updates) {
		const { sheet, address } = resolveCellRef(doc, request.sheet, ref);
		resolveRange(doc, sheet, address);
		prepareInput(doc, sheet.id, input);
		const list = bySheet.get(sheet.id) ?? [];
		list.push({ address, text: input });
		bySheet.set(sheet.id, list);
	}
	transact(doc, origin, () => {
		for (const [sheetId, updates] of bySheet) setCellInputs(doc, sheetId, updates);
	});
}

/** The text a person would see in the formula bar for a stored cell. */
function inputText(doc: Y.Doc, sheet: SheetEntry, key: string): string {
	return storedInputText(doc, sheet, key, sheet.cells.get(key) as CellInput | null | undefined);
}

/**
 * The text a person would see in the formula bar for `input` stored at `key` of `sheet` (the
 * cell's own number format decides how a number is spelled; a formula is rendered against the
 * document as it is now). Empty for no input. History shows before and after values with it.
 */
export function storedInputText(
	doc: Y.Doc,
	sheet: SheetEntry,
	key: string,
	input: CellInput | null | undefined
): string {
	if (input === undefined || input === null) return '';
	if (isFormulaInput(input)) return renderFormula(input.f, sheet.id, referenceContext(doc));
	if (typeof input === 'boolean') return input ? 'TRUE' : 'FALSE';
	if (typeof input === 'number') {
		const format = sheet.formats.get(key);
		const shown = format ? formatValue(input, format) : '';
		const reread = shown ? parseInput(shown) : undefined;
		return reread?.kind === 'number' && reread.value === input ? shown : String(input);
	}
	const reread = parseInput(input);
	return reread.kind === 'text' && reread.value === input ? input : `'${input}`;
}

/**
 * Reads a range (`A1:D20`, `B:B` clamped to the sheet's rows, or one cell) as rows of cells:
 * what was typed, the computed value and the formatted display. Builds (and destroys) a fresh
 * evaluator when none is given. Refuses ranges over `MAX_READ_CELLS` (LimitExceededError)
 * before evaluating anything; {@link checkCellRead} makes the same checks alone.
 */
export function readCells(
	doc: Y.Doc,
	sheetName: string,
	rangeA1: string,
	evaluator?: WorkbookEvaluator
): CellReading[][] {
	const sheet = requireSheet(doc, sheetName);
	const bounds = resolveRange(doc, sheet, rangeA1);
	checkReadSize(bounds);
	const ownEvaluator = evaluator ?? createEvaluator(doc);
	const currency = (metaMap(doc).get('currency') as CurrencyCode | undefined) ?? 'USD';
	const rows = axisOf(doc, sheet, 'rows').ids;
	const cols = axisOf(doc, sheet, 'cols').ids;
	try {
		const result: CellReading[][] = [];
		for (let r = bounds.top; r <= bounds.bottom; r++) {
			const line: CellReading[] = [];
			for (let c = bounds.left; c <= bounds.right; c++) {
				const ref = formatCellAddress({ row: r, col: c });
				const key = rows[r] && cols[c] ? cellKey(rows[r], cols[c]) : '';
				const computed = key ? ownEvaluator.getValue(sheet.id, rows[r], cols[c]) : { value: null };
				const format = key ? sheet.formats.get(key) : undefined;
				const display = formatValue(
					computed.error ? { error: computed.error.code } : computed.value,
					format,
					{ currency }
				);
				const reading: CellReading = {
					ref,
					input: key ? inputText(doc, sheet, key) : '',
					value: computed.value,
					display
				};
				if (computed.error) reading.error = computed.error;
				line.push(reading);
			}
			result.push(line);
		}
		return result;
	} finally {
		if (!evaluator) ownEvaluator.destroy();
	}
}

/**
 * The checks {@link readCells} makes before evaluating: the sheet exists and `rangeA1` is a
 * range of at most `MAX_READ_CELLS` cells. Returns the sheet's name. Cheap: no evaluator.
 */
export function checkCellRead(doc: Y.Doc, sheetName: string, rangeA1: string): string {
	const sheet = requireSheet(doc, sheetName);
	checkReadSize(resolveRange(doc, sheet, rangeA1));
	return sheet.name;
}

/** Defined names with what they refer to (`Inputs!$B$2`) and their current value. */
export function listNames(doc: Y.Doc, evaluator?: WorkbookEvaluator): NameReading[] {
	const ownEvaluator = evaluator ?? createEvaluator(doc);
	try {
		return listNameEntries(doc).map((entry) => {
			const ref = renderFormula(entry.expr, '', referenceContext(doc), {
				forceAbsolute: true
			}).slice(1);
			const value = ownEvaluator.getNameValue(entry.name) ?? { value: null };
			const reading: NameReading = { name: entry.name, ref, value: value.value };
			if (value.error) reading.error = value.error;
			return reading;
		});
	} finally {
		if (!evaluator) ownEvaluator.destroy();
	}
}

function applyOne(doc: Y.Doc, op: StructuralOp): void {
	const sheetId = (name: string) => requireSheet(doc, name).id;
	switch (op.op) {
		case 'insertRows':
			return insertLines(doc, sheetId(op.sheet), 'rows', rowIndexFromSpec(op.at), op.count ?? 1);
		case 'deleteRows':
			return deleteLines(doc, sheetId(op.sheet), 'rows', rowIndexFromSpec(op.at), op.count ?? 1);
		case 'moveRows':
			return moveLines(
				doc,
				sheetId(op.sheet),
				'rows',
				rowIndexFromSpec(op.from),
				op.count ?? 1,
				rowIndexFromSpec(op.to)
			);
		case 'insertColumns':
			return insertLines(doc, sheetId(op.sheet), 'cols', colIndexFromSpec(op.at), op.count ?? 1);
		case 'deleteColumns':
			return deleteLines(doc, sheetId(op.sheet), 'cols', colIndexFromSpec(op.at), op.count ?? 1);
		case 'moveColumns':
			return moveLines(
				doc,
				sheetId(op.sheet),
				'cols',
				colIndexFromSpec(op.from),
				op.count ?? 1,
				colIndexFromSpec(op.to)
			);
		case 'addSheet':
			addSheet(doc, op.name, { rows: op.rows, cols: op.cols, index: op.index });
			return;
		case 'renameSheet':
			return renameSheet(doc, sheetId(op.sheet), op.name);
		case 'deleteSheet':
			return deleteSheet(doc, sheetId(op.sheet));
		case 'reorderSheet':
			return moveSheet(doc, sheetId(op.sheet), op.index);
		case 'defineName':
			defineName(doc, op.name, op.ref);
			return;
		case 'redefineName':
			return redefineName(doc, op.name, op.ref);
		case 'renameName':
			return renameName(doc, op.name, op.newName);
		case 'removeName':
			return removeName(doc, op.name);
		case 'setNumberFormat':
			return setNumberFormat(doc, sheetId(op.sheet), op.range, op.format);
		case 'setColumnWidth':
			return setColumnWidth(doc, sheetId(op.sheet), op.column, op.width);
		case 'clearRange':
			return clearRange(doc, sheetId(op.sheet), op.range);
		case 'fillDown':
			return fillDown(doc, sheetId(op.sheet), op.range);
		case 'fillRight':
			return fillRight(doc, sheetId(op.sheet), op.range);
	}
}

/** Cells a range operation (format, clear, fill) touches in `doc` as it is now; 0 for others. */
function rangeOpCells(doc: Y.Doc, op: StructuralOp): number {
	if (!('range' in op)) return 0;
	const sheet = requireSheet(doc, op.sheet);
	return countCells(resolveRange(doc, sheet, op.range));
}

/**
 * Applies structural operations (validated with {@link parseStructuralOps} first) atomically:
 * several operations are rehearsed on a scratch copy of the document, so if any fails the
 * document is untouched; then all are applied to `doc` in one transaction with `origin`. Range
 * operations may touch at most `MAX_OP_CELLS` cells each and together (LimitExceededError).
 */
export function applyStructuralOps(doc: Y.Doc, ops: unknown, origin?: Origin): void {
	const checked = parseStructuralOps(ops);
	if (checked.length > 1) {
		const scratch = new Y.Doc();
		Y.applyUpdate(scratch, Y.encodeStateAsUpdate(doc));
		try {
			let cells = 0;
			for (const op of checked) {
				cells += rangeOpCells(scratch, op);
				checkOperationSize(cells);
				applyOne(scratch, op);
			}
		} finally {
			scratch.destroy();
		}
	}
	transact(doc, origin, () => {
		for (const op of checked) applyOne(doc, op);
	});
}
