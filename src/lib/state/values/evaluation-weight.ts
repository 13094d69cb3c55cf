/**
 * How heavy a workbook is to evaluate, in cells: what decides whether its values are computed on
 * the main thread or in the evaluator worker (see session-values.ts).
 */
import type * as Y from 'yjs';
import { isFormulaInput } from '$lib/core/document';
import { listSheetEntries } from '$lib/core/document-view';
import type { StoredFormula } from '$lib/core/formula-refs';

/**
 * What one whole-column reference (`A:A`) in a formula weighs. The engine recalculates such a
 * formula over the sheet's whole height whenever anything in the column moves, so a few hundred
 * of them (a forecast's totals) cost as much per keystroke as a very large sheet: they belong in
 * the worker, where a slow recalculation never stops typing.
 */
export const WHOLE_COLUMN_REFERENCE_WEIGHT = 100;

/** Whole-column references in `formula` (a range end without a row). */
function wholeColumnReferences(formula: StoredFormula): number {
	let count = 0;
	for (const ref of formula.refs) {
		if ('a' in ref && ref.a.r === undefined && ref.a.c !== undefined) count++;
	}
	return count;
}

/** The cells of `doc`, plus {@link WHOLE_COLUMN_REFERENCE_WEIGHT} per whole-column reference. */
export function evaluationWeight(doc: Y.Doc): number {
	let weight = 0;
	for (const sheet of listSheetEntries(doc)) {
		weight += sheet.cells.size;
		for (const input of sheet.cells.values()) {
			if (isFormulaInput(input) && Array.isArray(input.f?.refs)) {
				weight += WHOLE_COLUMN_REFERENCE_WEIGHT * wholeColumnReferences(input.f);
			}
		}
	}
	return weight;
}
