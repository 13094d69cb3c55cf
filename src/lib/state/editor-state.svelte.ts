/**
 * The editing state of the open sheet: which sheet, the selection, the cell being edited and
 * its text (shared by the in-cell editor and the formula bar), and "pointing" — the reference a
 * click or an arrow key writes into a formula being typed.
 */
import { formatCellAddress } from '$lib/core/addresses';
import { cellKey } from '$lib/core/document';
import { axisOf, sheetById } from '$lib/core/document-view';
import { inputText } from '$lib/editor/cell-display';
import { canInsertReference, closeOpenParentheses } from '$lib/editor/formula-text';
import {
	boundsToA1,
	cellSelection,
	selectionBounds,
	type CellPos,
	type Limits,
	type Selection
} from '$lib/editor/selection';
import { insertLinesAt, typeIntoCell } from './workbook-commands';
import type { WorkbookSession } from './workbook-session.svelte';

/** How the cell is being edited: typing replaced it (arrows commit) or F2 (arrows move caret). */
export type EditMode = 'enter' | 'edit';

/** The cell being edited. */
export interface EditTarget {
	pos: CellPos;
	mode: EditMode;
	/** Which input has the caret. */
	source: 'cell' | 'bar';
}

/** Editing state of one open workbook tab. */
export class EditorState {
	sheetId = $state('');
	selection = $state.raw<Selection>(cellSelection({ row: 0, col: 0 }));
	editing = $state.raw<EditTarget | null>(null);
	text = $state('');
	caret = $state(0);
	/** Text span and cells of the reference being pointed at, while pointing. */
	pointing = $state.raw<{ start: number; end: number; selection: Selection } | null>(null);
	/**
	 * A run of Tabs: the column it started in and the cell the last Tab reached. Enter from that
	 * cell goes to the next row in the start column, as in Sheets, so typed rows stay aligned.
	 */
	private tabRun: { startCol: number; at: CellPos } | null = null;

	constructor(readonly session: WorkbookSession) {}

	/** Rows and columns of the shown sheet (what movement is clamped to). */
	limits(): Limits {
		const sheet = sheetById(this.session.doc, this.sheetId);
		if (!sheet) return { rows: 1, cols: 1 };
		return {
			rows: axisOf(this.session.doc, sheet, 'rows').ids.length,
			cols: axisOf(this.session.doc, sheet, 'cols').ids.length
		};
	}

	/** The stored input of a cell as editable text. */
	inputAt(pos: CellPos): string {
		const doc = this.session.doc;
		const sheet = sheetById(doc, this.sheetId);
		if (!sheet) return '';
		const rowId = axisOf(doc, sheet, 'rows').ids[pos.row];
		const colId = axisOf(doc, sheet, 'cols').ids[pos.col];
		if (rowId === undefined || colId === undefined) return '';
		const key = cellKey(rowId, colId);
		return inputText(doc, sheet.id, sheet.cells.get(key), sheet.formats.get(key));
	}

	/** True when the cell is bold (the toolbar's and Ctrl+B's toggle state). */
	isBold(pos: CellPos): boolean {
		const doc = this.session.doc;
		const sheet = sheetById(doc, this.sheetId);
		if (!sheet) return false;
		const rowId = axisOf(doc, sheet, 'rows').ids[pos.row];
		const colId = axisOf(doc, sheet, 'cols').ids[pos.col];
		return rowId !== undefined && sheet.styles.get(cellKey(rowId, colId))?.bold === true;
	}

	/** The number format of a cell, if any. */
	formatAt(pos: CellPos): string | undefined {
		const doc = this.session.doc;
		const sheet = sheetById(doc, this.sheetId);
		if (!sheet) return undefined;
		const rowId = axisOf(doc, sheet, 'rows').ids[pos.row];
		const colId = axisOf(doc, sheet, 'cols').ids[pos.col];
		return rowId === undefined ? undefined : sheet.formats.get(cellKey(rowId, colId));
	}

	/** True when the cell has an input (for Ctrl+arrow jumps). */
	isFilled(pos: CellPos): boolean {
		const doc = this.session.doc;
		const sheet = sheetById(doc, this.sheetId);
		if (!sheet) return false;
		const rowId = axisOf(doc, sheet, 'rows').ids[pos.row];
		const colId = axisOf(doc, sheet, 'cols').ids[pos.col];
		return rowId !== undefined && colId !== undefined && sheet.cells.has(cellKey(rowId, colId));
	}

	/** Selects a cell or range (and stops editing elsewhere). */
	select(selection: Selection): void {
		this.selection = selection;
		this.publishCursor();
	}

	/** Tells the others where this person is. */
	publishCursor(): void {
		const bounds = selectionBounds(this.selection);
		this.session.setCursor({
			sheetId: this.sheetId,
			ref: formatCellAddress(this.selection.anchor),
			range: boundsToA1(bounds)
		});
	}

	/** Starts editing the active cell: with `initial` text (typing) or its current input. */
	startEdit(mode: EditMode, initial?: string, source: EditTarget['source'] = 'cell'): boolean {
		if (this.session.readOnly) return false;
		const pos = this.selection.anchor;
		this.text = initial ?? this.inputAt(pos);
		this.caret = this.text.length;
		this.pointing = null;
		this.editing = { pos, mode, source };
		return true;
	}

	/** Stops editing without saving. */
	cancelEdit(): void {
		this.editing = null;
		this.pointing = null;
	}

	/** Saves the edited text; false (still editing) when the entry was refused. */
	commitEdit(): boolean {
		const target = this.editing;
		if (!target) return true;
		this.text = closeOpenParentheses(this.text);
		const unchanged = this.text === this.inputAt(target.pos);
		if (!unchanged && !typeIntoCell(this.session, this.sheetId, target.pos, this.text)) {
			return false;
		}
		this.editing = null;
		this.pointing = null;
		return true;
	}

	/** Moves one cell right (or left) with Tab from `from`, remembering where the Tabs began. */
	tabFrom(from: CellPos, backward: boolean): void {
		const run = this.tabRun && samePos(this.tabRun.at, from) ? this.tabRun : null;
		const limits = this.limits();
		const at = {
			row: from.row,
			col: Math.max(0, Math.min(limits.cols - 1, from.col + (backward ? -1 : 1)))
		};
		this.select(cellSelection(at));
		this.tabRun = { startCol: run?.startCol ?? from.col, at };
	}

	/**
	 * Moves one row down (or up) with Enter from `from`: to the column the Tabs started in when
	 * `from` ends a run of Tabs, else straight down.
	 */
	enterFrom(from: CellPos, backward: boolean): void {
		const run = this.tabRun && samePos(this.tabRun.at, from) ? this.tabRun : null;
		this.tabRun = null;
		if (!backward) this.growBelow(from.row);
		const limits = this.limits();
		this.select(
			cellSelection({
				row: Math.max(0, Math.min(limits.rows - 1, from.row + (backward ? -1 : 1))),
				col: backward ? from.col : (run?.startCol ?? from.col)
			})
		);
	}

	/** Adds a row at the end of the sheet when `row` is its last (editors only), as Enter needs. */
	growBelow(row: number): void {
		if (this.session.readOnly) return;
		const rows = this.limits().rows;
		if (row === rows - 1) insertLinesAt(this.session, this.sheetId, 'rows', rows, 1);
	}

	/** True when a click or arrow key should write a reference into the formula being typed. */
	canPoint(): boolean {
		if (!this.editing) return false;
		if (this.pointing && this.pointing.end === this.caret) return true;
		return canInsertReference(this.text, this.caret);
	}

	/** Writes (or replaces) the pointed reference with `selection`'s range. */
	pointAt(selection: Selection): void {
		const ref = boundsToA1(selectionBounds(selection));
		const start =
			this.pointing && this.pointing.end === this.caret ? this.pointing.start : this.caret;
		const end = this.pointing && this.pointing.end === this.caret ? this.pointing.end : this.caret;
		this.text = this.text.slice(0, start) + ref + this.text.slice(end);
		this.caret = start + ref.length;
		this.pointing = { start, end: this.caret, selection };
	}

	/** The cell or range currently pointed at, or the edited cell when none. */
	pointedSelection(): Selection {
		return this.pointing?.selection ?? cellSelection(this.editing?.pos ?? this.selection.anchor);
	}
}

function samePos(a: CellPos, b: CellPos): boolean {
	return a.row === b.row && a.col === b.col;
}
