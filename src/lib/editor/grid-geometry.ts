/**
 * Virtualisation arithmetic for the grid: fixed-height rows, variable-width columns (prefix
 * sums), and which rows and columns a viewport shows. Pure, so it is cheap to test and to call
 * on every scroll event.
 */

/** Height of one row in pixels (Google Sheets' default). */
export const ROW_HEIGHT = 21;
/** Height of the column-letter header. */
export const HEADER_HEIGHT = 24;
/** Width of the row-number header. */
export const ROW_HEADER_WIDTH = 46;
/** Width of a column nobody has resized. */
export const DEFAULT_COL_WIDTH = 100;
/** Narrowest a column can be dragged to. */
export const MIN_COL_WIDTH = 24;

/** A half-open run of indices `[start, end)` to render. */
export interface IndexWindow {
	start: number;
	end: number;
}

/** Left edge of every column plus the total width at the end: `offsets[n]` is the width sum. */
export function columnOffsets(widths: readonly number[]): number[] {
	const offsets = new Array<number>(widths.length + 1);
	offsets[0] = 0;
	for (let i = 0; i < widths.length; i++) offsets[i + 1] = offsets[i] + widths[i];
	return offsets;
}

/** Index of the column containing pixel `x` (clamped to the columns there are). */
export function columnAt(offsets: readonly number[], x: number): number {
	const count = offsets.length - 1;
	if (count <= 0) return 0;
	let low = 0;
	let high = count - 1;
	while (low < high) {
		const mid = (low + high + 1) >> 1;
		if (offsets[mid] <= x) low = mid;
		else high = mid - 1;
	}
	return low;
}

/*
 * Overscan: the grid repaints in the same frame as the scroll event, so the extra rows and
 * columns only cover what compositor-driven scrolling shows before the main thread catches up;
 * each one costs a row (or column) of cells rewritten on every frame of a fast scroll.
 */

/** The columns intersecting `[scrollLeft, scrollLeft + width)`, widened by `overscan` each side. */
export function visibleColumns(
	offsets: readonly number[],
	scrollLeft: number,
	width: number,
	overscan = 1
): IndexWindow {
	const count = offsets.length - 1;
	const first = columnAt(offsets, Math.max(0, scrollLeft));
	const last = columnAt(offsets, Math.max(0, scrollLeft + width));
	return { start: Math.max(0, first - overscan), end: Math.min(count, last + 1 + overscan) };
}

/** The rows intersecting `[scrollTop, scrollTop + height)`, widened by `overscan` each side. */
export function visibleRows(
	scrollTop: number,
	height: number,
	rowCount: number,
	overscan = 3
): IndexWindow {
	const first = Math.floor(Math.max(0, scrollTop) / ROW_HEIGHT);
	const last = Math.ceil((Math.max(0, scrollTop) + height) / ROW_HEIGHT);
	return {
		start: Math.max(0, Math.min(rowCount, first - overscan)),
		end: Math.max(0, Math.min(rowCount, last + overscan))
	};
}

/**
 * The scroll position that brings a cell fully into view (unchanged when it already is). The
 * viewport excludes the sticky headers.
 */
export function scrollToReveal(
	start: number,
	size: number,
	scroll: number,
	viewport: number
): number {
	if (start < scroll) return start;
	if (start + size > scroll + viewport) return Math.max(0, start + size - viewport);
	return scroll;
}
