/**
 * Reads of a version on an evaluation worker: its cells, names and charts as they were (each
 * version's document and evaluator are cached like a workbook's replica: a version never
 * changes), and the differences between two states. Each task carries its documents' bytes.
 */
import type * as Y from 'yjs';
import { requireSheet } from '../../core/document-view';
import { cellKey } from '../../core/document';
import { axisOf } from '../../core/document-view';
import { resolveRange } from '../../core/operations/shared';
import { checkReadSize } from '../../core/limits';
import { diffDocuments, type CellDifference } from '../../core/version-diff';
import { buildDocument } from './history-tasks';

/** A read (as the live endpoints answer it) of version `versionId`, whose chain is `parts`. */
export interface VersionReadTask {
	kind: 'version-read';
	versionId: string;
	parts: Uint8Array[];
	read:
		| { kind: 'cells'; sheet: string | null; range: string }
		| { kind: 'names' }
		| {
				kind: 'charts';
		  };
}

/**
 * The cell inputs that differ from the state `from` makes to the one `to` makes; `scope` limits
 * them to a range of a sheet (named as `from` has it).
 */
export interface VersionDiffTask {
	kind: 'version-diff';
	from: Uint8Array[];
	to: Uint8Array[];
	scope?: { sheet: string; range?: string };
}

/** The documents of `from` and `to`, diffed (destroyed afterwards). */
export function diffStates(task: VersionDiffTask): CellDifference[] {
	const from = buildDocument(task.from);
	const to = buildDocument(task.to);
	try {
		return diffDocuments(from, to, task.scope && scopeKeys(from, task.scope));
	} finally {
		from.destroy();
		to.destroy();
	}
}

/** The sheet id and cell keys of `scope` in `doc` (core errors for a bad sheet or range). */
function scopeKeys(
	doc: Y.Doc,
	scope: { sheet: string; range?: string }
): { sheetId: string; keys?: Set<string> } {
	const sheet = requireSheet(doc, scope.sheet);
	if (scope.range === undefined) return { sheetId: sheet.id };
	const bounds = resolveRange(doc, sheet, scope.range);
	checkReadSize(bounds);
	const rows = axisOf(doc, sheet, 'rows').ids;
	const cols = axisOf(doc, sheet, 'cols').ids;
	const keys = new Set<string>();
	for (let r = bounds.top; r <= bounds.bottom; r++) {
		for (let c = bounds.left; c <= bounds.right; c++) {
			if (rows[r] && cols[c]) keys.add(cellKey(rows[r], cols[c]));
		}
	}
	return { sheetId: sheet.id, keys };
}
