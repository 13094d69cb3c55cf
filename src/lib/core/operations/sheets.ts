/**
 * Sheet operations: add, rename, delete, reorder. Order is a fractional `position` per sheet
 * (last-writer-wins), so concurrent reorders never duplicate or lose a sheet; formulas refer to
 * sheets by id, so renaming needs no formula rewrite.
 */
import type * as Y from 'yjs';
import {
	DEFAULT_COLS,
	DEFAULT_ROWS,
	MAX_GRID_COLS,
	MAX_GRID_ROWS,
	createSheetMap,
	sheetsMap
} from '../document';
import { listSheetEntries, sheetByName } from '../document-view';
import { InvalidNameError, LastSheetError, LimitExceededError, NameConflictError } from '../errors';
import { createId, createIds, positionBetween } from '../ids';
import { requireSheetById, transact, type Origin } from './shared';

/** Longest sheet name Excel accepts. */
export const MAX_SHEET_NAME_LENGTH = 31;

/**
 * Checks a sheet name as Excel does (1–31 characters, none of `: \ / ? * [ ]`, no leading or
 * trailing apostrophe) and that no other sheet has it; returns the trimmed name.
 */
export function validateSheetName(doc: Y.Doc, name: string, exceptSheetId?: string): string {
	const trimmed = typeof name === 'string' ? name.trim() : '';
	if (trimmed === '') throw new InvalidNameError(String(name), 'a sheet name cannot be empty');
	if (trimmed.length > MAX_SHEET_NAME_LENGTH) {
		throw new InvalidNameError(
			trimmed,
			`a sheet name has at most ${MAX_SHEET_NAME_LENGTH} characters`
		);
	}
	if (/[:\\/?*[\]]/.test(trimmed)) {
		throw new InvalidNameError(trimmed, 'a sheet name cannot contain : \\ / ? * [ or ]');
	}
	if (trimmed.startsWith("'") || trimmed.endsWith("'")) {
		throw new InvalidNameError(trimmed, 'a sheet name cannot start or end with an apostrophe');
	}
	const existing = sheetByName(doc, trimmed);
	if (existing && existing.id !== exceptSheetId) throw new NameConflictError(trimmed, 'sheet');
	return trimmed;
}

/** Options for {@link addSheet}: logical size and where it goes (default: last). */
export interface AddSheetOptions {
	rows?: number;
	cols?: number;
	index?: number;
}

/** Adds a sheet with a logical grid of `rows` × `cols` (100 × 26 by default); returns its id. */
export function addSheet(
	doc: Y.Doc,
	name: string,
	options: AddSheetOptions = {},
	origin?: Origin
): string {
	const finalName = validateSheetName(doc, name);
	const rows = options.rows ?? DEFAULT_ROWS;
	const cols = options.cols ?? DEFAULT_COLS;
	if (!Number.isInteger(rows) || !Number.isInteger(cols) || rows < 1 || cols < 1) {
		throw new LimitExceededError('a sheet needs at least one row and one column');
	}
	if (rows > MAX_GRID_ROWS || cols > MAX_GRID_COLS) {
		throw new LimitExceededError(
			`a sheet can have at most ${MAX_GRID_ROWS} rows and ${MAX_GRID_COLS} columns`
		);
	}
	const sheets = listSheetEntries(doc);
	const index = Math.min(Math.max(options.index ?? sheets.length, 0), sheets.length);
	const position = positionBetween(sheets[index - 1]?.position, sheets[index]?.position);
	const id = createId(doc);
	transact(doc, origin, () => {
		sheetsMap(doc).set(
			id,
			createSheetMap(finalName, position, createIds(doc, rows), createIds(doc, cols))
		);
	});
	return id;
}

/** Renames a sheet; every formula that mentions it shows the new name. */
export function renameSheet(doc: Y.Doc, sheetId: string, name: string, origin?: Origin): void {
	const sheet = requireSheetById(doc, sheetId);
	const finalName = validateSheetName(doc, name, sheetId);
	transact(doc, origin, () => sheet.map.set('name', finalName));
}

/** Deletes a sheet; references to it become `#REF!`. The last sheet cannot be deleted. */
export function deleteSheet(doc: Y.Doc, sheetId: string, origin?: Origin): void {
	requireSheetById(doc, sheetId);
	if (listSheetEntries(doc).length <= 1) throw new LastSheetError();
	transact(doc, origin, () => sheetsMap(doc).delete(sheetId));
}

/** Moves a sheet to zero-based `index` among the sheets (clamped to the ends). */
export function moveSheet(doc: Y.Doc, sheetId: string, index: number, origin?: Origin): void {
	requireSheetById(doc, sheetId);
	const others = listSheetEntries(doc).filter((sheet) => sheet.id !== sheetId);
	const at = Math.min(Math.max(Math.trunc(index), 0), others.length);
	const before = others[at - 1]?.position;
	let after: string | undefined = others[at]?.position;
	// Equal keys (from concurrent inserts) leave no room between them: go just after `before`.
	if (before !== undefined && after !== undefined && before >= after) after = undefined;
	const position = positionBetween(before, after);
	const sheet = requireSheetById(doc, sheetId);
	transact(doc, origin, () => sheet.map.set('position', position));
}
