/**
 * What scenario comparisons and what-if tables read and vary: outputs (a defined name, or a cell
 * as `B3` / `Sheet!B3`) and inputs (one cell, by address or one-cell defined name), resolved to
 * cell identities so a comparison reads the same cell whichever scenario an evaluator shows.
 */
import type * as Y from 'yjs';
import { splitSheetQualifier, tryParseCellAddress } from './addresses';
import { cellKey } from './document';
import { axisOf, listNameEntries, nameByText } from './document-view';
import { InvalidAddressError, LimitExceededError, UnknownNameError } from './errors';
import type { CellResult, WorkbookEvaluator } from './evaluator';
import type { Overlay, OverrideValue } from './scenarios';
import { resolveCellRef } from './workbook-api';

/** The outputs a comparison shows when none are chosen, where the workbook defines them. */
export const KEY_OUTPUTS = [
	'MonthlyPayment',
	'NOI',
	'CashFlow',
	'CapRate',
	'CashOnCash',
	'DSCR',
	'IRR'
] as const;

/** Most outputs one comparison or table may read. */
export const MAX_OUTPUTS = 50;

/** Something to read: a defined name, or one cell by identity. */
export type OutputTarget =
	| { label: string; kind: 'name'; name: string }
	| { label: string; kind: 'cell'; sheetId: string; rowId: string; colId: string };

/** One input cell by identity, as a what-if table varies it. */
export interface InputCell {
	label: string;
	sheetId: string;
	rowId: string;
	colId: string;
}

/**
 * Resolves an output: a defined name (its value; a range gives its top-left) or a cell
 * (`B3` on the first sheet, `Sheet!B3`). Throws typed errors for anything else.
 */
export function resolveOutput(doc: Y.Doc, text: string): OutputTarget {
	const label = text.trim();
	const { sheet, local } = splitSheetQualifier(label);
	if (sheet === undefined && !tryParseCellAddress(local)) {
		const entry = nameByText(doc, label);
		if (!entry) throw new UnknownNameError(label);
		return { label, kind: 'name', name: entry.name };
	}
	return { ...resolveInputCell(doc, label), kind: 'cell' };
}

/** Resolves an input cell: an A1 address (optionally sheet-qualified) or a one-cell name. */
export function resolveInputCell(doc: Y.Doc, text: string): InputCell {
	const label = text.trim();
	const { sheet: qualifier, local } = splitSheetQualifier(label);
	if (qualifier === undefined && !tryParseCellAddress(local) && !nameByText(doc, label)) {
		throw new UnknownNameError(label);
	}
	const { sheet, address } = resolveCellRef(doc, undefined, label);
	const position = tryParseCellAddress(address);
	const rowId = position ? axisOf(doc, sheet, 'rows').ids[position.row] : undefined;
	const colId = position ? axisOf(doc, sheet, 'cols').ids[position.col] : undefined;
	if (!rowId || !colId) throw new InvalidAddressError(label, 'is outside the sheet');
	return { label, sheetId: sheet.id, rowId, colId };
}

/**
 * The outputs named in `names`, or by default the {@link KEY_OUTPUTS} the workbook defines (every
 * defined name, up to {@link MAX_OUTPUTS}, when it defines none of them).
 */
export function resolveOutputs(doc: Y.Doc, names?: string[] | null): OutputTarget[] {
	if (names && names.length > MAX_OUTPUTS) {
		throw new LimitExceededError(`at most ${MAX_OUTPUTS} outputs at once`);
	}
	if (names && names.length > 0) {
		const seen = new Set<string>();
		return names
			.map((name) => resolveOutput(doc, name))
			.filter((target) => !seen.has(target.label) && Boolean(seen.add(target.label)));
	}
	const keyed = KEY_OUTPUTS.filter((name) => nameByText(doc, name)).map((name): OutputTarget => ({
		label: name,
		kind: 'name',
		name
	}));
	if (keyed.length > 0) return keyed;
	return listNameEntries(doc)
		.slice(0, MAX_OUTPUTS)
		.map((entry) => ({ label: entry.name, kind: 'name', name: entry.name }));
}

/** Reads an output from what the evaluator shows now. */
export function readOutput(evaluator: WorkbookEvaluator, target: OutputTarget): CellResult {
	if (target.kind === 'name') return evaluator.getNameValue(target.name) ?? { value: null };
	return evaluator.getValue(target.sheetId, target.rowId, target.colId);
}

/** Values and errors of outputs, keyed by label, as the API answers them. */
export interface OutputReadings {
	values: Record<string, CellResult['value']>;
	errors?: Record<string, { code: string; message: string }>;
}

/** Reads every output; errors go to `errors` (their value is the error code). */
export function readOutputs(evaluator: WorkbookEvaluator, targets: OutputTarget[]): OutputReadings {
	const readings: OutputReadings = { values: {} };
	for (const target of targets) {
		const result = readOutput(evaluator, target);
		readings.values[target.label] = result.value;
		if (result.error) (readings.errors ??= {})[target.label] = result.error;
	}
	return readings;
}

/** `overlay` with one more cell set to `value` (the maps of other sheets are shared, not copied). */
export function overlayWith(overlay: Overlay, cell: InputCell, value: OverrideValue): Overlay {
	const next: Overlay = new Map(overlay);
	const sheet = new Map(overlay.get(cell.sheetId) ?? []);
	sheet.set(cellKey(cell.rowId, cell.colId), value);
	next.set(cell.sheetId, sheet);
	return next;
}
