/**
 * A captured workbook as an Excel (.xlsx) file: every sheet in order, inputs as values, formulas
 * as Excel formulas with the computed value cached (so viewers that do not recalculate still show
 * numbers), number formats, bold, column widths and defined names. Works on plain data only; it
 * yields to the event loop between chunks of cells so one large export does not stall other
 * documents.
 */
import ExcelJS from 'exceljs';
import type { CapturedCell, CapturedWorkbook } from './workbook-capture';

/** Cells written between two yields to the event loop. */
const CELLS_PER_CHUNK = 5_000;

/** Errors Excel knows; HyperFormula's own (`#CYCLE!`, `#ERROR!`, `#SPILL!`) have no Excel code. */
const EXCEL_ERRORS = new Set(['#NULL!', '#DIV/0!', '#VALUE!', '#REF!', '#NAME?', '#NUM!', '#N/A']);

/**
 * Functions Excel stores with the `_xlfn.` prefix (added after Excel 2007); without it Excel
 * reads them as unknown names.
 */
const XLFN_FUNCTIONS = new Set([
	'IFS',
	'IFNA',
	'MAXIFS',
	'MINIFS',
	'SWITCH',
	'CONCAT',
	'TEXTJOIN',
	'XOR',
	'DAYS',
	'ISOWEEKNUM',
	'XLOOKUP',
	'XMATCH',
	'SEQUENCE',
	'FILTER',
	'SORT',
	'UNIQUE',
	'STDEV.S',
	'STDEV.P',
	'VAR.S',
	'VAR.P',
	'CEILING.MATH',
	'FLOOR.MATH',
	'RRI',
	'PDURATION'
]);

/** Excel's width unit (characters of the default font) from pixels, as Excel converts them. */
export function excelWidthFromPixels(pixels: number): number {
	return Math.max(0, Math.round(((pixels - 5) / 7) * 100) / 100);
}

/**
 * The formula text Excel stores (no leading `=`) for InvestFlow's A1 text: newer functions get
 * their `_xlfn.` prefix; text inside string literals is left alone.
 */
export function toExcelFormula(a1Text: string): string {
	const body = a1Text.startsWith('=') ? a1Text.slice(1) : a1Text;
	return body.replace(/("(?:[^"]|"")*")|([A-Za-z][A-Za-z0-9.]*)(?=\()/g, (match, literal, name) => {
		if (literal) return literal;
		return XLFN_FUNCTIONS.has(String(name).toUpperCase()) ? `_xlfn.${name}` : match;
	});
}

/** The Excel error code a computed error is cached as. */
export function excelErrorCode(code: string): string {
	return EXCEL_ERRORS.has(code) ? code : '#VALUE!';
}

function cellValue(cell: CapturedCell): ExcelJS.CellValue {
	const { input, result } = cell;
	if (input === null) return null;
	if (typeof input !== 'object') return input;
	const cached = result.error
		? { error: excelErrorCode(result.error.code) as ExcelJS.CellErrorValue['error'] }
		: (result.value ?? '');
	return { formula: toExcelFormula(input.formula), result: cached } as ExcelJS.CellFormulaValue;
}

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Builds the XLSX file for `captured`; `title` becomes the document's title property. */
export async function exportXlsx(captured: CapturedWorkbook, title: string): Promise<Buffer> {
	const book = new ExcelJS.Workbook();
	book.creator = 'InvestFlow';
	book.title = title;
	book.calcProperties.fullCalcOnLoad = false;
	let written = 0;
	for (const sheet of captured.sheets) {
		const target = book.addWorksheet(sheet.name);
		for (const [index, pixels] of sheet.colWidths) {
			target.getColumn(index + 1).width = excelWidthFromPixels(pixels);
		}
		for (const cell of sheet.cells) {
			const target_cell = target.getCell(cell.row + 1, cell.col + 1);
			target_cell.value = cellValue(cell);
			if (cell.format && cell.format !== 'General') target_cell.numFmt = cell.format;
			if (cell.bold) target_cell.font = { bold: true };
			if (++written % CELLS_PER_CHUNK === 0) await yieldToEventLoop();
		}
	}
	for (const { name, ref } of captured.names) {
		// Excel names refer to ranges; a name for a constant or expression is left out.
		if (!/^('(?:[^']|'')+'|[^!'()]+)!\$?[A-Z]+\$?\d+(:\$?[A-Z]+\$?\d+)?$/.test(ref)) continue;
		book.definedNames.add(ref, name);
	}
	return Buffer.from(await book.xlsx.writeBuffer());
}
