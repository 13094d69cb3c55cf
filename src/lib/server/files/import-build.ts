/**
 * Reads an uploaded XLSX or CSV file and builds the new workbook's document from it: the
 * CPU-heavy half of an import (inflating and parsing the XLSX, typing every cell through the
 * core). Runs on an evaluation worker (see evaluation/evaluation-tasks.ts), so the server's
 * event loop only creates the workbook row and stores the state. A CSV file added as a sheet of
 * an existing workbook is read here too; the server then writes its cells into the live
 * document. Refusals (a bad or dangerous file, too many cells) are AppErrors, answered as
 * refusals with their status.
 */
import { buildImportedWorkbook } from './import-builder';
import { readCsv } from './csv-import';
import type { ImportedSheet } from './imported-workbook';
import { checkXlsxUpload, looksLikeZip } from './zip-guard';
import { readXlsx } from './xlsx-import';

/** A file to import as a new workbook. */
export interface WorkbookImportTask {
	kind: 'import';
	bytes: Uint8Array;
	contentType: string | null;
}

/** A CSV file to read as a sheet named `name` of an existing workbook. */
export interface SheetImportTask {
	kind: 'import-sheet';
	bytes: Uint8Array;
	name: string;
}

/** Work on an uploaded file, which needs no workbook replica. */
export type ImportTask = WorkbookImportTask | SheetImportTask;

/** The new workbook's document as one Yjs update (owning its buffer), and notes. */
export interface ImportedState {
	state: Uint8Array;
	notes: string[];
}

/**
 * The document `task`'s file makes. Zip and OLE files go the XLSX way whatever their
 * `Content-Type`, so a renamed file is still checked for zip bombs, encryption and macros.
 */
export async function buildImport(task: WorkbookImportTask): Promise<ImportedState> {
	const { bytes, contentType } = task;
	let imported;
	if (looksLikeZip(bytes) || bytes[0] === 0xd0 || /spreadsheetml|excel/i.test(contentType ?? '')) {
		checkXlsxUpload(bytes);
		imported = await readXlsx(bytes);
	} else {
		imported = { sheets: [readCsv(bytes, 'Sheet1')], names: [], notes: [] };
	}
	const { state, notes } = buildImportedWorkbook(imported);
	const owned =
		state.byteOffset === 0 && state.byteLength === state.buffer.byteLength
			? state
			: new Uint8Array(state);
	return { state: owned, notes };
}

/** The cells of the CSV file of `task`, as a sheet to add (see readCsv). */
export function readImportedSheet(task: SheetImportTask): ImportedSheet {
	return readCsv(task.bytes, task.name);
}
