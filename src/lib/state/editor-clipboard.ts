/**
 * Copy, cut and paste of the selection through the page's clipboard events: the shown values as
 * TSV and an HTML table (with the inputs, so formulas come back shifted when pasted here).
 */
import { axisOf, sheetById } from '$lib/core/document-view';
import { formatLookup, viewCell } from '$lib/editor/cell-display';
import { pastedTexts, toHtml, toTsv } from '$lib/editor/clipboard';
import { selectionBounds } from '$lib/editor/selection';
import { handleError } from './handle-error';
import type { EditorState } from './editor-state.svelte';
import { clearCells, pasteTexts } from './workbook-commands';

/** Most cells copied at once (a whole-column selection of a huge sheet stays bounded). */
const MAX_COPY_CELLS = 500_000;

/** Puts the selection on the clipboard; with `cut`, clears it afterwards. */
export function copySelection(editor: EditorState, event: ClipboardEvent, cut: boolean): void {
	const session = editor.session;
	const sheet = sheetById(session.doc, editor.sheetId);
	if (!sheet || !event.clipboardData) return;
	const bounds = selectionBounds(editor.selection);
	const cells = (bounds.bottom - bounds.top + 1) * (bounds.right - bounds.left + 1);
	if (cells > MAX_COPY_CELLS) {
		handleError(null, 'That selection is too large to copy; select fewer cells.');
		return;
	}
	const rowIds = axisOf(session.doc, sheet, 'rows').ids;
	const colIds = axisOf(session.doc, sheet, 'cols').ids;
	const shown: string[][] = [];
	const inputs: string[][] = [];
	for (let r = bounds.top; r <= bounds.bottom; r++) {
		const shownRow: string[] = [];
		const inputRow: string[] = [];
		for (let c = bounds.left; c <= bounds.right; c++) {
			const result = session.values?.getValue(sheet.id, rowIds[r], colIds[c]) ?? { value: null };
			shownRow.push(
				viewCell(sheet, rowIds[r], colIds[c], result, session.currency, formatLookup(session.doc))
					.text
			);
			inputRow.push(editor.inputAt({ row: r, col: c }));
		}
		shown.push(shownRow);
		inputs.push(inputRow);
	}
	event.clipboardData.setData('text/plain', toTsv(shown));
	event.clipboardData.setData(
		'text/html',
		toHtml(shown, { top: bounds.top, left: bounds.left, inputs })
	);
	event.preventDefault();
	if (cut) clearCells(session, editor.sheetId, bounds);
}

/** Pastes the clipboard at the active cell and selects what was pasted. */
export async function pasteClipboard(editor: EditorState, event: ClipboardEvent): Promise<void> {
	const data = event.clipboardData;
	if (!data) return;
	event.preventDefault();
	const { top: row, left: col } = selectionBounds(editor.selection);
	const texts = pastedTexts(data.getData('text/plain'), data.getData('text/html'), row, col);
	if (texts.length === 0) return;
	const width = Math.max(...texts.map((line) => line.length));
	await pasteTexts(editor.session, editor.sheetId, row, col, texts);
	editor.select({
		anchor: { row, col },
		focus: { row: row + texts.length - 1, col: col + width - 1 }
	});
}
