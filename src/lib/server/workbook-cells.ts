/**
 * Cells, names and structural operations over the HTTP API. Reads evaluate on the evaluation
 * workers (evaluation/) from the stored (durable) document, never on the event loop; writes run
 * the core's all-or-nothing operations through the room, so they are committed before the caller
 * is answered and every open browser sees them live. Core errors become 4xx with their message.
 */
import type * as Y from 'yjs';
import { WorkbookError } from '../core/errors';
import {
	applyCellUpdates,
	applyStructuralOps,
	checkCellRead,
	type NameReading
} from '../core/workbook-api';
import { listSheetEntries } from '../core/document-view';
import { getRoomRegistry } from './collab/room-registry';
import { getConfig } from './config';
import { AppError, invalidInput, notFound } from './errors';
import {
	evaluationErrorKind,
	EvaluationRetryError,
	getEvaluationPool,
	type EvaluationOverBudgetError
} from './evaluation/evaluation-pool';
import type { EvaluationAnswer, EvaluationTask, TaskResults } from './evaluation/evaluation-tasks';
import type { Requester } from './workbook-access';
import { requireRole } from './workbooks';

export { MAX_READ_CELLS } from '../core/limits';

/** Most cell updates one request may carry. */
export const MAX_CELL_UPDATES = 10_000;
/** Most structural operations one request may carry. */
export const MAX_OPS = 1_000;

/** A core error's HTTP status: 404 for something missing, 413 for a limit, 400 otherwise. */
function coreErrorStatus(code: string, missing: boolean): 400 | 404 | 413 {
	if (missing) return 404;
	return code === 'limit_exceeded' ? 413 : 400;
}

/**
 * A deliberate core error as a 404 (something named is missing), 413 (a limit of `limits.ts`)
 * or 400 with its code and message; anything else unchanged.
 */
export function coreErrorToAppError(error: unknown): unknown {
	if (!(error instanceof WorkbookError)) return error;
	return new AppError(
		coreErrorStatus(error.code, error.kind === 'missing'),
		error.code,
		error.message
	);
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

type AppStatus = AppError['status'];

/** Dispatches this many times at most: the first, and again after a worker was replaced. */
const EVALUATION_ATTEMPTS = 3;

/**
 * Evaluates `task` on an evaluation worker from the workbook's durable state. `check` runs first
 * on the document (cheap core checks, so a request over a limit never waits for a worker).
 * Answers 503 `evaluation_over_budget` when the request ran past EVAL_TIMEOUT_MS or its worker's
 * EVAL_MEMORY_MB (EVAL_EXPORT_TIMEOUT_MS for an export; the worker is replaced), 503 `evaluation_busy` when the queue is full. Charts
 * and exports share it.
 */
export async function evaluateInRoom<K extends EvaluationTask['kind']>(
	workbookId: string,
	task: EvaluationTask & { kind: K },
	check?: (doc: Y.Doc) => void
): Promise<TaskResults[K]> {
	const pool = getEvaluationPool(() => getConfig().evaluation);
	for (let attempt = 1; ; attempt++) {
		let answer: EvaluationAnswer | undefined;
		try {
			const pending = await inRoom(() =>
				getRoomRegistry().read(workbookId, (doc, storedParts) => {
					check?.(doc);
					const reset = attempt > 1;
					return { answer: pool.dispatch(workbookId, doc, task, reset, storedParts) };
				})
			);
			answer = await pending.answer;
		} catch (error) {
			if (evaluationErrorKind(error) !== 'retry' || attempt >= EVALUATION_ATTEMPTS) {
				throw evaluationErrorToAppError(error, pool.timeoutFor(task));
			}
		}
		if (answer?.kind === 'value') return answer.value as TaskResults[K];
		if (answer?.kind === 'refused') {
			const status = (answer.status ?? coreErrorStatus(answer.code, answer.missing)) as AppStatus;
			throw new AppError(status, answer.code, answer.message, answer.field);
		}
		if (attempt >= EVALUATION_ATTEMPTS) {
			throw evaluationErrorToAppError(new EvaluationRetryError(), pool.timeoutFor(task));
		}
	}
}

/**
 * An evaluation pool's error as the API answers it: 503 `evaluation_over_budget` (saying which
 * budget, `timeoutMs` for time) or 503 `evaluation_busy`, with Retry-After; others unchanged.
 */
export function evaluationErrorToAppError(error: unknown, timeoutMs: number): unknown {
	const retryLater = { 'retry-after': '5' };
	const kind = evaluationErrorKind(error);
	if (kind === 'over_budget') {
		const budget =
			(error as EvaluationOverBudgetError).budget === 'time'
				? `took longer than ${timeoutMs} ms`
				: 'needed more memory than the server allows';
		return new AppError(
			503,
			'evaluation_over_budget',
			`Evaluating this workbook ${budget} and was stopped. Simplify its formulas or read less.`,
			undefined,
			retryLater
		);
	}
	if (kind === 'busy' || kind === 'retry') {
		return new AppError(
			503,
			'evaluation_busy',
			'The server is busy evaluating other workbooks; try again shortly.',
			undefined,
			retryLater
		);
	}
	return error;
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
): Promise<TaskResults['cells']> {
	await requireRole(who, workbookId, 'viewer');
	if (!range) throw invalidInput('Give a range such as A1:D20.', 'range');
	return evaluateInRoom(workbookId, { kind: 'cells', sheet, range }, (doc) =>
		checkCellRead(doc, sheet ?? listSheetEntries(doc)[0]?.name ?? '', range)
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
	return evaluateInRoom(workbookId, { kind: 'names' });
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
