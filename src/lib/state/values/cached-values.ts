/**
 * Computed values remembered from the last time a large workbook was open on this device, so it
 * paints at once on the next open instead of after the evaluator worker rebuilt every formula.
 *
 * A cached value is shown only for exactly the document it was computed from: the cache holds
 * the document's Yjs snapshot (state vector and delete set, which together identify the content)
 * and the app version, and both must match the loaded document. Workbooks using volatile
 * functions (NOW, TODAY, RAND…) are never cached, since their values change by themselves.
 */
import { isStoredFormula } from '$lib/core/document-schema';
import * as Y from 'yjs';
import { isFormulaInput, namesMap, splitCellKey } from '$lib/core/document';
import { listSheetEntries } from '$lib/core/document-view';
import type { CellResult } from '$lib/core/evaluator';
import type { StoredFormula } from '$lib/core/formula-refs';

/** `[sheetId:rowId:colId, value, errorCode?, errorMessage?]`: one formula cell's value. */
export type ValueEntry = [string, CellResult['value'], string?, string?];

/** The values of every formula cell of one document state, as kept on the device. */
export interface CachedValues {
	appVersion: string;
	/** {@link documentFingerprint} of the document the values were computed from. */
	fingerprint: Uint8Array;
	entries: ValueEntry[];
}

/** Bytes that identify a document's content: its encoded snapshot (state vector + deletions). */
export function documentFingerprint(doc: Y.Doc): Uint8Array {
	return Y.encodeSnapshot(Y.snapshot(doc));
}

/**
 * The cached entries if `cached` was computed by this app version from exactly the content of
 * `doc`, else null (no cache, another version, or a document that changed since).
 */
export function matchingCachedEntries(
	cached: CachedValues | null | undefined,
	doc: Y.Doc,
	appVersion: string
): ValueEntry[] | null {
	if (!cached || cached.appVersion !== appVersion) return null;
	return sameBytes(cached.fingerprint, documentFingerprint(doc)) ? cached.entries : null;
}

/** The entry for the cell under `key` (`sheetId:rowId:colId`) computed as `result`. */
export function toValueEntry(key: string, result: CellResult): ValueEntry {
	return [key, result.value, result.error?.code, result.error?.message];
}

/** Converts an entry back to the cell's computed value. */
export function entryToResult([, value, code, message]: ValueEntry): CellResult {
	return code ? { value, error: { code, message: message ?? code } } : { value };
}

/** Whether any formula or defined name of `doc` calls one of `volatileNames` (upper case). */
export function usesVolatileFunctions(doc: Y.Doc, volatileNames: ReadonlySet<string>): boolean {
	const calls = (formula: StoredFormula) =>
		isStoredFormula(formula) &&
		formula.parts.some((part) => {
			for (const match of part.matchAll(/([A-Za-z_][\w.]*)\s*\(/g)) {
				if (volatileNames.has(match[1].toUpperCase())) return true;
			}
			return false;
		});
	for (const sheet of listSheetEntries(doc)) {
		for (const input of sheet.cells.values()) {
			if (isFormulaInput(input) && calls(input.f)) return true;
		}
	}
	for (const stored of namesMap(doc).values()) {
		if (stored?.expr && calls(stored.expr)) return true;
	}
	return false;
}

/** Every formula cell of `doc` with its value as `valueOf` computes it. */
export function collectFormulaEntries(
	doc: Y.Doc,
	valueOf: (sheetId: string, rowId: string, colId: string) => CellResult
): ValueEntry[] {
	const entries: ValueEntry[] = [];
	for (const sheet of listSheetEntries(doc)) {
		sheet.cells.forEach((input, key) => {
			if (!isFormulaInput(input)) return;
			const { rowId, colId } = splitCellKey(key);
			entries.push(toValueEntry(`${sheet.id}:${key}`, valueOf(sheet.id, rowId, colId)));
		});
	}
	return entries;
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
	if (a.length !== b.length) return false;
	for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
	return true;
}
