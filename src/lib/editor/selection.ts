/**
 * The selection model: an anchor cell (where the selection started, and the active cell) and a
 * focus cell (the corner that Shift+arrows move), plus keyboard movement including Ctrl+arrow
 * jumps to the edge of a block of data, as in Excel and Google Sheets.
 */
import { formatCellAddress, formatRange } from '$lib/core/addresses';

/** A zero-based cell position. */
export interface CellPos {
	row: number;
	col: number;
}

/** Anchor (active cell) and focus (moving corner). */
export interface Selection {
	anchor: CellPos;
	focus: CellPos;
}

/** Inclusive bounds of a selection. */
export interface Bounds {
	top: number;
	left: number;
	bottom: number;
	right: number;
}

/** Grid extent that movement is clamped to. */
export interface Limits {
	rows: number;
	cols: number;
}

/** A selection of one cell. */
export function cellSelection(pos: CellPos): Selection {
	return { anchor: pos, focus: pos };
}

/** The rectangle a selection covers. */
export function selectionBounds(selection: Selection): Bounds {
	const { anchor, focus } = selection;
	return {
		top: Math.min(anchor.row, focus.row),
		left: Math.min(anchor.col, focus.col),
		bottom: Math.max(anchor.row, focus.row),
		right: Math.max(anchor.col, focus.col)
	};
}

/** `B3` for one cell, `B3:D7` for a rectangle. */
export function boundsToA1(bounds: Bounds): string {
	if (bounds.top === bounds.bottom && bounds.left === bounds.right) {
		return formatCellAddress({ row: bounds.top, col: bounds.left });
	}
	return formatRange({ kind: 'cells', ...bounds });
}

/** True when `pos` lies inside `bounds`. */
export function contains(bounds: Bounds, pos: CellPos): boolean {
	return (
		pos.row >= bounds.top &&
		pos.row <= bounds.bottom &&
		pos.col >= bounds.left &&
		pos.col <= bounds.right
	);
}

function clamp(pos: CellPos, limits: Limits): CellPos {
	return {
		row: Math.max(0, Math.min(limits.rows - 1, pos.row)),
		col: Math.max(0, Math.min(limits.cols - 1, pos.col))
	};
}

/**
 * The cell Ctrl+arrow lands on from `from` going (dRow, dCol): from a filled cell next to a
 * filled cell, the last filled cell of that run; otherwise the next filled cell; else the edge.
 */
export function jumpTarget(
	from: CellPos,
	dRow: number,
	dCol: number,
	isFilled: (pos: CellPos) => boolean,
	limits: Limits
): CellPos {
	const inside = (pos: CellPos) =>
		pos.row >= 0 && pos.col >= 0 && pos.row < limits.rows && pos.col < limits.cols;
	const step = (pos: CellPos) => ({ row: pos.row + dRow, col: pos.col + dCol });
	let next = step(from);
	if (!inside(next)) return from;
	if (isFilled(from) && isFilled(next)) {
		let current = next;
		for (next = step(current); inside(next) && isFilled(next); next = step(next)) current = next;
		return current;
	}
	for (; inside(next); next = step(next)) if (isFilled(next)) return next;
	return clamp({ row: from.row + dRow * limits.rows, col: from.col + dCol * limits.cols }, limits);
}

/**
 * Moves the selection by (dRow, dCol): with `extend` the focus moves and the anchor stays;
 * otherwise it collapses to the moved active cell. `jump` uses {@link jumpTarget}.
 */
export function moveSelection(
	selection: Selection,
	dRow: number,
	dCol: number,
	options: { extend?: boolean; jump?: boolean; isFilled?: (pos: CellPos) => boolean },
	limits: Limits
): Selection {
	const from = options.extend ? selection.focus : selection.anchor;
	const target =
		options.jump && options.isFilled
			? jumpTarget(from, dRow, dCol, options.isFilled, limits)
			: clamp({ row: from.row + dRow, col: from.col + dCol }, limits);
	return options.extend ? { anchor: selection.anchor, focus: target } : cellSelection(target);
}

/**
 * The range a fill handle dragged from `start` to the cell `to` covers: `start` stretched down,
 * up, right or left (whichever way the pointer went furthest outside it), or null while the
 * pointer is still inside it.
 */
export function fillExtension(start: Bounds, to: CellPos): Bounds | null {
	const down = to.row - start.bottom;
	const up = start.top - to.row;
	const right = to.col - start.right;
	const left = start.left - to.col;
	const furthest = Math.max(down, up, right, left);
	if (furthest <= 0) return null;
	if (furthest === down) return { ...start, bottom: to.row };
	if (furthest === up) return { ...start, top: to.row };
	if (furthest === right) return { ...start, right: to.col };
	return { ...start, left: to.col };
}
