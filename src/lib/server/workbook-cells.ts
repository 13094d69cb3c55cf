/**
 * Cells, names and structural operations over the HTTP API. Reads evaluate on the server from the
 * stored (durable) document with one HyperFormula evaluator per loaded document; writes run the
 * core's all-or-nothing operations through the room, so they are committed before the caller is
 * answered and every open browser sees them live. Core errors become 400s with their message.
 */
import type * as Y from 'yjs';
import { WorkbookError } from '../core/errors';
import { createEvaluator, type WorkbookEvaluator } from '../core/evaluator';
import {
	applyCellUpdates,
	applyStructuralOps,
	listNames,
	readCells,
	type CellReading,
	type NameReading
} from '../core/workbook-api';
import { listSheetEntries } from '../core/document-view';
import { getRoomRegistry } from './collab/room-registry';
import { AppError, invalidInput, notFound } from './errors';
import type { Requester } from './workbook-access';
import { requireRole } from './workbooks';

/** Most cell updates one request may carry. */
export const MAX_CELL_UPDATES = 10_000;
/** Most structural operations one request may carry. */
export const MAX_OPS = 1_000;
/** Most cells one read may return. */
export const MAX_READ_CELLS = 100_000;

const evaluators = new WeakMap<Y.Doc, WorkbookEvaluator>();

/** The document's evaluator, built on first use and released on unload (charts share it). */
export function evaluatorFor(doc: Y.Doc): WorkbookEvaluator {
	let evaluator = evaluators.get(doc);
	if (!evaluator) {
		const created = createEvaluator(doc);
		doc.once('destroy', () => created.destroy());
		evaluators.set(doc, created);
		evaluator = created;
	}
	return evaluator;
}

/**
 * A deliberate core error as a 404 (something named is missing) or 400 with its code and
 * message; anything else unchanged.
 */
export function coreErrorToAppError(error: unknown): unknown {
	if (!(error instanceof WorkbookError)) return error;
	return new AppError(error.kind === 'missing' ? 404 : 400, error.code, error.message);
}

/**
 * Runs a room read or write: core errors it throws become 4xx (see coreErrorToAppError), and a
 * workbook that is not there is a 404. Charts share it.
 */
export async function inRoom<T>(run: () => Promise<{ value: T } | null>): Promise<T> {
	let result: { value: T } | null;
	try {
		result = await run();
	} catch (error) {
		throw coreErrorToAppError(error);
	}
	if (!result) throw notFound('This workbook');
	return result.value;
}

/** One cell write as the API receives it. */
export interface CellUpdateInput {
	ref: string;
	input: string;
}

/** Validates the body of `POST …/cells`: `{ sheet?, updates: [{ ref, input }] }`. */
export function readCellUpdates(body: Record<string, unknown>): {
	sheet?: string;
	updates: CellUpdateInput[];
} {
	const { sheet, updates } = body;
	if (sheet !== undefined && typeof sheet !== 'string')
		throw invalidInput('sheet must be text.', 'sheet');
	if (!Array.isArray(updates))
		throw invalidInput('updates must be a list of { ref, input }.', 'updates');
	if (updates.length > MAX_CELL_UPDATES) {
		throw new AppError(
			413,
			'too_many_updates',
			`At most ${MAX_CELL_UPDATES} cell updates per request.`
		);
	}
	const checked = updates.map((update: unknown, index) => {
		const entry = update as { ref?: unknown; input?: unknown } | null;
		if (typeof entry !== 'object' || entry === null || typeof entry.ref !== 'string') {
			throw invalidInput(`updates[${index}] needs a ref such as "B3".`, 'updates');
		}
		const input = entry.input;
		if (input === null || input === undefined) return { ref: entry.ref, input: '' };
		if (typeof input === 'number' || typeof input === 'boolean') {
			return { ref: entry.ref, input: String(input) };
		}
		if (typeof input !== 'string')
			throw invalidInput(`updates[${index}].input must be text.`, 'updates');
		return { ref: entry.ref, input };
	});
	return { sheet, updates: checked };
}

/** Reads `range` of `sheet` (the first sheet when omitted) with computed values. */
export async function readWorkbookCells(
	who: Requester,
	workbookId: string,
	sheet: string | null,
	range: string | null
): Promise<{ sheet: string; range: string; cells: CellReading[][] }> {
	await requireRole(who, workbookId, 'viewer');
	if (!range) throw invalidInput('Give a range such as A1:D20.', 'range');
	return inRoom(() =>
		getRoomRegistry().read(workbookId, (doc) => {
			const sheetName = sheet ?? listSheetEntries(doc)[0]?.name ?? '';
			const cells = readCells(doc, sheetName, range, evaluatorFor(doc));
			return { sheet: sheetName, range, cells };
		})
	);
}

/** Applies cell writes atomically as one Yjs update by `userId` (owners and editors). */
export async function writeWorkbookCells(
	userId: string,
	workbookId: string,
	body: Record<string, unknown>
): Promise<{ updated: number }> {
	const request = readCellUpdates(body);
	await requireRole(userId, workbookId, 'editor');
	return inRoom(() =>
		getRoomRegistry().mutate(workbookId, userId, (doc) => {
			applyCellUpdates(doc, request);
			return { updated: request.updates.length };
		})
	);
}

/** The workbook's defined names with what they refer to and their values. */
export async function listWorkbookNames(
	who: Requester,
	workbookId: string
): Promise<NameReading[]> {
	await requireRole(who, workbookId, 'viewer');
	return inRoom(() =>
		getRoomRegistry().read(workbookId, (doc) => listNames(doc, evaluatorFor(doc)))
	);
}

/** Applies structural operations atomically (owners and editors). */
export async function applyWorkbookOps(
	userId: string,
	workbookId: string,
	ops: unknown
): Promise<{ applied: number }> {
	if (!Array.isArray(ops)) throw invalidInput('ops must be a list of operations.', 'ops');
	if (ops.length > MAX_OPS) {
		throw new AppError(413, 'too_many_ops', `At most ${MAX_OPS} operations per request.`);
	}
	await requireRole(userId, workbookId, 'editor');
	return inRoom(() =>
		getRoomRegistry().mutate(workbookId, userId, (doc) => {
			applyStructuralOps(doc, ops);
			return { applied: ops.length };
		})
	);
}
