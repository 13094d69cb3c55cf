/**
 * Cell operations: typing, clearing, pasting, filling, formats, styles and column widths. Each
 * validates everything first (typed errors, document untouched) and then writes in one
 * transaction with the caller's origin.
 */
import type * as Y from 'yjs';
import { formatCellAddress, parseCellAddress, parseColumnSpec } from '../addresses';
import {
	cellKey,
	isFormulaInput,
	MAX_GRID_COLS,
	MAX_GRID_ROWS,
	type CellInput,
	type CellStyle
} from '../document';
import { MAX_CELL_TEXT_LENGTH } from '../document-schema';
import { shouldReplaceFormat } from '../auto-format';
import { axisOf, ensureGridSize, referenceContext, type SheetEntry } from '../document-view';
import { InvalidFormatError, InvalidOperationError, LimitExceededError } from '../errors';
import { parseFormula, renderFormula, shiftParsedFormula } from '../formula-refs';
import { checkOperationSize, countCells } from '../limits';
import { isValidFormat } from '../number-format';
import {
	prepareInput,
	requireSheetById,
	resolveRange,
	toCellInput,
	transactCells,
	type Origin,
	type PreparedInput
} from './shared';

/** Most cells one paste may write. */
export const MAX_PASTE_CELLS = 1_000_000;

/** A reference shifted past these is off the grid (`#REF!`) rather than a sheet to grow. */
const GRID_LIMITS = { rows: MAX_GRID_ROWS, cols: MAX_GRID_COLS };

/**
 * Reads what a person typed into a cell, refusing text longer than a cell may hold (Excel's
 * limit, which the document schema also enforces on every other path).
 *
 * @throws LimitExceededError naming the cell and the limit.
 */
function prepareCellText(
	doc: Y.Doc,
	sheetId: string,
	text: string,
	address: () => string
): PreparedInput {
	if (text.length > MAX_CELL_TEXT_LENGTH) {
		throw new LimitExceededError(
			`a cell holds at most ${MAX_CELL_TEXT_LENGTH} characters; ${address()} has ${text.length}`
		);
	}
	return prepareInput(doc, sheetId, text);
}

/** One typed input for a cell given by zero-based position. */
interface PlannedWrite {
	row: number;
	col: number;
	input: PreparedInput;
}

function writePlanned(doc: Y.Doc, sheet: SheetEntry, writes: PlannedWrite[]): void {
	let maxRow = 0;
	let maxCol = 0;
	for (const write of writes) {
		maxRow = Math.max(maxRow, write.row + 1);
		maxCol = Math.max(maxCol, write.col + 1);
	}
	ensureGridSize(
		doc,
		sheet,
		Math.max(maxRow, axisOf(doc, sheet, 'rows').ids.length),
		Math.max(maxCol, axisOf(doc, sheet, 'cols').ids.length)
	);
	const rows = axisOf(doc, sheet, 'rows').ids;
	const cols = axisOf(doc, sheet, 'cols').ids;
	for (const { row, col, input } of writes) {
		const key = cellKey(rows[row], cols[col]);
		const stored = toCellInput(doc, input);
		if (stored === undefined) sheet.cells.delete(key);
		else sheet.cells.set(key, stored);
		if (input.kind === 'value' && input.format) {
			if (shouldReplaceFormat(sheet.formats.get(key), input.format)) {
				sheet.formats.set(key, input.format);
			}
		}
	}
}

/**
 * Sets what a person typed into one cell (`address` in A1). Text is read as a spreadsheet does
 * (numbers, dates, percents, booleans, `=formulas`); empty text clears the cell.
 */
export function setCellInput(
	doc: Y.Doc,
	sheetId: string,
	address: string,
	text: string,
	origin?: Origin
): void {
	setCellInputs(doc, sheetId, [{ address, text }], origin);
}

/** Sets several cells at once; if any input is invalid, nothing is written. */
export function setCellInputs(
	doc: Y.Doc,
	sheetId: string,
	updates: { address: string; text: string }[],
	origin?: Origin
): void {
	const sheet = requireSheetById(doc, sheetId);
	const writes = updates.map(({ address, text }) => {
		const { row, col } = parseCellAddress(address);
		resolveRange(doc, sheet, address);
		return { row, col, input: prepareCellText(doc, sheetId, text, () => address) };
	});
	transactCells(doc, origin, () => writePlanned(doc, sheet, writes));
}

/**
 * Empties every cell in an A1 range (formats and styles are kept, as Excel's Clear Contents).
 * Like every range operation here, refuses ranges over `MAX_OP_CELLS` (see `limits.ts`).
 */
export function clearRange(doc: Y.Doc, sheetId: string, range: string, origin?: Origin): void {
	const sheet = requireSheetById(doc, sheetId);
	const bounds = resolveRange(doc, sheet, range);
	checkOperationSize(countCells(bounds));
	const rows = axisOf(doc, sheet, 'rows').ids;
	const cols = axisOf(doc, sheet, 'cols').ids;
	transactCells(doc, origin, () => {
		for (let r = bounds.top; r <= Math.min(bounds.bottom, rows.length - 1); r++) {
			for (let c = bounds.left; c <= Math.min(bounds.right, cols.length - 1); c++) {
				const key = cellKey(rows[r], cols[c]);
				if (sheet.cells.has(key)) sheet.cells.delete(key);
			}
		}
	});
}

/**
 * Splits tab-separated text (as spreadsheets put on the clipboard) into rows of cell texts.
 * Quoted fields may hold tabs, newlines and doubled quotes; a final line break is ignored.
 */
export function parseTsv(text: string): string[][] {
	const rows: string[][] = [];
	let row: string[] = [];
	let field = '';
	let i = 0;
	let quoted = false;
	while (i < text.length) {
		const char = text[i];
		if (quoted) {
			if (char === '"' && text[i + 1] === '"') {
				field += '"';
				i += 2;
				continue;
			}
			if (char === '"') quoted = false;
			else field += char;
			i++;
			continue;
		}
		if (char === '"' && field === '') quoted = true;
		else if (char === '\t') {
			row.push(field);
			field = '';
		} else if (char === '\n' || char === '\r') {
			if (char === '\r' && text[i + 1] === '\n') i++;
			row.push(field);
			rows.push(row);
			row = [];
			field = '';
		} else field += char;
		i++;
	}
	if (field !== '' || row.length > 0) {
		row.push(field);
		rows.push(row);
	}
	return rows;
}

/** How {@link pasteBlock} reads the formulas of a block. */
export interface PasteOptions {
	/**
	 * The A1 address the block was copied from (its top-left cell). When given, formulas are
	 * read as they were written there and move with the paste, as Excel pastes: relative
	 * references shift by the distance from `sourceTopLeft` to `topLeft`, `$` parts stay, and
	 * references pushed off the grid become `#REF!`. Unqualified references point into the
	 * sheet pasted into, whichever sheet they were copied from. Without it, formulas are taken
	 * exactly as typed (text from another application).
	 */
	sourceTopLeft?: string;
}

/**
 * Pastes a block of typed texts (rows of cells, e.g. from {@link parseTsv}) with its top-left
 * corner at `topLeft`, growing the sheet if needed, as one transaction; if any text is invalid,
 * nothing is written. See {@link PasteOptions} for pasting formulas copied from the workbook.
 */
export function pasteBlock(
	doc: Y.Doc,
	sheetId: string,
	topLeft: string,
	block: string[][],
	origin?: Origin,
	options: PasteOptions = {}
): void {
	const sheet = requireSheetById(doc, sheetId);
	const start = parseCellAddress(topLeft);
	const source = options.sourceTopLeft ? parseCellAddress(options.sourceTopLeft) : start;
	const rowOffset = start.row - source.row;
	const colOffset = start.col - source.col;
	const total = block.reduce((sum, row) => sum + row.length, 0);
	if (total > MAX_PASTE_CELLS) {
		throw new LimitExceededError(`a paste can hold at most ${MAX_PASTE_CELLS} cells`);
	}
	const width = block.reduce((most, row) => Math.max(most, row.length), 0);
	resolveRange(
		doc,
		sheet,
		formatCellAddress({ row: start.row + block.length, col: start.col + width })
	);
	const writes: PlannedWrite[] = [];
	for (let r = 0; r < block.length; r++) {
		const texts = block[r];
		for (let c = 0; c < texts.length; c++) {
			const address = () => formatCellAddress({ row: start.row + r, col: start.col + c });
			let input = prepareCellText(doc, sheetId, texts[c], address);
			if (input.kind === 'formula') {
				const parsed = shiftParsedFormula(input.parsed, rowOffset, colOffset, GRID_LIMITS);
				input = { kind: 'formula', parsed };
			}
			writes.push({ row: start.row + r, col: start.col + c, input });
		}
	}
	transactCells(doc, origin, () => writePlanned(doc, sheet, writes));
}

/** Fills the first row of `range` down through the rest of it, shifting relative references. */
export function fillDown(doc: Y.Doc, sheetId: string, range: string, origin?: Origin): void {
	fill(doc, sheetId, range, 'down', origin);
}

/** Fills the first column of `range` right through the rest of it, shifting relative references. */
export function fillRight(doc: Y.Doc, sheetId: string, range: string, origin?: Origin): void {
	fill(doc, sheetId, range, 'right', origin);
}

function fill(
	doc: Y.Doc,
	sheetId: string,
	range: string,
	direction: 'down' | 'right',
	origin: Origin
): void {
	const sheet = requireSheetById(doc, sheetId);
	const bounds = resolveRange(doc, sheet, range);
	checkOperationSize(countCells(bounds));
	const context = referenceContext(doc);
	const rows = axisOf(doc, sheet, 'rows').ids;
	const cols = axisOf(doc, sheet, 'cols').ids;
	const writes: PlannedWrite[] = [];
	const formats: { row: number; col: number; format: string | undefined }[] = [];
	for (let r = bounds.top; r <= bounds.bottom; r++) {
		for (let c = bounds.left; c <= bounds.right; c++) {
			const sourceRow = direction === 'down' ? bounds.top : r;
			const sourceCol = direction === 'right' ? bounds.left : c;
			if (sourceRow === r && sourceCol === c) continue;
			const key =
				rows[sourceRow] && cols[sourceCol] ? cellKey(rows[sourceRow], cols[sourceCol]) : '';
			const source: CellInput | undefined = key ? sheet.cells.get(key) : undefined;
			formats.push({ row: r, col: c, format: key ? sheet.formats.get(key) : undefined });
			if (isFormulaInput(source)) {
				const text = renderFormula(source.f, sheetId, context, {
					rowOffset: r - sourceRow,
					colOffset: c - sourceCol
				});
				writes.push({
					row: r,
					col: c,
					input: { kind: 'formula', parsed: parseFormula(text, sheetId, context) }
				});
			} else if (source === undefined) writes.push({ row: r, col: c, input: { kind: 'empty' } });
			else writes.push({ row: r, col: c, input: { kind: 'value', value: source } });
		}
	}
	transactCells(doc, origin, () => {
		writePlanned(doc, sheet, writes);
		const rowIds = axisOf(doc, sheet, 'rows').ids;
		const colIds = axisOf(doc, sheet, 'cols').ids;
		for (const { row, col, format } of formats) {
			const key = cellKey(rowIds[row], colIds[col]);
			if (format === undefined) sheet.formats.delete(key);
			else sheet.formats.set(key, format);
		}
	});
}

/** Sets (or with `null` removes) the number format of every cell in an A1 range. */
export function setNumberFormat(
	doc: Y.Doc,
	sheetId: string,
	range: string,
	format: string | null,
	origin?: Origin
): void {
	if (format !== null && !isValidFormat(format)) throw new InvalidFormatError(format);
	forEachCellKey(doc, sheetId, range, origin, (sheet, key) => {
		if (format === null) sheet.formats.delete(key);
		else sheet.formats.set(key, format);
	});
}

/** Sets (or with `null` removes) the style of every cell in an A1 range. */
export function setCellStyle(
	doc: Y.Doc,
	sheetId: string,
	range: string,
	style: CellStyle | null,
	origin?: Origin
): void {
	forEachCellKey(doc, sheetId, range, origin, (sheet, key) => {
		if (style === null) sheet.styles.delete(key);
		else sheet.styles.set(key, { ...style });
	});
}

function forEachCellKey(
	doc: Y.Doc,
	sheetId: string,
	range: string,
	origin: Origin,
	visit: (sheet: SheetEntry, key: string) => void
): void {
	const sheet = requireSheetById(doc, sheetId);
	const bounds = resolveRange(doc, sheet, range);
	checkOperationSize(countCells(bounds));
	transactCells(doc, origin, () => {
		ensureGridSize(
			doc,
			sheet,
			Math.max(bounds.bottom + 1, axisOf(doc, sheet, 'rows').ids.length),
			Math.max(bounds.right + 1, axisOf(doc, sheet, 'cols').ids.length)
		);
		const rows = axisOf(doc, sheet, 'rows').ids;
		const cols = axisOf(doc, sheet, 'cols').ids;
		for (let r = bounds.top; r <= bounds.bottom; r++) {
			for (let c = bounds.left; c <= bounds.right; c++) visit(sheet, cellKey(rows[r], cols[c]));
		}
	});
}

/** Sets a column's width in pixels (`column` as letters or a 1-based number). */
export function setColumnWidth(
	doc: Y.Doc,
	sheetId: string,
	column: string | number,
	width: number,
	origin?: Origin
): void {
	const sheet = requireSheetById(doc, sheetId);
	const index = parseColumnSpec(column);
	if (!Number.isFinite(width) || width < 0 || width > 2000) {
		throw new InvalidOperationError('a column width is a number of pixels from 0 to 2000');
	}
	transactCells(doc, origin, () => {
		ensureGridSize(
			doc,
			sheet,
			axisOf(doc, sheet, 'rows').ids.length,
			Math.max(index + 1, axisOf(doc, sheet, 'cols').ids.length)
		);
		sheet.colWidths.set(axisOf(doc, sheet, 'cols').ids[index], width);
	});
}
