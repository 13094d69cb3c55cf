/**
 * Reads an XLSX upload (already checked by the zip guard) into an {@link ImportedWorkbook}:
 * sheets in order, values as typed text, formulas as `=` text with Excel's `_xlfn.` prefixes
 * removed, number formats, bold, column widths and defined names. Merged cells keep their
 * top-left value (with a note). A file exceljs cannot read is a 400 `malformed_file`.
 */
import ExcelJS from 'exceljs';
import { parseInput } from '../../core/values';
import { AppError } from '../errors';
import {
	MAX_IMPORT_CELLS,
	typedText,
	type ImportedCell,
	type ImportedSheet,
	type ImportedWorkbook
} from './imported-workbook';

const DAY_MS = 86_400_000;
/** Days from the spreadsheet epoch (1899-12-30) to 1970-01-01. */
const UNIX_EPOCH_SERIAL = 25_569;

/** Excel's character width unit as pixels, the inverse of the exporter's conversion. */
export function pixelsFromExcelWidth(width: number): number {
	return Math.min(2000, Math.max(0, Math.round(width * 7 + 5)));
}

/** A formula as stored in a file turned into what a person types (`=` first, no `_xlfn.`). */
export function typedFormula(formula: string): string {
	return '=' + formula.replace(/^=/, '').replace(/_xl(?:fn|ws)\./gi, '');
}

function isPlainText(text: string): boolean {
	const parsed = parseInput(text);
	return parsed.kind === 'text' && parsed.value === text;
}

/** What a person would type for an exceljs cell value; undefined for an empty cell. */
function typedValue(value: ExcelJS.CellValue, cell: ExcelJS.Cell): string | undefined {
	if (value === null || value === undefined) return undefined;
	if (typeof value === 'number') return String(value);
	if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
	if (typeof value === 'string') return value === '' ? undefined : typedText(value, isPlainText);
	if (value instanceof Date) return String(value.getTime() / DAY_MS + UNIX_EPOCH_SERIAL);
	if ('formula' in value || 'sharedFormula' in value) return typedFormula(cell.formula);
	if ('richText' in value)
		return typedText(value.richText.map((run) => run.text).join(''), isPlainText);
	if ('hyperlink' in value) return typedText(String(value.text ?? ''), isPlainText);
	if ('error' in value) return typedText(String(value.error), isPlainText);
	return undefined;
}

function readSheet(
	sheet: ExcelJS.Worksheet,
	notes: string[],
	counted: { cells: number }
): ImportedSheet {
	const cells: ImportedCell[] = [];
	let mergedSkipped = 0;
	sheet.eachRow({ includeEmpty: false }, (row) => {
		row.eachCell({ includeEmpty: false }, (cell) => {
			if (cell.isMerged && cell.master.address !== cell.address) {
				mergedSkipped++;
				return;
			}
			const text = typedValue(cell.value, cell);
			const format = cell.numFmt && cell.numFmt !== 'General' ? cell.numFmt : undefined;
			const bold = cell.font?.bold === true;
			if (text === undefined && !format && !bold) return;
			if (++counted.cells > MAX_IMPORT_CELLS) {
				throw new AppError(
					413,
					'too_many_cells',
					`This file has more than ${MAX_IMPORT_CELLS} cells, the most one import can hold.`
				);
			}
			const imported: ImportedCell = {
				row: Number(cell.row) - 1,
				col: Number(cell.col) - 1,
				text: text ?? ''
			};
			if (format) imported.format = format;
			if (bold) imported.bold = true;
			cells.push(imported);
		});
	});
	if (mergedSkipped > 0) {
		notes.push(`${sheet.name}: merged cells were unmerged; each keeps its top-left value.`);
	}
	const colWidths = new Map<number, number>();
	const columnCount = sheet.columnCount;
	for (let index = 1; index <= columnCount; index++) {
		const width = sheet.getColumn(index).width;
		if (typeof width === 'number' && Number.isFinite(width)) {
			colWidths.set(index - 1, pixelsFromExcelWidth(width));
		}
	}
	return { name: sheet.name, cells, colWidths };
}

/** The content of an XLSX file. */
export async function readXlsx(bytes: Uint8Array): Promise<ImportedWorkbook> {
	const book = new ExcelJS.Workbook();
	try {
		// exceljs's types take an ArrayBuffer (its zip reader accepts one); hand it a copy of its own.
		await book.xlsx.load(
			bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer
		);
	} catch {
		throw new AppError(
			400,
			'malformed_file',
			'This file is damaged or is not an Excel workbook (.xlsx).'
		);
	}
	const notes: string[] = [];
	const counted = { cells: 0 };
	const sheets = book.worksheets
		.filter((sheet) => sheet.state !== 'veryHidden')
		.map((sheet) => readSheet(sheet, notes, counted));
	if (sheets.length === 0) {
		throw new AppError(400, 'malformed_file', 'This workbook has no sheets to import.');
	}
	const names: ImportedWorkbook['names'] = [];
	const model = book.definedNames.model as { name: string; ranges: string[] }[];
	for (const { name, ranges } of model) {
		if (name.startsWith('_xlnm.')) continue;
		if (ranges.length !== 1) {
			notes.push(`The name ${name} refers to several ranges and was left out.`);
			continue;
		}
		names.push({ name, ref: ranges[0] });
	}
	return { sheets, names, notes };
}
