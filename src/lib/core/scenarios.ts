/**
 * Scenarios: named what-if branches of a workbook, stored in the `scenarios` root (schema in
 * `document.ts`). A scenario is a set of overrides — input cells whose value differs from the
 * base — keyed by cell identity; every other cell reads through to the base, so a later base
 * edit flows into every scenario that does not override that cell.
 *
 * Operations validate everything first (typed errors, document untouched) and then write in one
 * transaction with the caller's origin, like the other operations. Overrides are values only
 * (typing a formula is refused): a scenario changes assumptions and the base keeps the model.
 */
import * as Y from 'yjs';
import { formatCellAddress, parseCellAddress } from './addresses';
import { cellKey, scenariosMap, splitCellKey } from './document';
import { checkOverrideValue, MAX_SCENARIO_NAME } from './document-schema';
import { axisOf, sheetById, type SheetEntry } from './document-view';
import {
	InvalidAddressError,
	InvalidNameError,
	InvalidOperationError,
	LimitExceededError,
	NameConflictError,
	UnknownScenarioError
} from './errors';
import { createId } from './ids';
import {
	prepareInput,
	requireSheetById,
	resolveRange,
	transact,
	type Origin
} from './operations/shared';

/** Most scenarios one workbook may hold. */
export const MAX_SCENARIOS = 100;
/** Most overrides one scenario may hold (and one request may write). */
export const MAX_OVERRIDES = 500;

/** A value an override holds (see `document.ts`). */
export type OverrideValue = number | boolean | string;

/** Overrides in force, by sheet id then by cell key (`rowId:colId`): what evaluators overlay. */
export type Overlay = Map<string, Map<string, OverrideValue>>;

/** A scenario as readers see it. */
export interface ScenarioEntry {
	id: string;
	name: string;
	createdBy: string;
	createdAt: number;
	updatedAt: number;
	map: Y.Map<unknown>;
	overrides: Y.Map<OverrideValue>;
}

/** One override on a live cell: where it is now and what it holds. */
export interface OverrideCell {
	sheetId: string;
	rowId: string;
	colId: string;
	row: number;
	col: number;
	value: OverrideValue;
}

/** A cell of a sheet by A1 address, as the operations take it. */
export interface CellTarget {
	sheetId: string;
	address: string;
}

/** Key of an override: the sheet id and the cell key (see `document.ts`). */
export function overrideKey(sheetId: string, rowId: string, colId: string): string {
	return `${sheetId}!${cellKey(rowId, colId)}`;
}

/** Splits an override key; null for a malformed one. */
export function splitOverrideKey(
	key: string
): { sheetId: string; rowId: string; colId: string } | null {
	const bang = key.indexOf('!');
	if (bang <= 0 || key.indexOf(':', bang) < 0) return null;
	return { sheetId: key.slice(0, bang), ...splitCellKey(key.slice(bang + 1)) };
}

function toEntry(id: string, map: Y.Map<unknown>): ScenarioEntry | null {
	const overrides = map.get('overrides');
	const name = map.get('name');
	if (!(overrides instanceof Y.Map) || typeof name !== 'string') return null;
	const number = (key: string) => {
		const value = map.get(key);
		return typeof value === 'number' && Number.isFinite(value) ? value : 0;
	};
	const createdBy = map.get('createdBy');
	return {
		id,
		name,
		createdBy: typeof createdBy === 'string' ? createdBy : '',
		createdAt: number('createdAt'),
		updatedAt: number('updatedAt'),
		map,
		overrides: overrides as Y.Map<OverrideValue>
	};
}

/** The workbook's scenarios in order (by creation time, then id); malformed entries skipped. */
export function listScenarios(doc: Y.Doc): ScenarioEntry[] {
	const list: ScenarioEntry[] = [];
	scenariosMap(doc).forEach((map, id) => {
		const entry = map instanceof Y.Map ? toEntry(id, map) : null;
		if (entry) list.push(entry);
	});
	return list.sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** The scenario with this id, or undefined. */
export function scenarioById(doc: Y.Doc, id: string): ScenarioEntry | undefined {
	const map = scenariosMap(doc).get(id);
	return map instanceof Y.Map ? (toEntry(id, map) ?? undefined) : undefined;
}

/** The scenario with this id; throws {@link UnknownScenarioError} when there is none. */
export function requireScenario(doc: Y.Doc, id: string): ScenarioEntry {
	const entry = scenarioById(doc, id);
	if (!entry) throw new UnknownScenarioError(id);
	return entry;
}

/**
 * The scenario's overrides on cells that still exist (live sheet, row and column), in sheet
 * order then position; malformed stored values are skipped.
 */
export function listOverrideCells(doc: Y.Doc, scenario: ScenarioEntry): OverrideCell[] {
	const cells: OverrideCell[] = [];
	scenario.overrides.forEach((value, key) => {
		const parts = splitOverrideKey(key);
		const sheet = parts ? sheetById(doc, parts.sheetId) : undefined;
		if (!parts || !sheet || checkOverrideValue(value) !== null) return;
		const row = axisOf(doc, sheet, 'rows').indexOf.get(parts.rowId);
		const col = axisOf(doc, sheet, 'cols').indexOf.get(parts.colId);
		if (row === undefined || col === undefined) return;
		cells.push({ ...parts, row, col, value });
	});
	return cells.sort((a, b) => a.sheetId.localeCompare(b.sheetId) || a.row - b.row || a.col - b.col);
}

/** The overrides of scenario `id` as an {@link Overlay}; empty for the base (null) or unknown. */
export function scenarioOverlay(doc: Y.Doc, id: string | null): Overlay {
	const overlay: Overlay = new Map();
	const scenario = id === null ? undefined : scenarioById(doc, id);
	if (!scenario) return overlay;
	for (const cell of listOverrideCells(doc, scenario)) {
		let sheet = overlay.get(cell.sheetId);
		if (!sheet) overlay.set(cell.sheetId, (sheet = new Map()));
		sheet.set(cellKey(cell.rowId, cell.colId), cell.value);
	}
	return overlay;
}

/** Checks a scenario name (trimmed, 1–100 characters, unique ignoring case); returns it. */
export function validateScenarioName(doc: Y.Doc, name: string, exceptId?: string): string {
	const trimmed = typeof name === 'string' ? name.trim() : '';
	if (trimmed === '' || trimmed.length > MAX_SCENARIO_NAME) {
		throw new InvalidNameError(
			String(name),
			`a scenario name has 1–${MAX_SCENARIO_NAME} characters`
		);
	}
	const lower = trimmed.toLowerCase();
	for (const scenario of listScenarios(doc)) {
		if (scenario.id !== exceptId && scenario.name.toLowerCase() === lower) {
			throw new NameConflictError(trimmed, 'scenario');
		}
	}
	return trimmed;
}

/** A checked override write: where, and the value (undefined clears it). */
interface PlannedOverride {
	sheet: SheetEntry;
	row: number;
	col: number;
	value: OverrideValue | undefined;
}

/**
 * Reads what a person typed as an override of a cell: a value, or empty text to clear it.
 * Refuses formulas. A cell that holds a formula in the base may be overridden: the scenario pins
 * its value (a rent the Units sheet would sum, say), as Excel's Scenario Manager does.
 */
function planOverride(doc: Y.Doc, { sheetId, address }: CellTarget, text: string): PlannedOverride {
	const sheet = requireSheetById(doc, sheetId);
	const { row, col } = parseCellAddress(address);
	resolveRange(doc, sheet, address);
	if (
		row >= axisOf(doc, sheet, 'rows').ids.length ||
		col >= axisOf(doc, sheet, 'cols').ids.length
	) {
		throw new InvalidAddressError(`${sheet.name}!${address}`, 'is outside the sheet');
	}
	const prepared = prepareInput(doc, sheetId, text);
	if (prepared.kind === 'formula') {
		throw new InvalidOperationError(
			'an override is a value (a number, a date, a percent, text); formulas stay in the base'
		);
	}
	if (prepared.kind === 'empty') return { sheet, row, col, value: undefined };
	return { sheet, row, col, value: prepared.value };
}

/**
 * Writes planned overrides (inside a transaction). Only the scenario changes: a typed percent
 * shows with the base cell's format, so the base is never edited from inside a scenario.
 */
function writeOverrides(doc: Y.Doc, scenario: ScenarioEntry, plans: PlannedOverride[]): void {
	for (const plan of plans) {
		const rowId = axisOf(doc, plan.sheet, 'rows').ids[plan.row];
		const colId = axisOf(doc, plan.sheet, 'cols').ids[plan.col];
		if (!rowId || !colId) continue;
		const key = overrideKey(plan.sheet.id, rowId, colId);
		if (plan.value === undefined) scenario.overrides.delete(key);
		else scenario.overrides.set(key, plan.value);
	}
	scenario.map.set('updatedAt', Date.now());
}

function checkOverrideCount(scenario: ScenarioEntry | null, plans: PlannedOverride[]): void {
	if (plans.length > MAX_OVERRIDES) {
		throw new LimitExceededError(`one change may set at most ${MAX_OVERRIDES} overrides`);
	}
	const existing = scenario ? scenario.overrides.size : 0;
	const added = plans.filter((plan) => plan.value !== undefined).length;
	if (existing + added > MAX_OVERRIDES) {
		throw new LimitExceededError(`a scenario holds at most ${MAX_OVERRIDES} overrides`);
	}
}

/**
 * Creates a scenario named `name` (by user `createdBy`), optionally starting as a copy of the
 * overrides of scenario `from`, then with `overrides` (typed texts) on top. Returns its id.
 */
export function createScenario(
	doc: Y.Doc,
	options: {
		name: string;
		createdBy?: string;
		from?: string | null;
		overrides?: { target: CellTarget; text: string }[];
	},
	origin?: Origin
): string {
	const name = validateScenarioName(doc, options.name);
	if (listScenarios(doc).length >= MAX_SCENARIOS) {
		throw new LimitExceededError(`a workbook holds at most ${MAX_SCENARIOS} scenarios`);
	}
	const source = options.from ? requireScenario(doc, options.from) : null;
	const plans = (options.overrides ?? []).map(({ target, text }) =>
		planOverride(doc, target, text)
	);
	checkOverrideCount(source, plans);
	const id = createId(doc);
	const now = Date.now();
	transact(doc, origin, () => {
		const map = new Y.Map<unknown>();
		map.set('name', name);
		map.set('createdBy', options.createdBy ?? '');
		map.set('createdAt', now);
		map.set('updatedAt', now);
		const overrides = new Y.Map<OverrideValue>();
		if (source) {
			source.overrides.forEach((value, key) => {
				if (checkOverrideValue(value) === null) overrides.set(key, value);
			});
		}
		map.set('overrides', overrides);
		scenariosMap(doc).set(id, map);
		writeOverrides(doc, requireScenario(doc, id), plans);
	});
	return id;
}

/** Duplicates scenario `id` under `name`; returns the new id. */
export function duplicateScenario(
	doc: Y.Doc,
	id: string,
	name: string,
	createdBy?: string,
	origin?: Origin
): string {
	return createScenario(doc, { name, createdBy, from: id }, origin);
}

/** Renames scenario `id`. */
export function renameScenario(doc: Y.Doc, id: string, name: string, origin?: Origin): void {
	const scenario = requireScenario(doc, id);
	const checked = validateScenarioName(doc, name, id);
	transact(doc, origin, () => {
		scenario.map.set('name', checked);
		scenario.map.set('updatedAt', Date.now());
	});
}

/** Deletes scenario `id` (the base is untouched). */
export function deleteScenario(doc: Y.Doc, id: string, origin?: Origin): void {
	requireScenario(doc, id);
	transact(doc, origin, () => scenariosMap(doc).delete(id));
}

/**
 * Sets overrides of scenario `id` from typed texts (empty text clears one), all or nothing: if
 * any target or text is refused, nothing is written.
 */
export function setOverrides(
	doc: Y.Doc,
	id: string,
	updates: { target: CellTarget; text: string }[],
	origin?: Origin
): void {
	const scenario = requireScenario(doc, id);
	const plans = updates.map(({ target, text }) => planOverride(doc, target, text));
	checkOverrideCount(scenario, plans);
	transact(doc, origin, () => writeOverrides(doc, scenario, plans));
}

/** Removes overrides of scenario `id` ("Reset to base"); cells without one are ignored. */
export function clearOverrides(
	doc: Y.Doc,
	id: string,
	targets: CellTarget[],
	origin?: Origin
): void {
	const scenario = requireScenario(doc, id);
	const keys = targets.map(({ sheetId, address }) => {
		const sheet = requireSheetById(doc, sheetId);
		const { row, col } = parseCellAddress(address);
		resolveRange(doc, sheet, address);
		const rowId = axisOf(doc, sheet, 'rows').ids[row];
		const colId = axisOf(doc, sheet, 'cols').ids[col];
		return rowId && colId ? overrideKey(sheetId, rowId, colId) : '';
	});
	if (keys.length > MAX_OVERRIDES) {
		throw new LimitExceededError(`one change may clear at most ${MAX_OVERRIDES} overrides`);
	}
	transact(doc, origin, () => {
		for (const key of keys) if (key && scenario.overrides.has(key)) scenario.overrides.delete(key);
		scenario.map.set('updatedAt', Date.now());
	});
}

/**
 * Applies scenario `id` to the base: every live override is written into its base cell, in one
 * transaction (one undo step for the person who applies it); a base formula an override pins is
 * replaced by the value, as Excel's Show does. The scenario is kept as it was: its
 * overrides now equal the base, and it still holds them if the base moves on.
 */
export function applyScenario(doc: Y.Doc, id: string, origin?: Origin): void {
	const scenario = requireScenario(doc, id);
	const cells = listOverrideCells(doc, scenario);
	transact(doc, origin, () => {
		for (const cell of cells) {
			sheetById(doc, cell.sheetId)?.cells.set(cellKey(cell.rowId, cell.colId), cell.value);
		}
	});
}

/** The A1 address of an override cell on its sheet. */
export function overrideAddress(cell: OverrideCell): string {
	return formatCellAddress({ row: cell.row, col: cell.col });
}
