/**
 * Scenarios as the HTTP API speaks of them: overrides as `{ ref, input }` where `ref` is `B3`
 * (first sheet), `Sheet!B3` or a one-cell defined name and `input` is typed text. Every request
 * is checked whole before anything is written, then applied in one transaction.
 */
import type * as Y from 'yjs';
import { sheetById } from './document-view';
import { quoteSheetName } from './formula-refs';
import {
	clearOverrides,
	createScenario,
	listOverrideCells,
	listScenarios,
	overrideAddress,
	renameScenario,
	requireScenario,
	setOverrides,
	validateScenarioName,
	type CellTarget,
	type OverrideValue,
	type ScenarioEntry
} from './scenarios';
import { transact, type Origin } from './operations/shared';
import { resolveCellRef } from './workbook-api';

/** A scenario as the API lists it. */
export interface ScenarioReading {
	id: string;
	name: string;
	overrides: { ref: string; input: string }[];
	createdBy: string;
	updatedAt: string;
}

/** One override as the API receives it. */
export interface OverrideInput {
	ref: string;
	input: string;
}

function inputText(value: OverrideValue): string {
	if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
	return String(value);
}

/** A scenario as the API answers it; overrides of deleted cells are left out. */
export function readScenario(doc: Y.Doc, scenario: ScenarioEntry): ScenarioReading {
	return {
		id: scenario.id,
		name: scenario.name,
		overrides: listOverrideCells(doc, scenario).map((cell) => ({
			ref: `${quoteSheetName(sheetById(doc, cell.sheetId)!.name)}!${overrideAddress(cell)}`,
			input: inputText(cell.value)
		})),
		createdBy: scenario.createdBy,
		updatedAt: new Date(scenario.updatedAt).toISOString()
	};
}

/** Every scenario of the workbook, in order. */
export function readScenarios(doc: Y.Doc): ScenarioReading[] {
	return listScenarios(doc).map((scenario) => readScenario(doc, scenario));
}

/** Resolves an API `ref` to a cell target (throws typed errors: unknown sheet, bad address…). */
export function resolveTarget(doc: Y.Doc, ref: string): CellTarget {
	const { sheet, address } = resolveCellRef(doc, undefined, ref);
	return { sheetId: sheet.id, address };
}

/**
 * Creates a scenario from `POST …/scenarios` (`from` copies another's overrides first) by user
 * `by`; returns it as the API answers.
 */
export function createScenarioFromRequest(
	doc: Y.Doc,
	request: { name: string; overrides: OverrideInput[]; from: string | null },
	by: string,
	origin?: Origin
): ScenarioReading {
	const overrides = request.overrides.map(({ ref, input }) => ({
		target: resolveTarget(doc, ref),
		text: input
	}));
	const id = createScenario(
		doc,
		{ name: request.name, createdBy: by, from: request.from, overrides },
		origin
	);
	return readScenario(doc, requireScenario(doc, id));
}

/**
 * Applies `PATCH …/scenarios/:sid`: a new name, overrides to set (empty input clears) and refs
 * to clear, all checked before any is written, in one transaction.
 */
export function patchScenarioFromRequest(
	doc: Y.Doc,
	id: string,
	request: { name?: string; set: OverrideInput[]; clear: string[] },
	origin?: Origin
): ScenarioReading {
	requireScenario(doc, id);
	const set = request.set.map(({ ref, input }) => ({
		target: resolveTarget(doc, ref),
		text: input
	}));
	const clear = request.clear.map((ref) => resolveTarget(doc, ref));
	if (request.name !== undefined) validateScenarioName(doc, request.name, id);
	transact(doc, origin, () => {
		// setOverrides checks all its inputs before it writes, and the rest cannot fail now.
		if (set.length > 0) setOverrides(doc, id, set);
		if (clear.length > 0) clearOverrides(doc, id, clear);
		if (request.name !== undefined) renameScenario(doc, id, request.name);
	});
	return readScenario(doc, requireScenario(doc, id));
}
