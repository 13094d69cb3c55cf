/**
 * Scenarios over the HTTP API: list (viewers and view-only links), create, change, delete and
 * apply (owners and editors) through the room, so every open browser sees them live; compare,
 * sensitivity tables and goal seek evaluated on the evaluation workers from the durable
 * document, never on the event loop. Request bodies and query strings are checked here; the
 * document rules (names, refs, values, limits) in the core.
 */
import { WorkbookError } from '../core/errors';
import { MAX_OUTPUTS } from '../core/scenario-outputs';
import { MAX_SENSITIVITY_VALUES } from '../core/scenario-evaluation';
import { applyScenario, deleteScenario, MAX_OVERRIDES, requireScenario } from '../core/scenarios';
import {
	createScenarioFromRequest,
	patchScenarioFromRequest,
	readScenario,
	readScenarios,
	type OverrideInput,
	type ScenarioReading
} from '../core/scenario-api';
import { parseInput } from '../core/values';
import { getRoomRegistry } from './collab/room-registry';
import { AppError, invalidInput } from './errors';
import { evaluateInRoom, inRoom } from './workbook-cells';
import type { Requester } from './workbook-access';
import { requireRole } from './workbooks';
import type { TaskResults } from './evaluation/evaluation-tasks';

function tooMany(what: string, limit: number): AppError {
	return new AppError(413, 'too_many_overrides', `At most ${limit} ${what} per request.`);
}

/** Validates a list of `{ ref, input }` (numbers and booleans are taken as typed text). */
export function readOverrideList(value: unknown, field: string): OverrideInput[] {
	if (value === undefined || value === null) return [];
	if (!Array.isArray(value))
		throw invalidInput(`${field} must be a list of { ref, input }.`, field);
	if (value.length > MAX_OVERRIDES) throw tooMany('overrides', MAX_OVERRIDES);
	return value.map((entry: unknown, index) => {
		const item = entry as { ref?: unknown; input?: unknown } | null;
		if (typeof item !== 'object' || item === null || typeof item.ref !== 'string') {
			throw invalidInput(`${field}[${index}] needs a ref such as "B3" or a defined name.`, field);
		}
		const input = item.input;
		if (input === null || input === undefined) return { ref: item.ref, input: '' };
		if (typeof input === 'number' && Number.isFinite(input))
			return { ref: item.ref, input: String(input) };
		if (typeof input === 'boolean') return { ref: item.ref, input: input ? 'TRUE' : 'FALSE' };
		if (typeof input !== 'string')
			throw invalidInput(`${field}[${index}].input must be text.`, field);
		return { ref: item.ref, input };
	});
}

function readRefList(value: unknown, field: string): string[] {
	if (value === undefined || value === null) return [];
	if (!Array.isArray(value) || value.some((ref) => typeof ref !== 'string')) {
		throw invalidInput(`${field} must be a list of refs such as "B3".`, field);
	}
	if (value.length > MAX_OVERRIDES) throw tooMany('refs to clear', MAX_OVERRIDES);
	return value as string[];
}

function readName(value: unknown, required: boolean): string | undefined {
	if (value === undefined && !required) return undefined;
	if (typeof value !== 'string') throw invalidInput('Give the scenario a name.', 'name');
	return value;
}

/** Scenario name conflicts are 409 (the core's `name_conflict`); other core errors as usual. */
async function mutateScenarios<T>(
	userId: string,
	workbookId: string,
	change: (doc: import('yjs').Doc) => T
): Promise<T> {
	try {
		return await inRoom(() => getRoomRegistry().mutate(workbookId, userId, change));
	} catch (error) {
		if (error instanceof AppError && error.code === 'name_conflict') {
			throw new AppError(409, error.code, error.message, 'name');
		}
		throw error;
	}
}

/** Every scenario of the workbook (viewers and links too). */
export async function listWorkbookScenarios(
	who: Requester,
	workbookId: string
): Promise<ScenarioReading[]> {
	await requireRole(who, workbookId, 'viewer');
	return inRoom(() => getRoomRegistry().read(workbookId, readScenarios));
}

/** Creates a scenario `{ name, overrides?, from? }` (owners and editors). */
export async function createWorkbookScenario(
	userId: string,
	workbookId: string,
	body: Record<string, unknown>
): Promise<ScenarioReading> {
	const name = readName(body.name, true)!;
	const overrides = readOverrideList(body.overrides, 'overrides');
	if (body.from !== undefined && body.from !== null && typeof body.from !== 'string') {
		throw invalidInput('from must be the id of a scenario.', 'from');
	}
	const from = (body.from as string | null | undefined) ?? null;
	await requireRole(userId, workbookId, 'editor');
	return mutateScenarios(userId, workbookId, (doc) =>
		createScenarioFromRequest(doc, { name, overrides, from }, userId)
	);
}

/** Changes a scenario `{ name?, set?, clear? }` atomically (owners and editors). */
export async function patchWorkbookScenario(
	userId: string,
	workbookId: string,
	scenarioId: string,
	body: Record<string, unknown>
): Promise<ScenarioReading> {
	const name = readName(body.name, false);
	const set = readOverrideList(body.set, 'set');
	const clear = readRefList(body.clear, 'clear');
	if (set.length + clear.length > MAX_OVERRIDES) throw tooMany('overrides', MAX_OVERRIDES);
	await requireRole(userId, workbookId, 'editor');
	return mutateScenarios(userId, workbookId, (doc) =>
		patchScenarioFromRequest(doc, scenarioId, { name, set, clear })
	);
}

/** Deletes a scenario (owners and editors); 404 when there is none. */
export async function deleteWorkbookScenario(
	userId: string,
	workbookId: string,
	scenarioId: string
): Promise<void> {
	await requireRole(userId, workbookId, 'editor');
	await mutateScenarios(userId, workbookId, (doc) => deleteScenario(doc, scenarioId));
}

/** Writes a scenario's overrides into the base as one change (owners and editors). */
export async function applyWorkbookScenario(
	userId: string,
	workbookId: string,
	scenarioId: string
): Promise<ScenarioReading> {
	await requireRole(userId, workbookId, 'editor');
	return mutateScenarios(userId, workbookId, (doc) => {
		applyScenario(doc, scenarioId);
		return readScenario(doc, requireScenario(doc, scenarioId));
	});
}

/** Splits a comma-separated query parameter (null when absent or empty). */
function splitList(value: string | null): string[] | null {
	if (value === null || value.trim() === '') return null;
	return value
		.split(',')
		.map((part) => part.trim())
		.filter((part) => part !== '');
}

/** Compares outputs (`names`, default the key outputs) across the base and every scenario. */
export async function compareWorkbookScenarios(
	who: Requester,
	workbookId: string,
	names: string | null
): Promise<TaskResults['compare']> {
	await requireRole(who, workbookId, 'viewer');
	const list = splitList(names);
	if (list && list.length > MAX_OUTPUTS) {
		throw new AppError(413, 'limit_exceeded', `At most ${MAX_OUTPUTS} outputs at once.`);
	}
	return evaluateInRoom(workbookId, { kind: 'compare', names: list });
}

/** Reads a number as a person types it (`0.05`, `5%`, `1,250`); 400 naming `field` otherwise. */
function readNumber(text: string, field: string): number {
	const parsed = parseInput(text.trim());
	if (parsed.kind !== 'number') throw invalidInput(`"${text}" is not a number.`, field);
	return parsed.value;
}

/**
 * The values of a sensitivity table: a list (`0.05,0.06,0.07`) or a range `start:end:step`
 * (`5%:8%:0.5%`), at most MAX_SENSITIVITY_VALUES of them (413 beyond).
 */
export function readSensitivityValues(text: string | null): number[] {
	if (!text || text.trim() === '') {
		throw invalidInput('Give values such as 0.05,0.06,0.07 or 5%:8%:0.5%.', 'values');
	}
	if (text.includes(':')) {
		const parts = text.split(':');
		if (parts.length !== 3) throw invalidInput('A range of values is start:end:step.', 'values');
		const [start, end, step] = parts.map((part) => readNumber(part, 'values'));
		if (!(step > 0) || end < start) {
			throw invalidInput('A range needs start ≤ end and a step above 0.', 'values');
		}
		const count = Math.floor((end - start) / step + 1e-9) + 1;
		if (count > MAX_SENSITIVITY_VALUES) {
			throw new AppError(413, 'limit_exceeded', `At most ${MAX_SENSITIVITY_VALUES} values.`);
		}
		// Each value from start and an integer count of steps, rounded to shed binary noise.
		return Array.from({ length: count }, (_, i) => Number((start + i * step).toPrecision(12)));
	}
	const values = splitList(text) ?? [];
	if (values.length > MAX_SENSITIVITY_VALUES) {
		throw new AppError(413, 'limit_exceeded', `At most ${MAX_SENSITIVITY_VALUES} values.`);
	}
	return values.map((value) => readNumber(value, 'values'));
}

/** A sensitivity table: `outputs` at each of `values` of `input` (from `scenario` or the base). */
export async function workbookSensitivity(
	who: Requester,
	workbookId: string,
	query: URLSearchParams
): Promise<TaskResults['sensitivity']> {
	await requireRole(who, workbookId, 'viewer');
	const input = query.get('input');
	if (!input) throw invalidInput('Give the input, a defined name such as InterestRate.', 'input');
	const values = readSensitivityValues(query.get('values'));
	const outputs = splitList(query.get('outputs'));
	if (!outputs) throw invalidInput('Give one or more outputs such as DSCR.', 'outputs');
	if (outputs.length > MAX_OUTPUTS) {
		throw new AppError(413, 'limit_exceeded', `At most ${MAX_OUTPUTS} outputs at once.`);
	}
	return evaluateInRoom(workbookId, {
		kind: 'sensitivity',
		input,
		values,
		outputs,
		scenario: query.get('scenario')
	});
}

/** Goal seek: the value of `input` that makes `output` equal `target` (422 when none). */
export async function workbookGoalSeek(
	who: Requester,
	workbookId: string,
	query: URLSearchParams
): Promise<TaskResults['goalSeek']> {
	await requireRole(who, workbookId, 'viewer');
	const input = query.get('input');
	const output = query.get('output');
	const target = query.get('target');
	if (!input) throw invalidInput('Give the input, a defined name such as MonthlyRent.', 'input');
	if (!output) throw invalidInput('Give the output, a defined name such as DSCR.', 'output');
	if (target === null) throw invalidInput('Give the target value of the output.', 'target');
	const min = query.get('min');
	const max = query.get('max');
	try {
		return await evaluateInRoom(workbookId, {
			kind: 'goalSeek',
			input,
			output,
			target: readNumber(target, 'target'),
			min: min === null ? undefined : readNumber(min, 'min'),
			max: max === null ? undefined : readNumber(max, 'max'),
			scenario: query.get('scenario')
		});
	} catch (error) {
		if (error instanceof WorkbookError) throw new AppError(400, error.code, error.message);
		throw error;
	}
}
