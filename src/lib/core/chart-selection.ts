/**
 * The quick chart: a selected block of cells turned into a {@link ChartSpec}, as Excel does.
 * Series run down the columns when the block is at least as tall as it is wide, else along the
 * rows. The first row (column, when series run along rows) holds series names when it has text;
 * the first column (row) holds category labels when it has text or dates, or when the top-left
 * cell is empty above a header. Everything else is a series.
 */
import type * as Y from 'yjs';
import { columnLetters, formatRange, parseRange } from './addresses';
import { InvalidChartError } from './chart-errors';
import { MAX_CHART_SERIES, type ChartSpec, type ChartType } from './chart-spec';
import { cellKey, isFormulaInput } from './document';
import { axisOf } from './document-view';
import type { ChartValueSource } from './charts';
import { requireSheetById } from './operations/shared';

/** Whether a number format shows a number as a date or time (so it reads as a label). */
function isDateFormat(format: string): boolean {
	return /[dmyhs]/i.test(format.replace(/"[^"]*"|\[[^\]]*\]|\\./g, ''));
}

type CellKind = 'empty' | 'text' | 'date' | 'number';

/**
 * Builds (does not add) the chart spec for `rangeA1` on sheet `sheetId`; pass it to `addChart`.
 * With an evaluator, formula cells are classified by their computed value (a formula showing
 * text can be a label or a series name); without one, by what was typed.
 *
 * @throws UnknownSheetError, InvalidAddressError, InvalidChartError (whole rows or columns, or
 *   no cells left for a series).
 */
export function chartFromSelection(
	doc: Y.Doc,
	sheetId: string,
	rangeA1: string,
	type: ChartType = 'bar',
	evaluator?: ChartValueSource
): ChartSpec {
	const sheet = requireSheetById(doc, sheetId);
	const bounds = parseRange(rangeA1);
	if (bounds.kind !== 'cells') {
		throw new InvalidChartError('select a block of cells to chart, not whole rows or columns');
	}
	const rowIds = axisOf(doc, sheet, 'rows').ids;
	const colIds = axisOf(doc, sheet, 'cols').ids;
	const kindAt = (row: number, col: number): CellKind => {
		const rowId = rowIds[row];
		const colId = colIds[col];
		if (rowId === undefined || colId === undefined) return 'empty';
		const key = cellKey(rowId, colId);
		const input = sheet.cells.get(key);
		let value: unknown = input;
		if (isFormulaInput(input)) value = evaluator?.getValue(sheet.id, rowId, colId).value ?? 0;
		if (value === undefined || value === null || value === '') return 'empty';
		if (typeof value === 'string' || typeof value === 'boolean') return 'text';
		return isDateFormat(sheet.formats.get(key) ?? '') ? 'date' : 'number';
	};
	const textAt = (row: number, col: number): string => {
		const rowId = rowIds[row];
		const colId = colIds[col];
		const input = rowId && colId ? sheet.cells.get(cellKey(rowId, colId)) : undefined;
		if (isFormulaInput(input))
			return String(evaluator?.getValue(sheet.id, rowId, colId).value ?? '');
		return input === undefined ? '' : String(input);
	};

	const byColumns = bounds.bottom - bounds.top >= bounds.right - bounds.left;
	const categories = byColumns ? bounds.bottom - bounds.top + 1 : bounds.right - bounds.left + 1;
	const lines = byColumns ? bounds.right - bounds.left + 1 : bounds.bottom - bounds.top + 1;
	// (category, line) → sheet position, whichever way the series run.
	const at = (category: number, line: number): [number, number] =>
		byColumns
			? [bounds.top + category, bounds.left + line]
			: [bounds.top + line, bounds.left + category];
	const kind = (category: number, line: number) => kindAt(...at(category, line));
	const someOf = (from: number, to: number, test: (i: number) => boolean) => {
		for (let i = from; i < to; i++) if (test(i)) return true;
		return false;
	};

	const labelLike = (k: CellKind) => k === 'text' || k === 'date';
	const headerHasText = (firstLine: number) =>
		categories > 1 && someOf(firstLine, lines, (line) => kind(0, line) === 'text');
	const hasLabels =
		lines > 1 &&
		(someOf(1, categories, (c) => labelLike(kind(c, 0))) ||
			(kind(0, 0) === 'empty' && headerHasText(1)));
	const firstLine = hasLabels ? 1 : 0;
	const hasHeader = headerHasText(firstLine);
	const firstCategory = hasHeader ? 1 : 0;
	const hasNumbers = someOf(firstLine, lines, (line) =>
		someOf(firstCategory, categories, (c) => kind(c, line) === 'number')
	);
	if (!hasNumbers) {
		throw new InvalidChartError('select the numbers to chart, with their labels and headings');
	}
	if (lines - firstLine > MAX_CHART_SERIES) {
		throw new InvalidChartError(`a chart can have at most ${MAX_CHART_SERIES} series`);
	}

	const lineRange = (line: number): string => {
		const [r1, c1] = at(firstCategory, line);
		const [r2, c2] = at(categories - 1, line);
		return formatRange({ kind: 'cells', top: r1, left: c1, bottom: r2, right: c2 });
	};
	const series = [];
	for (let line = firstLine; line < lines; line++) {
		const header = hasHeader ? textAt(...at(0, line)).trim() : '';
		const [row, col] = at(0, line);
		const fallback = byColumns ? `Column ${columnLetters(col)}` : `Row ${row + 1}`;
		series.push({ name: header || fallback, range: lineRange(line) });
	}
	const names = series.map((entry) => entry.name);
	return {
		type,
		title: names.length <= 2 ? names.join(' and ') : `${sheet.name} ${formatRange(bounds)}`,
		sheet: sheet.name,
		labels: hasLabels ? lineRange(0) : null,
		series
	};
}
