/**
 * Read model of a workbook document: sheets in order with de-duplicated names, the effective
 * order of each sheet's rows and columns (tombstones and duplicate ids removed), and the
 * effective defined names. Results are cached per Y.Doc and invalidated before any observer
 * runs for a transaction that touched them, so observers and readers always see fresh data.
 * Operations that read back their own writes inside a transaction call {@link invalidateView}.
 */
import * as Y from 'yjs';
import {
	MAX_GRID_COLS,
	MAX_GRID_ROWS,
	namesMap,
	sheetHandle,
	sheetsMap,
	type SheetHandle,
	type StoredName
} from './document';
import { checkDefinedName, checkSheetName } from './document-schema';
import { LimitExceededError, UnknownSheetError } from './errors';
import type { ReferenceContext } from './formula-refs';
import { createIds } from './ids';

/** A sheet as people see it: handle, effective (unique) name and position key. */
export interface SheetEntry extends SheetHandle {
	name: string;
	position: string;
}

/** The effective order of one axis: ids by index and index by id. */
export interface Axis {
	ids: string[];
	indexOf: Map<string, number>;
}

/** A defined name that is in effect (duplicates from concurrent edits removed). */
export interface NameEntry extends StoredName {
	id: string;
}

interface ViewCache {
	sheets?: { list: SheetEntry[]; byId: Map<string, SheetEntry>; byName: Map<string, SheetEntry> };
	names?: { list: NameEntry[]; byId: Map<string, NameEntry>; byName: Map<string, NameEntry> };
	axes: WeakMap<object, Axis>;
	context?: ReferenceContext;
}

const caches = new WeakMap<Y.Doc, ViewCache>();

function cacheOf(doc: Y.Doc): ViewCache {
	let cache = caches.get(doc);
	if (!cache) {
		const created: ViewCache = { axes: new WeakMap() };
		cache = created;
		caches.set(doc, created);
		doc.on('beforeObserverCalls', (transaction: Y.Transaction) => {
			const sheets = sheetsMap(doc);
			for (const type of transaction.changed.keys()) {
				if ((type as unknown) === sheets || (type.parent as unknown) === sheets)
					created.sheets = undefined;
				else if ((type as unknown) === namesMap(doc)) created.names = undefined;
				created.axes.delete(type);
				if (type instanceof Y.Map && type.parent?.parent === sheets) {
					const owner = type.parent as Y.Map<unknown>;
					if (owner.get('deletedRows') === type)
						created.axes.delete(owner.get('rows') as Y.Array<string>);
					if (owner.get('deletedCols') === type)
						created.axes.delete(owner.get('cols') as Y.Array<string>);
				}
			}
		});
	}
	return cache;
}

/** Drops every cached view of `doc`; operations call it after structural writes. */
export function invalidateView(doc: Y.Doc): void {
	const cache = cacheOf(doc);
	cache.sheets = undefined;
	cache.names = undefined;
	cache.axes = new WeakMap();
}

function sheetIndex(doc: Y.Doc): NonNullable<ViewCache['sheets']> {
	const cache = cacheOf(doc);
	if (cache.sheets) return cache.sheets;
	const raw: SheetEntry[] = [];
	sheetsMap(doc).forEach((map, id) => {
		if (!(map instanceof Y.Map) || !(map.get('rows') instanceof Y.Array)) return;
		const stored = map.get('name');
		// A malformed stored name reads as "Sheet" (made unique below), never as an exception.
		const name = checkSheetName(stored) === null ? (stored as string) : 'Sheet';
		raw.push({ ...sheetHandle(id, map), name, position: String(map.get('position') ?? '') });
	});
	raw.sort((x, y) =>
		x.position < y.position ? -1 : x.position > y.position ? 1 : x.id < y.id ? -1 : 1
	);
	const byName = new Map<string, SheetEntry>();
	const byId = new Map<string, SheetEntry>();
	for (const entry of raw) {
		let name = entry.name;
		for (let n = 2; byName.has(name.toLowerCase()); n++) name = `${entry.name} (${n})`;
		entry.name = name;
		byName.set(name.toLowerCase(), entry);
		byId.set(entry.id, entry);
	}
	cache.sheets = { list: raw, byId, byName };
	return cache.sheets;
}

/** Sheets in display order with unique effective names. */
export function listSheetEntries(doc: Y.Doc): SheetEntry[] {
	return sheetIndex(doc).list;
}

/** The sheet with this id, or undefined. */
export function sheetById(doc: Y.Doc, id: string): SheetEntry | undefined {
	return sheetIndex(doc).byId.get(id);
}

/** The sheet with this name (case-insensitive), or undefined. */
export function sheetByName(doc: Y.Doc, name: string): SheetEntry | undefined {
	return sheetIndex(doc).byName.get(name.trim().toLowerCase());
}

/** The sheet with this name; throws {@link UnknownSheetError} when there is none. */
export function requireSheet(doc: Y.Doc, name: string): SheetEntry {
	const sheet = sheetByName(doc, name);
	if (!sheet) throw new UnknownSheetError(name);
	return sheet;
}

/** Effective order of a sheet's rows or columns (first occurrence wins, tombstones dropped). */
export function axisOf(doc: Y.Doc, sheet: SheetHandle, which: 'rows' | 'cols'): Axis {
	const array = which === 'rows' ? sheet.rows : sheet.cols;
	const cache = cacheOf(doc);
	const cached = cache.axes.get(array);
	if (cached) return cached;
	const tombstones = which === 'rows' ? sheet.deletedRows : sheet.deletedCols;
	const ids: string[] = [];
	const indexOf = new Map<string, number>();
	const hasTombstones = tombstones.size > 0;
	for (const id of array.toArray()) {
		if (indexOf.has(id) || (hasTombstones && tombstones.has(id))) continue;
		indexOf.set(id, ids.length);
		ids.push(id);
	}
	const axis = { ids, indexOf };
	cache.axes.set(array, axis);
	return axis;
}

/**
 * Makes sure a sheet has at least `rowCount` rows and `colCount` columns, appending new ids.
 * Must run inside a transaction; throws {@link LimitExceededError} past the grid limits.
 */
export function ensureGridSize(
	doc: Y.Doc,
	sheet: SheetHandle,
	rowCount: number,
	colCount: number
): void {
	if (rowCount > MAX_GRID_ROWS) {
		throw new LimitExceededError(`a sheet can have at most ${MAX_GRID_ROWS} rows`);
	}
	if (colCount > MAX_GRID_COLS) {
		throw new LimitExceededError(`a sheet can have at most ${MAX_GRID_COLS} columns`);
	}
	const rows = axisOf(doc, sheet, 'rows').ids.length;
	const cols = axisOf(doc, sheet, 'cols').ids.length;
	if (rowCount > rows) sheet.rows.push(createIds(doc, rowCount - rows));
	if (colCount > cols) sheet.cols.push(createIds(doc, colCount - cols));
	if (rowCount > rows || colCount > cols) invalidateView(doc);
}

function nameIndex(doc: Y.Doc): NonNullable<ViewCache['names']> {
	const cache = cacheOf(doc);
	if (cache.names) return cache.names;
	const all: NameEntry[] = [];
	namesMap(doc).forEach((value, id) => {
		// A malformed entry is not in effect: formulas using its id show #NAME?.
		if (checkDefinedName(value) === null) all.push({ ...value, id });
	});
	all.sort((x, y) => (x.id < y.id ? -1 : 1));
	const byName = new Map<string, NameEntry>();
	const byId = new Map<string, NameEntry>();
	for (const entry of all) {
		if (byName.has(entry.name.toLowerCase())) continue;
		byName.set(entry.name.toLowerCase(), entry);
		byId.set(entry.id, entry);
	}
	const list = [...byName.values()].sort((x, y) => x.name.localeCompare(y.name));
	cache.names = { list, byId, byName };
	return cache.names;
}

/** Defined names in effect, sorted by name. */
export function listNameEntries(doc: Y.Doc): NameEntry[] {
	return nameIndex(doc).list;
}

/** The defined name with this text (case-insensitive), or undefined. */
export function nameByText(doc: Y.Doc, name: string): NameEntry | undefined {
	return nameIndex(doc).byName.get(name.trim().toLowerCase());
}

/** The defined name with this id if it is in effect, or undefined. */
export function nameById(doc: Y.Doc, id: string): NameEntry | undefined {
	return nameIndex(doc).byId.get(id);
}

/**
 * The {@link ReferenceContext} of a document. `rowIdAt`/`colIdAt` grow the grid when asked
 * past its extent, so call them only inside a transaction.
 */
export function referenceContext(doc: Y.Doc): ReferenceContext {
	// The context holds no state of its own (every lookup goes through the cached views), so one
	// per document serves every caller; the grid renders thousands of formulas with it.
	const cache = cacheOf(doc);
	cache.context ??= createReferenceContext(doc);
	return cache.context;
}

function createReferenceContext(doc: Y.Doc): ReferenceContext {
	const axis = (sheetId: string, which: 'rows' | 'cols'): Axis | undefined => {
		const sheet = sheetById(doc, sheetId);
		return sheet ? axisOf(doc, sheet, which) : undefined;
	};
	const idAt = (sheetId: string, which: 'rows' | 'cols', index: number): string => {
		const sheet = sheetById(doc, sheetId);
		if (!sheet) throw new UnknownSheetError(sheetId);
		let ids = axisOf(doc, sheet, which).ids;
		if (index >= ids.length) {
			const otherCount = axisOf(doc, sheet, which === 'rows' ? 'cols' : 'rows').ids.length;
			if (which === 'rows') ensureGridSize(doc, sheet, index + 1, otherCount);
			else ensureGridSize(doc, sheet, otherCount, index + 1);
			ids = axisOf(doc, sheet, which).ids;
		}
		return ids[index];
	};
	return {
		sheetName: (id) => sheetById(doc, id)?.name,
		sheetIdByName: (name) => sheetByName(doc, name)?.id,
		rowIndex: (sheetId, rowId) => axis(sheetId, 'rows')?.indexOf.get(rowId) ?? -1,
		colIndex: (sheetId, colId) => axis(sheetId, 'cols')?.indexOf.get(colId) ?? -1,
		rowIdAt: (sheetId, index) => idAt(sheetId, 'rows', index),
		colIdAt: (sheetId, index) => idAt(sheetId, 'cols', index),
		definedName: (id) => nameById(doc, id)?.name,
		definedNameId: (name) => nameByText(doc, name)?.id
	};
}
