/**
 * `GET …/workbooks/:id/export`: checks the reader may see the workbook (members and view-only
 * links alike — exporting is reading), captures the document inside one room read, and builds the
 * file asked for. The evaluation of the stored document happens in {@link evaluateForExport} only,
 * so switching to the server's evaluation pool is a one-place change.
 */
import type * as Y from 'yjs';
import type { WorkbookEvaluator } from '../../core/evaluator';
import { AppError, invalidInput } from '../errors';
import { getRoomRegistry } from '../collab/room-registry';
import type { Requester } from '../workbook-access';
import { evaluatorFor, inRoom } from '../workbook-cells';
import { getWorkbookSummary } from '../workbooks';
import { exportCsv, type CsvValues } from './csv-export';
import { exportPdf } from './pdf-export';
import { sheetGrid } from './sheet-grid';
import { captureWorkbook, type CapturedWorkbook } from './workbook-capture';
import { exportXlsx } from './xlsx-export';

/** Formats `GET …/export` produces. */
export type ExportFormat = 'xlsx' | 'csv' | 'pdf';

/** The query of an export request. */
export interface ExportRequest {
	format: string | null;
	sheet: string | null;
	range: string | null;
	values: string | null;
}

/** A file ready to send. */
export interface ExportedFile {
	body: Buffer | string;
	contentType: string;
	filename: string;
}

const CONTENT_TYPES: Record<ExportFormat, string> = {
	xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
	csv: 'text/csv; charset=utf-8',
	pdf: 'application/pdf'
};

/** The evaluator whose values an export caches; the one place exports evaluate. */
function evaluateForExport(doc: Y.Doc): WorkbookEvaluator {
	return evaluatorFor(doc);
}

/**
 * A file name safe in a `Content-Disposition` header and on every file system: accents dropped,
 * letters, digits, spaces and `-_.,()&` kept, anything else `_`, at most 100 characters, `workbook` when nothing
 * is left.
 */
export function sanitiseFilename(title: string): string {
	const cleaned = title
		.normalize('NFKD')
		.replace(/\p{M}+/gu, '')
		.replace(/[^\w .,()&-]+/g, '_')
		.replace(/^[\s._]+|[\s._]+$/g, '')
		.slice(0, 100);
	return cleaned || 'workbook';
}

function readFormat(value: string | null): ExportFormat {
	const format = (value ?? 'xlsx').toLowerCase();
	if (format === 'xlsx' || format === 'csv' || format === 'pdf') return format;
	throw invalidInput('format must be xlsx, csv or pdf.', 'format');
}

function readValues(value: string | null): CsvValues {
	if (value === null || value === 'display') return 'display';
	if (value === 'raw') return 'raw';
	throw invalidInput('values must be raw or display.', 'values');
}

function pickSheet(captured: CapturedWorkbook, sheet: string | null) {
	if (sheet === null) return captured.sheets[0];
	const wanted = sheet.trim().toLowerCase();
	const found = captured.sheets.find((entry) => entry.name.toLowerCase() === wanted);
	if (!found) throw new AppError(404, 'unknown_sheet', `There is no sheet named "${sheet}".`);
	return found;
}

/** Builds the export `request` asks for; 400 for a bad query, 404 for an unknown sheet. */
export async function exportWorkbook(
	who: Requester,
	workbookId: string,
	request: ExportRequest
): Promise<ExportedFile> {
	const format = readFormat(request.format);
	const values = readValues(request.values);
	const summary = await getWorkbookSummary(who, workbookId, 'viewer');
	const captured = await inRoom(() =>
		getRoomRegistry().read(workbookId, (doc) => captureWorkbook(doc, evaluateForExport(doc)))
	);
	const base = sanitiseFilename(summary.title);
	if (format === 'xlsx') {
		return {
			body: await exportXlsx(captured, summary.title),
			contentType: CONTENT_TYPES.xlsx,
			filename: `${base}.xlsx`
		};
	}
	const grid = sheetGrid(captured, pickSheet(captured, request.sheet), request.range);
	if (format === 'csv') {
		return {
			body: exportCsv(grid, values),
			contentType: CONTENT_TYPES.csv,
			filename: `${base}.csv`
		};
	}
	const date = new Date().toISOString().slice(0, 10);
	return {
		body: await exportPdf(grid, { title: summary.title, date }),
		contentType: CONTENT_TYPES.pdf,
		filename: `${base}.pdf`
	};
}
