/**
 * The fill handle and Ctrl+D / Ctrl+R on the document: reads the source cells, plans the fill
 * with {@link planFill} (series or copies, as Google Sheets fills) and writes the plan in one
 * transaction, so one undo takes the whole fill back.
 */
import type * as Y from 'yjs';
import { cellKey, isFormulaInput, type CellInput } from './document';
import { axisOf, ensureGridSize, referenceContext } from './document-view';
import { InvalidOperationError, LimitExceededError } from './errors';
import { planFill, type FillBounds, type FillSourceCell } from './fill-series';
import { renderFormula, storeFormula } from './formula-refs';
import { MAX_PASTE_CELLS } from './operations/cells';
import { requireSheetById, resolveRange, transactCells, type Origin } from './operations/shared';

/** Whether a number format shows a date (day, month or year parts outside quotes). */
function isDateFormat(format: string | undefined): boolean {
	if (!format) return false;
	return /[dmy]/i.test(format.replace(/"[^"]*"|\[[^\]]*\]|\\./g, ''));
}

function sourceCell(input: CellInput | undefined, format: string | undefined): FillSourceCell {
	if (input === undefined) return { kind: 'empty' };
	if (isFormulaInput(input)) return { kind: 'formula' };
	if (typeof input === 'number')
		return { kind: 'number', value: input, isDate: isDateFormat(format) };
	if (typeof input === 'string') return { kind: 'text', value: input };
	return { kind: 'boolean' };
}

/** How {@link fillCells} fills. */
export interface FillOptions {
	/** Copy the source as it is, never a series: Ctrl+D and Ctrl+R in Sheets. */
	copyOnly?: boolean;
}

/**
 * Fills `targetRange` from `sourceRange` (both A1 on sheet `sheetId`; the target must extend the
 * source down, up, right or left). Cells of the target outside the source get a series or copies
 * with their number format and style (see `fill-series.ts`); formulas move as a copy moves them.
 * Writes no cell outside the target and, as one transaction, undoes in one step.
 *
 * @throws InvalidOperationError when the target does not extend the source in one direction;
 *   LimitExceededError past {@link MAX_PASTE_CELLS} cells; address errors past the grid.
 */
export function fillCells(
	doc: Y.Doc,
	sheetId: string,
	sourceRange: string,
	targetRange: string,
	origin?: Origin,
	options: FillOptions = {}
): void {
	const sheet = requireSheetById(doc, sheetId);
	const source: FillBounds = resolveRange(doc, sheet, sourceRange);
	const target: FillBounds = resolveRange(doc, sheet, targetRange);
	const cells = (target.bottom - target.top + 1) * (target.right - target.left + 1);
	if (cells > MAX_PASTE_CELLS) {
		throw new LimitExceededError(`a fill can cover at most ${MAX_PASTE_CELLS} cells`);
	}
	const rows = axisOf(doc, sheet, 'rows').ids;
	const cols = axisOf(doc, sheet, 'cols').ids;
	const keyAt = (row: number, col: number) =>
		rows[row] && cols[col] ? cellKey(rows[row], cols[col]) : undefined;
	const read = (row: number, col: number) => {
		const key = keyAt(row, col);
		return sourceCell(
			key ? sheet.cells.get(key) : undefined,
			key ? sheet.formats.get(key) : undefined
		);
	};
	const plan = planFill(source, target, read, options.copyOnly);
	if (plan.length === 0) {
		throw new InvalidOperationError('a fill extends its cells down, up, right or left');
	}
	const context = referenceContext(doc);
	transactCells(doc, origin, () => {
		ensureGridSize(
			doc,
			sheet,
			Math.max(target.bottom + 1, rows.length),
			Math.max(target.right + 1, cols.length)
		);
		const rowIds = axisOf(doc, sheet, 'rows').ids;
		const colIds = axisOf(doc, sheet, 'cols').ids;
		for (const write of plan) {
			const fromKey = cellKey(rowIds[write.sourceRow], colIds[write.sourceCol]);
			const toKey = cellKey(rowIds[write.row], colIds[write.col]);
			const input = sheet.cells.get(fromKey);
			let next: CellInput | undefined = write.value ?? input;
			if (write.value === undefined && isFormulaInput(input)) {
				const text = renderFormula(input.f, sheetId, context, {
					rowOffset: write.row - write.sourceRow,
					colOffset: write.col - write.sourceCol
				});
				next = { f: storeFormula(text, sheetId, context) };
			}
			if (next === undefined) sheet.cells.delete(toKey);
			else sheet.cells.set(toKey, next);
			const format = sheet.formats.get(fromKey);
			if (format === undefined) sheet.formats.delete(toKey);
			else sheet.formats.set(toKey, format);
			const style = sheet.styles.get(fromKey);
			if (style === undefined) sheet.styles.delete(toKey);
			else sheet.styles.set(toKey, { ...style });
		}
	});
}
