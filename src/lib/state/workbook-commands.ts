/**
 * What people do to a workbook, as calls on the open {@link WorkbookSession}: each runs one core
 * operation with the session's local origin (so undo tracks it), refuses politely for viewers,
 * and reports failures through `handleError`. Components call these and nothing lower.
 */
import { formatCellAddress } from '$lib/core/addresses';
import type { CellStyle } from '$lib/core/document';
import { fillCells } from '$lib/core/fill-cells';
import {
	clearRange,
	pasteBlock,
	setCellInput,
	setCellStyle,
	setColumnWidth,
	setNumberFormat
} from '$lib/core/operations/cells';
import { addSheet, deleteSheet, moveSheet, renameSheet } from '$lib/core/operations/sheets';
import { deleteLines, insertLines, type Axis } from '$lib/core/operations/structure';
import { boundsToA1, type Bounds, type CellPos } from '$lib/editor/selection';
import { handleError } from './handle-error';
import { toasts } from './toasts.svelte';
import type { WorkbookSession } from './workbook-session.svelte';

/** Cells written per transaction when pasting a big block, so the page keeps painting. */
const PASTE_CHUNK_CELLS = 20_000;

function run(session: WorkbookSession, failure: string, change: () => void): boolean {
	if (session.readOnly) {
		toasts.show('You can view this workbook but not change it.');
		return false;
	}
	try {
		change();
		return true;
	} catch (error) {
		handleError(error, failure);
		return false;
	}
}

/** Writes what was typed into one cell; returns false (document unchanged) when refused. */
export function typeIntoCell(
	session: WorkbookSession,
	sheetId: string,
	pos: CellPos,
	text: string
) {
	return run(session, 'That entry could not be saved.', () =>
		setCellInput(session.doc, sheetId, formatCellAddress(pos), text, session.origin)
	);
}

/** Empties the cells of a range. */
export function clearCells(session: WorkbookSession, sheetId: string, bounds: Bounds): void {
	run(session, 'The cells could not be cleared.', () =>
		clearRange(session.doc, sheetId, boundsToA1(bounds), session.origin)
	);
}

/**
 * Pastes rows of texts at (top, left). Big blocks go in chunks with a pause between them so the
 * page stays responsive; undo still takes the whole paste back in one step.
 */
export async function pasteTexts(
	session: WorkbookSession,
	sheetId: string,
	top: number,
	left: number,
	texts: string[][]
): Promise<void> {
	const width = Math.max(1, ...texts.map((row) => row.length));
	const rowsPerChunk = Math.max(1, Math.floor(PASTE_CHUNK_CELLS / width));
	const undo = session.undoManager;
	undo.stopCapturing();
	const timeout = undo.captureTimeout;
	undo.captureTimeout = Number.MAX_SAFE_INTEGER;
	try {
		for (let start = 0; start < texts.length; start += rowsPerChunk) {
			const chunk = texts.slice(start, start + rowsPerChunk);
			const ok = run(session, 'The paste could not be completed.', () =>
				pasteBlock(
					session.doc,
					sheetId,
					formatCellAddress({ row: top + start, col: left }),
					chunk,
					session.origin
				)
			);
			if (!ok) return;
			if (start + rowsPerChunk < texts.length) await new Promise((done) => setTimeout(done, 0));
		}
	} finally {
		undo.captureTimeout = timeout;
		undo.stopCapturing();
	}
}

/**
 * Fill handle: fills `target` from `source` (the selection it was dragged from) as Google Sheets
 * does, series or copies; one undo step.
 */
export function fillFromSelection(
	session: WorkbookSession,
	sheetId: string,
	source: Bounds,
	target: Bounds
): void {
	run(session, 'The fill could not be completed.', () =>
		fillCells(session.doc, sheetId, boundsToA1(source), boundsToA1(target), session.origin)
	);
}

/**
 * Ctrl+D / Ctrl+R: copies the first row (down) or column (right) of a range through the rest,
 * or, for a single row or column, the one above or to the left into it, as Sheets does.
 */
export function fillRange(
	session: WorkbookSession,
	sheetId: string,
	bounds: Bounds,
	direction: 'down' | 'right'
): void {
	const target = { ...bounds };
	if (direction === 'down' && bounds.top === bounds.bottom) target.top = bounds.top - 1;
	if (direction === 'right' && bounds.left === bounds.right) target.left = bounds.left - 1;
	if (target.top < 0 || target.left < 0) return;
	const source =
		direction === 'down' ? { ...target, bottom: target.top } : { ...target, right: target.left };
	run(session, 'The fill could not be completed.', () =>
		fillCells(session.doc, sheetId, boundsToA1(source), boundsToA1(target), session.origin, {
			copyOnly: true
		})
	);
}

/** Inserts `count` rows or columns before index `at`. */
export function insertLinesAt(
	session: WorkbookSession,
	sheetId: string,
	axis: Axis,
	at: number,
	count = 1
): void {
	run(session, 'Could not insert there.', () =>
		insertLines(session.doc, sheetId, axis, at, count, session.origin)
	);
}

/** Deletes `count` rows or columns from index `at`. */
export function deleteLinesAt(
	session: WorkbookSession,
	sheetId: string,
	axis: Axis,
	at: number,
	count = 1
): void {
	run(session, 'Could not delete that.', () =>
		deleteLines(session.doc, sheetId, axis, at, count, session.origin)
	);
}

/** Sets (null: clears) the number format of a range. */
export function formatCells(
	session: WorkbookSession,
	sheetId: string,
	bounds: Bounds,
	format: string | null
): void {
	run(session, 'That number format could not be applied.', () =>
		setNumberFormat(session.doc, sheetId, boundsToA1(bounds), format, session.origin)
	);
}

/** Sets (null: clears) the style of a range. */
export function styleCells(
	session: WorkbookSession,
	sheetId: string,
	bounds: Bounds,
	style: CellStyle | null
): void {
	run(session, 'That style could not be applied.', () =>
		setCellStyle(session.doc, sheetId, boundsToA1(bounds), style, session.origin)
	);
}

/** Sets a column's width in pixels. */
export function resizeColumn(
	session: WorkbookSession,
	sheetId: string,
	col: number,
	width: number
) {
	run(session, 'The column could not be resized.', () =>
		setColumnWidth(session.doc, sheetId, col + 1, Math.round(width), session.origin)
	);
}

/** Adds a sheet after the others and returns its id (or null when refused). */
export function addSheetTab(session: WorkbookSession): string | null {
	let id: string | null = null;
	const used = new Set(session.sheets.map((sheet) => sheet.name.toLowerCase()));
	let n = session.sheets.length + 1;
	while (used.has(`sheet${n}`)) n++;
	run(session, 'The sheet could not be added.', () => {
		id = addSheet(session.doc, `Sheet${n}`, {}, session.origin);
	});
	return id;
}

/** Renames a sheet; false when the name is refused. */
export function renameSheetTab(session: WorkbookSession, sheetId: string, name: string): boolean {
	return run(session, 'The sheet could not be renamed.', () =>
		renameSheet(session.doc, sheetId, name, session.origin)
	);
}

/** Deletes a sheet (never the last one). */
export function deleteSheetTab(session: WorkbookSession, sheetId: string): void {
	run(session, 'The sheet could not be deleted.', () =>
		deleteSheet(session.doc, sheetId, session.origin)
	);
}

/** Moves a sheet to position `index` among the tabs. */
export function moveSheetTab(session: WorkbookSession, sheetId: string, index: number): void {
	run(session, 'The sheet could not be moved.', () =>
		moveSheet(session.doc, sheetId, index, session.origin)
	);
}

/** Undoes this person's last change (never anyone else's). */
export function undo(session: WorkbookSession): void {
	if (!session.readOnly) session.undoManager.undo();
}

/** Redoes this person's last undone change. */
export function redo(session: WorkbookSession): void {
	if (!session.readOnly) session.undoManager.redo();
}
