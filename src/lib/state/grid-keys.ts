/**
 * Keyboard behaviour of the grid and of the cell editor, as in Google Sheets: typing replaces,
 * Enter/F2 edit, Esc cancels, Enter/Tab move after saving, arrows move (Ctrl jumps to the data
 * edge, Shift extends), Delete clears, Ctrl+Z/Y undo and redo, Ctrl+D/R fill, Ctrl+B bold,
 * Ctrl+Alt+= / Ctrl+Alt+- insert and delete rows. While a formula is being typed, arrows point
 * at cells and write their reference instead.
 */
import { moveSelection, selectionBounds, cellSelection } from '$lib/editor/selection';
import type { EditorState } from './editor-state.svelte';
import {
	clearCells,
	deleteLinesAt,
	fillRange,
	insertLinesAt,
	redo,
	styleCells,
	undo
} from './workbook-commands';

const ARROWS: Record<string, [number, number]> = {
	ArrowUp: [-1, 0],
	ArrowDown: [1, 0],
	ArrowLeft: [0, -1],
	ArrowRight: [0, 1]
};

const PAGE_ROWS = 20;

function moveActive(editor: EditorState, dRow: number, dCol: number): void {
	editor.select(moveSelection(editor.selection, dRow, dCol, {}, editor.limits()));
}

/** Handles a key pressed while the grid (not an editor) has focus; true when it was used. */
export function handleGridKey(editor: EditorState, event: KeyboardEvent): boolean {
	const session = editor.session;
	const mod = event.ctrlKey || event.metaKey;
	const key = event.key;
	const bounds = selectionBounds(editor.selection);
	if (ARROWS[key]) {
		const [dRow, dCol] = ARROWS[key];
		// Arrowing down from the last row grows the sheet, so there is always a next row to type in.
		if (key === 'ArrowDown' && !mod && !event.shiftKey)
			editor.growBelow(editor.selection.focus.row);
		editor.select(
			moveSelection(
				editor.selection,
				dRow,
				dCol,
				{ extend: event.shiftKey, jump: mod, isFilled: (pos) => editor.isFilled(pos) },
				editor.limits()
			)
		);
		return true;
	}
	if (mod && !event.altKey && key !== ' ') {
		switch (key.toLowerCase()) {
			case 'z':
				if (event.shiftKey) redo(session);
				else undo(session);
				return true;
			case 'y':
				redo(session);
				return true;
			case 'd':
				fillRange(session, editor.sheetId, bounds, 'down');
				return true;
			case 'r':
				fillRange(session, editor.sheetId, bounds, 'right');
				return true;
			case 'b': {
				const bold = editor.isBold(editor.selection.anchor);
				styleCells(session, editor.sheetId, bounds, bold ? null : { bold: true });
				return true;
			}
			case 'home':
				editor.select(cellSelection({ row: 0, col: 0 }));
				return true;
			case 'a': {
				const limits = editor.limits();
				editor.select({
					anchor: { row: 0, col: 0 },
					focus: { row: limits.rows - 1, col: limits.cols - 1 }
				});
				return true;
			}
		}
		return false;
	}
	if (mod && event.altKey && (key === '=' || key === '-')) {
		const count = bounds.bottom - bounds.top + 1;
		if (key === '=') insertLinesAt(session, editor.sheetId, 'rows', bounds.top, count);
		else deleteLinesAt(session, editor.sheetId, 'rows', bounds.top, count);
		return true;
	}
	switch (key) {
		case 'Enter':
			if (event.shiftKey) moveActive(editor, -1, 0);
			else editor.startEdit('edit');
			return true;
		case 'F2':
			editor.startEdit('edit');
			return true;
		case 'Tab':
			editor.tabFrom(editor.selection.anchor, event.shiftKey);
			return true;
		case 'Delete':
		case 'Backspace':
			clearCells(session, editor.sheetId, bounds);
			return true;
		case 'PageDown':
		case 'PageUp':
			moveActive(editor, key === 'PageDown' ? PAGE_ROWS : -PAGE_ROWS, 0);
			return true;
		case 'Home':
			editor.select(cellSelection({ row: editor.selection.anchor.row, col: 0 }));
			return true;
	}
	if (key === ' ' && (event.shiftKey || event.ctrlKey)) {
		// Shift+Space selects the row(s), Ctrl+Space the column(s), as in Sheets.
		const limits = editor.limits();
		const { anchor, focus } = editor.selection;
		editor.select(
			event.ctrlKey
				? { anchor: { row: 0, col: anchor.col }, focus: { row: limits.rows - 1, col: focus.col } }
				: { anchor: { row: anchor.row, col: 0 }, focus: { row: focus.row, col: limits.cols - 1 } }
		);
		return true;
	}
	if (key.length === 1 && !event.altKey) return editor.startEdit('enter', key);
	return false;
}

/**
 * Handles a key in the cell editor or formula bar; true when it was used (the caller then
 * prevents the default). `completion` accepts the open autocomplete suggestion, if any.
 */
export function handleEditorKey(
	editor: EditorState,
	event: KeyboardEvent,
	completion: () => boolean
): boolean {
	const target = editor.editing;
	if (!target) return false;
	const key = event.key;
	if ((key === 'Enter' || key === 'Tab') && completion()) return true;
	if (key === 'Escape') {
		editor.cancelEdit();
		return true;
	}
	if (key === 'Enter' || key === 'Tab') {
		if (key === 'Enter' && event.altKey) return false;
		if (!editor.commitEdit()) return true;
		if (key === 'Tab') editor.tabFrom(target.pos, event.shiftKey);
		else editor.enterFrom(target.pos, event.shiftKey);
		return true;
	}
	if (ARROWS[key] && !event.ctrlKey && !event.metaKey) {
		const [dRow, dCol] = ARROWS[key];
		if (editor.canPoint() && !(target.mode === 'edit' && !editor.pointing)) {
			const from = editor.pointedSelection();
			const moved = editor.pointing
				? moveSelection(from, dRow, dCol, { extend: event.shiftKey }, editor.limits())
				: moveSelection(from, dRow, dCol, {}, editor.limits());
			editor.pointAt(moved);
			return true;
		}
		if (target.mode === 'enter' && target.source === 'cell') {
			if (!editor.commitEdit()) return true;
			if (dRow > 0) editor.growBelow(target.pos.row);
			moveActive(editor, dRow, dCol);
			return true;
		}
	}
	return false;
}
