/**
 * `POST /api/v1/workbooks/import` (a new workbook from an XLSX or CSV file, owned by the importer)
 * and `POST …/workbooks/:id/import` (a CSV into a new sheet, editors). The upload is bounded, its
 * kind decided from its bytes, and everything is read and built before anything is stored: a file
 * that fails any check creates nothing. Files are read (and a new workbook's document built) on
 * an evaluation worker; a CSV sheet added to a workbook is then written through the room in
 * chunks, so other people's edits are committed between them rather than after the whole file.
 */
import { getDb } from '../db';
import { documentSnapshot, workbook, workbookMember } from '../db/schema';
import { getRoomRegistry } from '../collab/room-registry';
import { sheetById, sheetByName } from '../../core/document-view';
import { AppError } from '../errors';
import { runStatelessTask } from '../evaluation/run-stateless';
import { inRoom } from '../workbook-cells';
import {
	generateWorkbookId,
	getWorkbookSummary,
	readTitle,
	requireRole,
	type WorkbookSummary
} from '../workbooks';
import { addImportedSheet, capNotes, writeImportedCells } from './import-builder';
import type { ImportedSheet } from './imported-workbook';
import { refuseCompoundFile, looksLikeZip } from './zip-guard';

/** Largest upload accepted. */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

function tooLarge(): AppError {
	return new AppError(
		413,
		'file_too_large',
		`Files up to ${MAX_IMPORT_BYTES / 1024 / 1024} MiB can be imported.`
	);
}

/** The request body as bytes: 413 past {@link MAX_IMPORT_BYTES}, 400 when empty. */
export async function readUpload(request: Request): Promise<Uint8Array> {
	const declared = Number(request.headers.get('content-length') ?? '0');
	if (declared > MAX_IMPORT_BYTES) throw tooLarge();
	const body = await request.arrayBuffer().catch((error: unknown) => {
		// adapter-node's own cap (BODY_SIZE_LIMIT) fails the read with status 413.
		if ((error as { status?: number }).status === 413) throw tooLarge();
		throw error;
	});
	if (body.byteLength > MAX_IMPORT_BYTES) throw tooLarge();
	if (body.byteLength === 0) {
		throw new AppError(400, 'empty_file', 'Send the file as the request body.');
	}
	return new Uint8Array(body);
}

function titleFrom(value: string | null): string {
	return readTitle(value === null || value.trim() === '' ? 'Imported workbook' : value);
}

/** Cells written into a live document per change: each change holds up the room's pipeline. */
export const SHEET_IMPORT_CHUNK_CELLS = 2_000;

/**
 * Creates a workbook owned by `userId` from an XLSX or CSV file; the answer lists notes on what
 * changed on the way in. The file is read and the document built on an evaluation worker;
 * zip and OLE files go the XLSX way whatever their `Content-Type`.
 */
export async function importWorkbook(
	userId: string,
	title: string | null,
	contentType: string | null,
	bytes: Uint8Array
): Promise<WorkbookSummary & { notes: string[] }> {
	const finalTitle = titleFrom(title);
	const { state, notes } = await runStatelessTask({ kind: 'import', bytes, contentType });
	const id = generateWorkbookId();
	const db = await getDb();
	await db.transaction(async (tx) => {
		await tx
			.insert(workbook)
			.values({ id, title: finalTitle, ownerId: userId, template: null, lastEditedBy: userId });
		await tx.insert(workbookMember).values({ workbookId: id, userId, role: 'owner' });
		await tx
			.insert(documentSnapshot)
			.values({ workbookId: id, state, throughUpdateId: 0, updateCount: 0 });
	});
	return { ...(await getWorkbookSummary(userId, id)), notes };
}

/**
 * Adds a CSV file as a new sheet named `sheetName` of an existing workbook (owners and editors).
 * The file is read on an evaluation worker; the sheet and its first cells are one change, the
 * rest follow in changes of {@link SHEET_IMPORT_CHUNK_CELLS} cells, each committed and seen
 * live. 409 when the name is taken (nothing is written).
 */
export async function importCsvSheet(
	userId: string,
	workbookId: string,
	sheetName: string | null,
	bytes: Uint8Array
): Promise<{ sheet: { id: string; name: string }; cells: number; notes: string[] }> {
	await requireRole(userId, workbookId, 'editor');
	refuseCompoundFile(bytes);
	if (looksLikeZip(bytes)) {
		throw new AppError(
			400,
			'unsupported_format',
			'Only a CSV file can be added as a sheet; import an Excel workbook as a new workbook.'
		);
	}
	const name = (sheetName ?? '').trim() || 'Imported';
	const sheet = await runStatelessTask({ kind: 'import-sheet', bytes, name });
	const chunks = chunksOf(sheet, SHEET_IMPORT_CHUNK_CELLS);
	const registry = getRoomRegistry();
	const created = await inRoom(() =>
		registry.mutate(workbookId, userId, (doc) => {
			if (sheetByName(doc, name)) {
				throw new AppError(409, 'sheet_exists', `There is already a sheet named "${name}".`);
			}
			const target = addImportedSheet(doc, sheet);
			return { target, notes: writeImportedCells(doc, target.id, chunks[0]) };
		})
	);
	const notes = created.notes;
	for (const chunk of chunks.slice(1)) {
		const written = await inRoom(() =>
			registry.mutate(workbookId, userId, (doc) => {
				// A sheet deleted while its file was being written takes no more cells.
				if (!sheetById(doc, created.target.id)) return null;
				return writeImportedCells(doc, created.target.id, chunk);
			})
		);
		if (!written) break;
		notes.push(...written);
	}
	return { sheet: created.target, cells: sheet.cells.length, notes: capNotes(notes) };
}

/** `sheet` split into sheets of at most `size` cells; the first keeps the column widths. */
function chunksOf(sheet: ImportedSheet, size: number): ImportedSheet[] {
	const chunks: ImportedSheet[] = [];
	for (let start = 0; start === 0 || start < sheet.cells.length; start += size) {
		const cells = sheet.cells.slice(start, start + size);
		chunks.push({ ...sheet, cells, colWidths: start === 0 ? sheet.colWidths : new Map() });
	}
	return chunks;
}
