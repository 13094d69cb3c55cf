/**
 * Whether the chart panel may open by itself beside a sheet: only when every used column of the
 * sheet still fits to its left. A sheet whose data runs under the panel (the property
 * template's Ledger, whose Schedule E summary sits in columns H–M) starts with the panel
 * closed: hiding a person's figures behind charts of those figures is worse than one click on
 * "Charts (n)".
 */
import type * as Y from 'yjs';
import { axisOf, type SheetEntry } from '$lib/core/document-view';
import { DEFAULT_COL_WIDTH, ROW_HEADER_WIDTH } from '$lib/editor/grid-geometry';

/** The panel's width when it opens by itself (people may drag it wider or narrower). */
export const DEFAULT_PANEL_WIDTH = 380;
/** Room for the grid's vertical scrollbar, which also takes from the columns' width. */
const SCROLLBAR_WIDTH = 16;

/** Pixels from column A's left edge to the right edge of the rightmost column holding a cell. */
export function usedColumnsWidth(doc: Y.Doc, sheet: SheetEntry): number {
	const cols = axisOf(doc, sheet, 'cols');
	let last = -1;
	for (const key of sheet.cells.keys()) {
		const index = cols.indexOf.get(key.slice(key.indexOf(':') + 1)) ?? -1;
		if (index > last) last = index;
	}
	let width = 0;
	for (let c = 0; c <= last; c++) width += sheet.colWidths.get(cols.ids[c]) ?? DEFAULT_COL_WIDTH;
	return width;
}

/**
 * Whether a panel of `panelWidth` beside a grid in `areaWidth` pixels (the grid and the panel
 * together) leaves all `usedWidth` pixels of columns visible next to the row headers.
 */
export function panelFitsBeside(usedWidth: number, areaWidth: number, panelWidth: number): boolean {
	return ROW_HEADER_WIDTH + usedWidth + SCROLLBAR_WIDTH + panelWidth <= areaWidth;
}
