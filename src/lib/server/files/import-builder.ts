/**
 * Turns imported content into a workbook document through the core's own operations, as a
 * person entering it would: sheets first (so cross-sheet formulas find them), then defined names,
 * then cells typed as text (formulas bound to identities), formats, bold and widths. A cell the
 * core refuses (a formula it cannot parse, a reference past the grid) is kept as its text with a
 * note, never an error for the whole file; functions the engine lacks stay formulas and show
 * `#NAME?`.
 */
import * as Y from 'yjs';
import { formatCellAddress } from '../../core/addresses';
import {
	DEFAULT_COLS,
	DEFAULT_ROWS,
	MAX_GRID_COLS,
	MAX_GRID_ROWS,
	ensureMeta
} from '../../core/document';
import { listSheetEntries } from '../../core/document-view';
import { WorkbookError } from '../../core/errors';
import { isValidFormat } from '../../core/number-format';
import {
	setCellInputs,
	setCellStyle,
	setColumnWidth,
	setNumberFormat
} from '../../core/operations/cells';
import { defineName } from '../../core/operations/names';
import { prepareInput, transact, type Origin } from '../../core/operations/shared';
import { addSheet } from '../../core/operations/sheets';
import { AppError } from '../errors';
import type { ImportedSheet, ImportedWorkbook } from './imported-workbook';

/** Most notes listed about one import (the rest are counted). */
const MAX_NOTES = 50;

/** A sheet name the core accepts: Excel's forbidden characters replaced, at most 31 long. */
export function acceptableSheetName(name: string): string {
	const cleaned = name
		.replace(/[[\]:*?/\\]/g, ' ')
		.trim()
		.slice(0, 31);
	return cleaned || 'Sheet';
}

function uniqueSheetName(doc: Y.Doc, wanted: string): string {
	const taken = new Set(listSheetEntries(doc).map((sheet) => sheet.name.toLowerCase()));
	let name = acceptableSheetName(wanted);
	for (let n = 2; taken.has(name.toLowerCase()); n++) {
		const suffix = ` (${n})`;
		name = acceptableSheetName(wanted).slice(0, 31 - suffix.length) + suffix;
	}
	return name;
}

/**
 * Adds an empty sheet to `doc` large enough for `sheet`, named like it (made acceptable and
 * unique); returns its id and name. Throws 413 past the largest grid InvestFlow supports.
 */
export function addImportedSheet(
	doc: Y.Doc,
	sheet: ImportedSheet,
	origin?: Origin
): { id: string; name: string } {
	let rows = DEFAULT_ROWS;
	let cols = DEFAULT_COLS;
	for (const cell of sheet.cells) {
		rows = Math.max(rows, cell.row + 1);
		cols = Math.max(cols, cell.col + 1);
	}
	if (rows > MAX_GRID_ROWS || cols > MAX_GRID_COLS) {
		throw new AppError(
			413,
			'too_many_cells',
			`The sheet "${sheet.name}" is larger than ${MAX_GRID_ROWS} rows or ${MAX_GRID_COLS} columns.`
		);
	}
	const name = uniqueSheetName(doc, sheet.name);
	return { id: addSheet(doc, name, { rows, cols }, origin), name };
}

/** Writes the cells, formats, bold and widths of `sheet` into the sheet `sheetId`; returns notes. */
export function writeImportedCells(
	doc: Y.Doc,
	sheetId: string,
	sheet: ImportedSheet,
	origin?: Origin
): string[] {
	const notes: string[] = [];
	const typed: { address: string; text: string }[] = [];
	for (const cell of sheet.cells) {
		if (cell.text === '') continue;
		const address = formatCellAddress({ row: cell.row, col: cell.col });
		let text = cell.text;
		try {
			prepareInput(doc, sheetId, text);
		} catch (error) {
			if (!(error instanceof WorkbookError)) throw error;
			notes.push(`${sheet.name}!${address}: ${error.message} It was kept as text.`);
			text = `'${text}`;
		}
		typed.push({ address, text });
	}
	setCellInputs(doc, sheetId, typed, origin);
	const bold: string[] = [];
	for (const cell of sheet.cells) {
		const address = formatCellAddress({ row: cell.row, col: cell.col });
		if (cell.format) {
			if (isValidFormat(cell.format)) setNumberFormat(doc, sheetId, address, cell.format, origin);
			else notes.push(`${sheet.name}!${address}: the number format ${cell.format} was left out.`);
		}
		if (cell.bold) bold.push(address);
	}
	for (const address of bold) setCellStyle(doc, sheetId, address, { bold: true }, origin);
	for (const [col, width] of sheet.colWidths) setColumnWidth(doc, sheetId, col + 1, width, origin);
	return notes;
}

/** `notes` cut to the first few, with a count of the rest. */
export function capNotes(notes: string[]): string[] {
	if (notes.length <= MAX_NOTES) return notes;
	return [...notes.slice(0, MAX_NOTES), `…and ${notes.length - MAX_NOTES} more.`];
}

/**
 * The document state of a new workbook holding `imported`, as one Yjs update, with notes on what
 * changed on the way in.
 */
export function buildImportedWorkbook(imported: ImportedWorkbook): {
	state: Uint8Array;
	notes: string[];
} {
	const doc = new Y.Doc();
	const notes = [...imported.notes];
	try {
		transact(doc, 'import', () => {
			ensureMeta(doc);
			const created = imported.sheets.map((sheet) => {
				const target = addImportedSheet(doc, sheet, 'import');
				if (target.name !== sheet.name)
					notes.push(`The sheet ${sheet.name} was renamed ${target.name}.`);
				return target;
			});
			for (const { name, ref } of imported.names) {
				try {
					defineName(doc, name, ref, created[0].id, 'import');
				} catch (error) {
					if (!(error instanceof WorkbookError)) throw error;
					notes.push(`The name ${name} was left out: ${error.message}`);
				}
			}
			imported.sheets.forEach((sheet, index) => {
				notes.push(...writeImportedCells(doc, created[index].id, sheet, 'import'));
			});
		});
		return { state: Y.encodeStateAsUpdate(doc), notes: capNotes(notes) };
	} finally {
		doc.destroy();
	}
}
