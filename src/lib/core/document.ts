/**
 * The workbook document: one Y.Doc per workbook. This comment is the schema (version 2); every
 * reader and writer goes through this module and `operations/`.
 *
 * Version 2 adds the `scenarios` root. A version-1 document is a version-2 document without
 * scenarios, so nothing is migrated: `ensureMeta` only raises `schemaVersion`.
 *
 * Root types
 * - `meta`   Y.Map: `schemaVersion` (2), `currency` ('USD' by default).
 * - `sheets` Y.Map<sheetId, Y.Map> — one entry per sheet (deleting a sheet deletes its entry):
 *   - `name` string as typed; `position` fractional key (see `ids.ts`). Order is by
 *     (position, id), so a concurrent reorder is last-writer-wins on one key and can never
 *     duplicate or lose a sheet. Concurrently created sheets may share a name: readers show the
 *     later one (by order) as `Name (2)` so names stay unique for people and HyperFormula.
 *   - `rows`, `cols` Y.Array<string> of row / column ids in order. A move is delete + insert of
 *     the same id, so concurrent moves may leave an id twice: readers keep its first occurrence.
 *   - `deletedRows`, `deletedCols` Y.Map<id, 1>: tombstones. An id there is gone for good, even
 *     if a concurrent move re-inserted it, so a move can never resurrect a deleted row.
 *   - `cells` Y.Map<"rowId:colId", CellInput>: what the person typed — a number (dates are
 *     Excel serials), a boolean, a string (text), or `{ f: StoredFormula }` (see
 *     `formula-refs.ts`). Empty cells have no entry. Cells of deleted rows/columns are removed;
 *     any that arrive concurrently are ignored by readers.
 *   - `formats` Y.Map<"rowId:colId", string>: number formats (`0.00`, `yyyy-mm-dd`, `0%`).
 *   - `styles` Y.Map<"rowId:colId", CellStyle>: optional styles such as bold.
 *   - `colWidths` Y.Map<colId, number>: column widths in pixels.
 * - `names`  Y.Map<nameId, { name, expr: StoredFormula }>: workbook-level defined names. If two
 *   replicas define the same name concurrently, the entry with the smaller id wins.
 * - `charts` Y.Map<chartId, Y.Map>: charts (type, title, ranges bound like formulas); schema in
 *   `charts.ts`.
 * - `scenarios` Y.Map<scenarioId, Y.Map>: what-if branches of the workbook (see `scenarios.ts`):
 *   - `name` string (1–100 characters); `createdBy` user id ('' when unknown); `createdAt`,
 *     `updatedAt` epoch milliseconds. Order is by (createdAt, id).
 *   - `overrides` Y.Map<"sheetId!rowId:colId", number | boolean | string>: input cells whose
 *     value differs from the base in this scenario, keyed by cell identity, so inserting or
 *     moving rows keeps an override on its cell. Values only, never formulas. Overrides of
 *     deleted sheets, rows or columns are ignored by readers. Concurrent edits of one override
 *     are last-writer-wins on its key; every other cell reads through to the base.
 *
 * Other root names are not part of the workbook: nothing reads them.
 *
 * `document-schema.ts` states these shapes as checks (with their length limits), which the
 * server applies to every update from a socket or the API before storing it; readers still
 * tolerate malformed values stored before (a malformed formula reads as `#VALUE!`).
 *
 * Every sheet has a logical grid extent: the ids in `rows` / `cols` (100 × 26 by default).
 * Writing or referring beyond it materialises more ids, up to {@link MAX_GRID_ROWS} ×
 * {@link MAX_GRID_COLS}.
 */
import * as Y from 'yjs';
import type { StoredFormula } from './formula-refs';

/** The schema version this module reads and writes. */
export const SCHEMA_VERSION = 2;
/** Rows a new sheet starts with. */
export const DEFAULT_ROWS = 100;
/** Columns a new sheet starts with (A–Z). */
export const DEFAULT_COLS = 26;
/** Most rows a sheet may materialise (keeps one request from exhausting memory). */
export const MAX_GRID_ROWS = 200_000;
/** Most columns a sheet may materialise. */
export const MAX_GRID_COLS = 2_000;
/** Origin used for transactions when the caller passes none. */
export const DEFAULT_ORIGIN = 'investflow-core';

/** What a person typed into a cell, as stored. */
export type CellInput = number | boolean | string | { f: StoredFormula };

/** Optional presentation of a cell. */
export interface CellStyle {
	bold?: boolean;
}

/** A defined name as stored. */
export interface StoredName {
	name: string;
	expr: StoredFormula;
}

/** Typed access to one sheet's Yjs types. */
export interface SheetHandle {
	id: string;
	map: Y.Map<unknown>;
	rows: Y.Array<string>;
	cols: Y.Array<string>;
	deletedRows: Y.Map<1>;
	deletedCols: Y.Map<1>;
	cells: Y.Map<CellInput>;
	formats: Y.Map<string>;
	styles: Y.Map<CellStyle>;
	colWidths: Y.Map<number>;
}

/** The root `sheets` map. */
export function sheetsMap(doc: Y.Doc): Y.Map<Y.Map<unknown>> {
	return doc.getMap('sheets');
}

/** The root `names` map. */
export function namesMap(doc: Y.Doc): Y.Map<StoredName> {
	return doc.getMap('names');
}

/** The root `meta` map. */
export function metaMap(doc: Y.Doc): Y.Map<unknown> {
	return doc.getMap('meta');
}

/** The root `charts` map (see `charts.ts`). */
export function chartsMap(doc: Y.Doc): Y.Map<unknown> {
	return doc.getMap('charts');
}

/** The root `scenarios` map (see `scenarios.ts`). */
export function scenariosMap(doc: Y.Doc): Y.Map<Y.Map<unknown>> {
	return doc.getMap('scenarios');
}

/** Key of a cell in `cells`, `formats` and `styles`. */
export function cellKey(rowId: string, colId: string): string {
	return `${rowId}:${colId}`;
}

/** Splits a cell key back into its row and column ids. */
export function splitCellKey(key: string): { rowId: string; colId: string } {
	const colon = key.indexOf(':');
	return { rowId: key.slice(0, colon), colId: key.slice(colon + 1) };
}

/** Wraps a sheet's Y.Map in typed accessors. */
export function sheetHandle(id: string, map: Y.Map<unknown>): SheetHandle {
	return {
		id,
		map,
		rows: map.get('rows') as Y.Array<string>,
		cols: map.get('cols') as Y.Array<string>,
		deletedRows: map.get('deletedRows') as Y.Map<1>,
		deletedCols: map.get('deletedCols') as Y.Map<1>,
		cells: map.get('cells') as Y.Map<CellInput>,
		formats: map.get('formats') as Y.Map<string>,
		styles: map.get('styles') as Y.Map<CellStyle>,
		colWidths: map.get('colWidths') as Y.Map<number>
	};
}

/** Builds the Y.Map of a new sheet (not yet attached to a document). */
export function createSheetMap(
	name: string,
	position: string,
	rowIds: string[],
	colIds: string[]
): Y.Map<unknown> {
	const map = new Y.Map<unknown>();
	map.set('name', name);
	map.set('position', position);
	const rows = new Y.Array<string>();
	rows.push(rowIds);
	const cols = new Y.Array<string>();
	cols.push(colIds);
	map.set('rows', rows);
	map.set('cols', cols);
	for (const key of ['deletedRows', 'deletedCols', 'cells', 'formats', 'styles', 'colWidths']) {
		map.set(key, new Y.Map());
	}
	return map;
}

/** True when a cell input is a formula. */
export function isFormulaInput(input: CellInput | undefined): input is { f: StoredFormula } {
	return typeof input === 'object' && input !== null;
}

/** Writes `meta` defaults if absent (idempotent; safe on every replica). */
export function ensureMeta(doc: Y.Doc): void {
	const meta = metaMap(doc);
	const version = meta.get('schemaVersion');
	if (typeof version !== 'number' || version < SCHEMA_VERSION) {
		meta.set('schemaVersion', SCHEMA_VERSION);
	}
	if (!meta.has('currency')) meta.set('currency', 'USD');
	chartsMap(doc);
}
