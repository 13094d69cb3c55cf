/**
 * `GET …/workbooks/:id/export`: checks the reader may see the workbook (members and view-only
 * links alike — exporting is reading) and has the file built on an evaluation worker
 * (files/export-build.ts) from the worker's replica of the stored document, so neither evaluating
 * the workbook nor building the file runs on the event loop. Past EVAL_EXPORT_TIMEOUT_MS or the
 * worker's memory it answers 503, like other reads.
 */
import { invalidInput } from '../errors';
import type { Requester } from '../workbook-access';
import { evaluateInRoom } from '../workbook-cells';
import { getWorkbookSummary } from '../workbooks';
import type { CsvValues } from './csv-export';
import type { ExportFormat } from './export-build';

export type { ExportFormat } from './export-build';

/** The query of an export request. */
export interface ExportRequest {
	format: string | null;
	sheet: string | null;
	range: string | null;
	values: string | null;
}

/** A file ready to send. */
export interface ExportedFile {
	body: Uint8Array;
	contentType: string;
	filename: string;
}

const CONTENT_TYPES: Record<ExportFormat, string> = {
	xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
	csv: 'text/csv; charset=utf-8',
	pdf: 'application/pdf'
};

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

/** Builds the export `request` asks for; 400 for a bad query, 404 for an unknown sheet. */
export async function exportWorkbook(
	who: Requester,
	workbookId: string,
	request: ExportRequest
): Promise<ExportedFile> {
	const format = readFormat(request.format);
	const values = readValues(request.values);
	const summary = await getWorkbookSummary(who, workbookId, 'viewer');
	const { bytes } = await evaluateInRoom(workbookId, {
		kind: 'export',
		format,
		sheet: format === 'xlsx' ? null : request.sheet,
		range: format === 'xlsx' ? null : request.range,
		values,
		title: summary.title,
		date: new Date().toISOString().slice(0, 10)
	});
	return {
		body: bytes,
		contentType: CONTENT_TYPES[format],
		filename: `${sanitiseFilename(summary.title)}.${format}`
	};
}
