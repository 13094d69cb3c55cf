/**
 * `POST /api/v1/workbooks/import` (a new workbook from an XLSX or CSV file, owned by the importer)
 * and `POST …/workbooks/:id/import` (a CSV into a new sheet, editors). The upload is bounded, its
 * kind decided from its bytes, and everything is read and built before anything is stored: a file
 * that fails any check creates nothing. A new workbook's file is read and built on an evaluation
 * worker; a CSV sheet added to a workbook is parsed here and written through the room.
 */
import { getDb } from '../db';
import { documentSnapshot, workbook, workbookMember } from '../db/schema';
import { getRoomRegistry } from '../collab/room-registry';
import { sheetByName } from '../../core/document-view';
import { AppError } from '../errors';
import { getConfig } from '../config';
import { evaluationErrorKind, getEvaluationPool } from '../evaluation/evaluation-pool';
import type { EvaluationAnswer } from '../evaluation/evaluation-tasks';
import { evaluationErrorToAppError, inRoom } from '../workbook-cells';
import {
	generateWorkbookId,
	getWorkbookSummary,
	readTitle,
	requireRole,
	type WorkbookSummary
} from '../workbooks';
import { readCsv } from './csv-import';
import type { ImportedState, ImportTask } from './import-build';
import { addImportedSheet, writeImportedCells } from './import-builder';
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

/** Dispatches this many times at most: the first, and again after a worker was replaced. */
const POOL_ATTEMPTS = 3;

/**
 * The new workbook's document built on an evaluation worker (import-build.ts); the worker's
 * refusals become AppErrors with their status, its budgets 503 as for reads.
 */
async function buildOnPool(task: ImportTask): Promise<ImportedState> {
	const pool = getEvaluationPool(() => getConfig().evaluation);
	for (let attempt = 1; ; attempt++) {
		let answer: EvaluationAnswer;
		try {
			answer = await pool.run(task);
		} catch (error) {
			if (evaluationErrorKind(error) === 'retry' && attempt < POOL_ATTEMPTS) continue;
			throw evaluationErrorToAppError(error, pool.timeoutFor(task));
		}
		if (answer.kind === 'refused') {
			const status = (answer.status ?? 400) as AppError['status'];
			throw new AppError(status, answer.code, answer.message, answer.field);
		}
		if (answer.kind !== 'value') throw new Error(`an import answered ${answer.kind}`);
		return answer.value as ImportedState;
	}
}

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
	const { state, notes } = await buildOnPool({ kind: 'import', bytes, contentType });
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
 * Adds a CSV file as a new sheet named `sheetName` of an existing workbook (owners and editors),
 * committed as one change that every open browser sees. 409 when the name is taken.
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
	const sheet = readCsv(bytes, name);
	return inRoom(() =>
		getRoomRegistry().mutate(workbookId, userId, (doc) => {
			if (sheetByName(doc, name)) {
				throw new AppError(409, 'sheet_exists', `There is already a sheet named "${name}".`);
			}
			const created = addImportedSheet(doc, sheet);
			const notes = writeImportedCells(doc, created.id, sheet);
			return { sheet: created, cells: sheet.cells.length, notes };
		})
	);
}
