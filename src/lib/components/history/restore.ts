/**
 * Restoring a version in the editor: its cell inputs are written over the live document in one
 * transaction with the person's own origin, so everyone sees it live and the person's undo
 * (Ctrl+Z) takes it back. Cells whose row or column no longer exists stay as they are.
 */
import type * as Y from 'yjs';
import { cellKey, type CellInput } from '$lib/core/document';
import { axisOf, sheetById } from '$lib/core/document-view';
import { diffDocuments } from '$lib/core/version-diff';
import type { WorkbookSession } from '$lib/state/workbook-session.svelte';

/** Which cells to restore: one sheet's (by id), optionally only some of its cells. */
export interface RestoreScope {
	sheetId: string;
	keys?: Set<string>;
}

/** The cell keys of a rectangle of `sheetId` as `doc` lays it out (0-based bounds). */
export function keysInBounds(
	doc: Y.Doc,
	sheetId: string,
	bounds: { top: number; bottom: number; left: number; right: number }
): Set<string> {
	const sheet = sheetById(doc, sheetId);
	const keys = new Set<string>();
	if (!sheet) return keys;
	const rows = axisOf(doc, sheet, 'rows').ids;
	const cols = axisOf(doc, sheet, 'cols').ids;
	for (let r = bounds.top; r <= bounds.bottom; r++) {
		for (let c = bounds.left; c <= bounds.right; c++) {
			if (rows[r] && cols[c]) keys.add(cellKey(rows[r], cols[c]));
		}
	}
	return keys;
}

/** Writes `version`'s inputs (all, or `scope`'s) into the live session; returns how many. */
export function restoreIntoSession(
	live: WorkbookSession,
	version: Y.Doc,
	scope?: RestoreScope
): number {
	const writable = diffDocuments(live.doc, version, scope).filter((d) => d.fromRef !== null);
	if (writable.length === 0) return 0;
	live.doc.transact(() => {
		for (const difference of writable) {
			const sheet = sheetById(live.doc, difference.sheetId);
			if (!sheet) continue;
			if (difference.afterInput === null) sheet.cells.delete(difference.cellKey);
			else sheet.cells.set(difference.cellKey, structuredClone(difference.afterInput) as CellInput);
		}
	}, live.origin);
	return writable.length;
}
