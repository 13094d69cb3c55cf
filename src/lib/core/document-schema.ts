/**
 * The workbook document's schema (see `document.ts`) as checks on single values, so anything that
 * writes into a document from outside the core's operations — a raw Yjs update from a socket, an
 * API mutation's output — can be refused before it is stored, and readers can tell a malformed
 * stored value from a good one.
 *
 * The vocabulary: every Yjs type of the document is a *slot* (`sheets`, `sheet`, `cells`, …).
 * {@link entryRule} says what may be written at a key of a slot (or as an element of an array
 * slot): either a nested Yjs type, which becomes the named child slot, or plain values, checked
 * by a function that answers why a value is wrong (or null when it is fine). Roots not listed in
 * {@link ROOT_SLOTS} are not part of the schema.
 */
import { CHART_TYPES, MAX_CHART_SERIES, MAX_CHART_TITLE, MAX_SERIES_NAME } from './chart-spec';
import type { StoredFormula } from './formula-refs';

/** Most characters a cell's text (or a formula's text) may hold: Excel's cell limit. */
export const MAX_CELL_TEXT_LENGTH = 32_767;
/** Most characters of a sheet name as stored (Excel's limit; `sheets.ts` enforces it on rename). */
export const MAX_STORED_SHEET_NAME = 31;
/** Most characters of a defined name (Excel's limit). */
export const MAX_STORED_DEFINED_NAME = 255;
/** Most characters of a number format code (Excel's limit). */
export const MAX_FORMAT_LENGTH = 255;
/** Most characters of an id, a map key or a fractional position key. */
export const MAX_KEY_LENGTH = 256;
/** Most references one stored formula may hold. */
export const MAX_FORMULA_REFS = 8_192;
/** Most characters of a scenario name. */
export const MAX_SCENARIO_NAME = 100;
/** Widest column, in pixels. */
export const MAX_COLUMN_WIDTH = 10_000;

/** A Yjs type of the document, named by its place in the schema. */
export type SchemaSlot =
	| 'meta'
	| 'sheets'
	| 'sheet'
	| 'axis'
	| 'tombstones'
	| 'cells'
	| 'formats'
	| 'styles'
	| 'colWidths'
	| 'names'
	| 'charts'
	| 'chart'
	| 'scenarios'
	| 'scenario'
	| 'overrides';

/** The document's root types and their slots (all root types are Y.Maps). */
export const ROOT_SLOTS: Readonly<Record<string, SchemaSlot>> = {
	meta: 'meta',
	sheets: 'sheets',
	names: 'names',
	charts: 'charts',
	scenarios: 'scenarios'
};

/** Slots that are Y.Arrays (elements have no key); every other slot is a Y.Map. */
const ARRAY_SLOTS: ReadonlySet<SchemaSlot> = new Set(['axis']);

/** Why a value is wrong, or null when it fits. */
export type ValueCheck = (value: unknown) => string | null;

/** What may be written at one key of a slot. */
export type EntryRule =
	| { kind: 'type'; typeName: 'map' | 'array'; slot: SchemaSlot }
	| { kind: 'value'; check: ValueCheck };

/** The characters `validateDefinedName` (in `names.ts`) allows. */
const DEFINED_NAME_PATTERN = /^[A-Za-z_\\][A-Za-z0-9_.]*$/;

const isText = (value: unknown, max: number, min = 0): value is string =>
	typeof value === 'string' && value.length >= min && value.length <= max;

const textRule =
	(what: string, max: number, min = 0): ValueCheck =>
	(value) =>
		isText(value, max, min) ? null : `${what} must be text of ${min}–${max} characters`;

const finiteRule =
	(what: string, min: number, max: number): ValueCheck =>
	(value) =>
		typeof value === 'number' && Number.isFinite(value) && value >= min && value <= max
			? null
			: `${what} must be a number from ${min} to ${max}`;

function isRefEnd(value: unknown): boolean {
	if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
	for (const [key, field] of Object.entries(value)) {
		// Optional fields may arrive present-but-undefined (lib0 encodes `undefined`).
		if (field === undefined) continue;
		if (key === 'r' || key === 'c') {
			if (!isText(field, MAX_KEY_LENGTH, 1)) return false;
		} else if (key === 'ar' || key === 'ac') {
			if (field !== 1) return false;
		} else return false;
	}
	return true;
}

function isStoredRef(value: unknown): boolean {
	if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
	const ref = value as Record<string, unknown>;
	if ('n' in ref) return Object.keys(ref).length === 1 && isText(ref.n, MAX_KEY_LENGTH, 1);
	if (!('a' in ref)) return false;
	for (const key of Object.keys(ref)) if (key !== 's' && key !== 'a' && key !== 'b') return false;
	if (ref.s !== undefined && !isText(ref.s, MAX_KEY_LENGTH, 1)) return false;
	return isRefEnd(ref.a) && (ref.b === undefined || isRefEnd(ref.b));
}

/** True when `value` has the shape of a {@link StoredFormula} within the size limits. */
export function isStoredFormula(value: unknown): value is StoredFormula {
	if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
	const { parts, refs } = value as { parts?: unknown; refs?: unknown };
	if (Object.keys(value).length !== 2 || !Array.isArray(parts) || !Array.isArray(refs)) {
		return false;
	}
	if (refs.length > MAX_FORMULA_REFS || parts.length !== refs.length + 1) return false;
	let length = 0;
	for (const part of parts) {
		if (typeof part !== 'string') return false;
		length += part.length;
	}
	return length <= MAX_CELL_TEXT_LENGTH && refs.every(isStoredRef);
}

/** Why a stored cell input is malformed (see `CellInput` in `document.ts`), or null. */
export function checkCellInput(value: unknown): string | null {
	if (typeof value === 'number') return Number.isFinite(value) ? null : 'a number must be finite';
	if (typeof value === 'boolean') return null;
	if (typeof value === 'string') {
		return value.length <= MAX_CELL_TEXT_LENGTH
			? null
			: `a cell holds at most ${MAX_CELL_TEXT_LENGTH} characters`;
	}
	if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
		const keys = Object.keys(value);
		if (keys.length === 1 && keys[0] === 'f' && isStoredFormula((value as { f: unknown }).f)) {
			return null;
		}
	}
	return 'a cell holds a number, a boolean, text or a formula object';
}

/**
 * Why a stored scenario override is malformed, or null: a value as a cell holds one (number,
 * boolean, text), never a formula, since a scenario changes inputs and the base keeps the model.
 */
export function checkOverrideValue(value: unknown): string | null {
	if (typeof value === 'object') return 'an override is a number, a boolean or text';
	return checkCellInput(value);
}

/** The key of an override: `sheetId!rowId:colId` (see `document.ts`). */
const OVERRIDE_KEY = /^[^!:]+![^!:]+:[^!:]+$/;

function checkStyle(value: unknown): string | null {
	if (typeof value !== 'object' || value === null || Array.isArray(value)) {
		return 'a style must be an object';
	}
	for (const [key, field] of Object.entries(value)) {
		if (key !== 'bold' || typeof field !== 'boolean') return `unknown style field "${key}"`;
	}
	return null;
}

/** Why a stored sheet name is malformed (as `validateSheetName` in `sheets.ts` rules), or null. */
export function checkSheetName(value: unknown): string | null {
	if (!isText(value, MAX_STORED_SHEET_NAME, 1) || value.trim() === '') {
		return `a sheet name has 1–${MAX_STORED_SHEET_NAME} characters`;
	}
	if (/[:\\/?*[\]]/.test(value) || value.startsWith("'") || value.endsWith("'")) {
		return 'a sheet name has none of : \\ / ? * [ ] and no apostrophe at either end';
	}
	return null;
}

/** Why a stored defined name is malformed (see `names` in `document.ts`), or null. */
export function checkDefinedName(value: unknown): string | null {
	if (typeof value !== 'object' || value === null || Array.isArray(value)) {
		return 'a defined name must be { name, expr }';
	}
	const { name, expr } = value as { name?: unknown; expr?: unknown };
	if (
		Object.keys(value).length !== 2 ||
		!isText(name, MAX_STORED_DEFINED_NAME, 1) ||
		!DEFINED_NAME_PATTERN.test(name)
	) {
		return `a defined name has 1–${MAX_STORED_DEFINED_NAME} letters, digits, "_" or "."`;
	}
	return isStoredFormula(expr) ? null : 'a defined name refers to a formula object';
}

function checkSeries(value: unknown): string | null {
	if (!Array.isArray(value) || value.length > MAX_CHART_SERIES) {
		return `a chart has a list of at most ${MAX_CHART_SERIES} series`;
	}
	for (const entry of value) {
		const { name, range } = (entry ?? {}) as { name?: unknown; range?: unknown };
		if (typeof entry !== 'object' || entry === null || Object.keys(entry).length !== 2) {
			return 'a series is { name, range }';
		}
		if (!isText(name, MAX_SERIES_NAME)) return `a series name has at most ${MAX_SERIES_NAME}`;
		if (!isStoredFormula(range)) return 'a series range is a formula object';
	}
	return null;
}

const anyKey = textRule('a key', MAX_KEY_LENGTH, 1);
const position = textRule('a position', MAX_KEY_LENGTH);
const map = (slot: SchemaSlot): EntryRule => ({ kind: 'type', typeName: 'map', slot });
const value = (check: ValueCheck): EntryRule => ({ kind: 'value', check });

const SHEET_FIELDS: Record<string, EntryRule> = {
	name: value(checkSheetName),
	position: value(position),
	rows: { kind: 'type', typeName: 'array', slot: 'axis' },
	cols: { kind: 'type', typeName: 'array', slot: 'axis' },
	deletedRows: map('tombstones'),
	deletedCols: map('tombstones'),
	cells: map('cells'),
	formats: map('formats'),
	styles: map('styles'),
	colWidths: map('colWidths')
};

const CHART_FIELDS: Record<string, EntryRule> = {
	type: value((type) => (CHART_TYPES.includes(type as never) ? null : 'unknown chart type')),
	title: value(textRule('a chart title', MAX_CHART_TITLE)),
	labels: value((labels) =>
		labels === null || isStoredFormula(labels) ? null : 'chart labels are a formula object'
	),
	series: value(checkSeries),
	position: value(position),
	createdAt: value(finiteRule('createdAt', 0, Number.MAX_SAFE_INTEGER))
};

const SCENARIO_FIELDS: Record<string, EntryRule> = {
	name: value((name) =>
		isText(name, MAX_SCENARIO_NAME, 1) && name.trim() !== ''
			? null
			: `a scenario name has 1–${MAX_SCENARIO_NAME} characters`
	),
	createdBy: value(textRule('createdBy', MAX_KEY_LENGTH)),
	createdAt: value(finiteRule('createdAt', 0, Number.MAX_SAFE_INTEGER)),
	updatedAt: value(finiteRule('updatedAt', 0, Number.MAX_SAFE_INTEGER)),
	overrides: map('overrides')
};

const META_FIELDS: Record<string, EntryRule> = {
	schemaVersion: value(finiteRule('schemaVersion', 1, 1_000)),
	currency: value((code) =>
		typeof code === 'string' && /^[A-Z]{3}$/.test(code) ? null : 'a currency is a 3-letter code'
	)
};

/**
 * What may be written at `key` of `slot` (`key` is null for an array element): a rule, or a
 * sentence saying why nothing may be written there.
 */
export function entryRule(slot: SchemaSlot, key: string | null): EntryRule | string {
	const isArray = ARRAY_SLOTS.has(slot);
	if (isArray !== (key === null)) return `${slot} ${isArray ? 'is a list' : 'needs keys'}`;
	if (key !== null && anyKey(key) !== null) return `a key in ${slot} is too long`;
	switch (slot) {
		case 'meta':
			return META_FIELDS[key!] ?? `unknown field "${key}" in meta`;
		case 'sheets':
			return map('sheet');
		case 'sheet':
			return SHEET_FIELDS[key!] ?? `unknown sheet field "${key}"`;
		case 'axis':
			return value(textRule('a row or column id', MAX_KEY_LENGTH, 1));
		case 'tombstones':
			return value((mark) => (mark === 1 ? null : 'a tombstone is 1'));
		case 'cells':
			return value(checkCellInput);
		case 'formats':
			return value(textRule('a number format', MAX_FORMAT_LENGTH));
		case 'styles':
			return value(checkStyle);
		case 'colWidths':
			return value(finiteRule('a column width', 0, MAX_COLUMN_WIDTH));
		case 'names':
			return value(checkDefinedName);
		case 'charts':
			return map('chart');
		case 'chart':
			return CHART_FIELDS[key!] ?? `unknown chart field "${key}"`;
		case 'scenarios':
			return map('scenario');
		case 'scenario':
			return SCENARIO_FIELDS[key!] ?? `unknown scenario field "${key}"`;
		case 'overrides':
			return OVERRIDE_KEY.test(key!)
				? value(checkOverrideValue)
				: 'an override key is sheetId!rowId:colId';
	}
}
