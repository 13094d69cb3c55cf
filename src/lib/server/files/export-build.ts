/**
 * Builds an export file from a workbook document and its evaluator: captures the document into
 * plain data and writes the XLSX, CSV or PDF bytes. Runs on an evaluation worker (see
 * evaluation/evaluation-tasks.ts), beside the worker's replica of the workbook and the evaluator
 * that follows it, so neither the evaluation nor the file's construction ever holds up the
 * server's event loop. Refusals (an unknown sheet, a bad range, too many cells) are AppErrors.
 */
import type * as Y from 'yjs';
import { listSheetEntries } from '../../core/document-view';
import type { WorkbookEvaluator } from '../../core/evaluator';
import { AppError } from '../errors';
import type { CsvValues } from './csv-export';
import { captureWorkbook, type CapturedWorkbook } from './workbook-capture';

/** Formats `GET …/export` produces. */
export type ExportFormat = 'xlsx' | 'csv' | 'pdf';

/** What to build, already validated by the caller (workbook-export.ts). */
export interface ExportTask {
	kind: 'export';
	format: ExportFormat;
	/** The sheet of a CSV or PDF (case-insensitive); the first sheet when null. */
	sheet: string | null;
	range: string | null;
	values: CsvValues;
	/** The workbook's title (XLSX title property, PDF heading). */
	title: string;
	/** The date printed in a PDF's heading, `yyyy-mm-dd` (the server's day, not the worker's). */
	date: string;
}

/** The built file. `bytes` owns its whole ArrayBuffer, so it can be transferred, not copied. */
export interface ExportedBytes {
	bytes: Uint8Array;
}

function pickSheet(captured: CapturedWorkbook, sheet: string | null) {
	if (sheet === null) return captured.sheets[0];
	const wanted = sheet.trim().toLowerCase();
	const found = captured.sheets.find((entry) => entry.name.toLowerCase() === wanted);
	if (!found) throw new AppError(404, 'unknown_sheet', `There is no sheet named "${sheet}".`);
	return found;
}

/** A copy of `bytes` that alone owns its ArrayBuffer (Node's Buffers may share a pool). */
function ownBuffer(bytes: Uint8Array): Uint8Array {
	if (bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength) return bytes;
	return new Uint8Array(bytes);
}

/**
 * The file `task` asks for, built from `doc` with values from `evaluator`. The exporters load
 * on first use, so a worker that only reads cells never pays for exceljs or pdfkit.
 */
export async function buildExport(
	doc: Y.Doc,
	evaluator: WorkbookEvaluator,
	task: ExportTask
): Promise<ExportedBytes> {
	if (task.format === 'xlsx') {
		const captured = captureWorkbook(doc, evaluator);
		const { exportXlsx } = await import('./xlsx-export');
		return { bytes: ownBuffer(await exportXlsx(captured, task.title)) };
	}
	// One sheet is captured, not the workbook: the others' cells would be evaluated for nothing.
	const wanted = task.sheet ?? listSheetEntries(doc)[0]?.name ?? '';
	const captured = captureWorkbook(doc, evaluator, [wanted]);
	const { sheetGrid } = await import('./sheet-grid');
	const grid = sheetGrid(captured, pickSheet(captured, task.sheet), task.range);
	if (task.format === 'csv') {
		const { exportCsv } = await import('./csv-export');
		return { bytes: new TextEncoder().encode(exportCsv(grid, task.values)) };
	}
	const { exportPdf } = await import('./pdf-export');
	return { bytes: ownBuffer(await exportPdf(grid, { title: task.title, date: task.date })) };
}
