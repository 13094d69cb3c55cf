/**
 * What differs between two states of a workbook, cell by cell: by sheet id and cell identity
 * (`rowId:colId`), so a cell that moved is the same cell. Shared by the server (changes,
 * restore) and the browser (restoring a version through the person's undo manager).
 */
import type * as Y from 'yjs';
import { formatCellAddress } from './addresses';
import type { CellInput } from './document';
import { axisOf, listSheetEntries, sheetById, type SheetEntry } from './document-view';
import { storedInputText } from './workbook-api';

/** A cell that differs between two documents (by identity). */
export interface CellDifference {
	sheetId: string;
	sheet: string;
	ref: string;
	cellKey: string;
	before: string;
	after: string;
	/** The input as stored in `after`'s document (null when empty): what a restore writes. */
	afterInput: CellInput | null;
	/** Where the cell is in `from`'s document (null when its row or column is gone there). */
	fromRef: string | null;
}

/**
 * Every cell input that differs from `from` to `to`, by sheet id and cell identity, addressed
 * where it is in `to` (or in `from` for a cell whose row or column is gone). `only` limits it to
 * one sheet and (optionally) a set of its cell keys.
 */
export function diffDocuments(
	from: Y.Doc,
	to: Y.Doc,
	only?: { sheetId: string; keys?: Set<string> }
): CellDifference[] {
	const differences: CellDifference[] = [];
	const sheetIds = new Set([...listSheetEntries(to), ...listSheetEntries(from)].map((s) => s.id));
	for (const sheetId of sheetIds) {
		if (only && only.sheetId !== sheetId) continue;
		const a = sheetById(from, sheetId);
		const b = sheetById(to, sheetId);
		const keys = new Set([...(a?.cells.keys() ?? []), ...(b?.cells.keys() ?? [])]);
		for (const cellKey of keys) {
			if (only?.keys && !only.keys.has(cellKey)) continue;
			const before = a ? storedInputText(from, a, cellKey, a.cells.get(cellKey)) : '';
			const after = b ? storedInputText(to, b, cellKey, b.cells.get(cellKey)) : '';
			if (before === after) continue;
			const fromRef = a ? addressOf(from, a, cellKey) : null;
			const ref = (b && addressOf(to, b, cellKey)) ?? fromRef;
			if (!ref) continue;
			differences.push({
				sheetId,
				sheet: (b ?? a)!.name,
				ref,
				cellKey,
				before,
				after,
				afterInput: (b?.cells.get(cellKey) as CellInput | undefined) ?? null,
				fromRef
			});
		}
	}
	return differences;
}

function addressOf(doc: Y.Doc, sheet: SheetEntry, cellKey: string): string | null {
	const colon = cellKey.indexOf(':');
	const row = axisOf(doc, sheet, 'rows').indexOf.get(cellKey.slice(0, colon));
	const col = axisOf(doc, sheet, 'cols').indexOf.get(cellKey.slice(colon + 1));
	return row === undefined || col === undefined ? null : formatCellAddress({ row, col });
}
