/**
 * Chart ranges bound to identities. A chart's labels and each series' values are stored as a
 * {@link StoredFormula} holding exactly one sheet-qualified range (`=Sheet!B2:B13` bound by
 * `formula-refs.ts`), so they follow inserted, moved and deleted rows and columns and renamed
 * sheets exactly as formulas do: deleting rows shrinks them in the same transaction (see
 * `operations/structure.ts`, which visits them through {@link forEachChartRange}).
 */
import * as Y from 'yjs';
import { formatRange, parseRange, splitSheetQualifier } from './addresses';
import { InvalidChartError } from './chart-errors';
import { MAX_CHART_POINTS } from './chart-spec';
import { MAX_GRID_COLS, MAX_GRID_ROWS, chartsMap } from './document';
import { isStoredFormula } from './document-schema';
import { axisOf, referenceContext, sheetById, sheetByName } from './document-view';
import { InvalidAddressError, LimitExceededError, UnknownSheetError } from './errors';
import {
	bindFormula,
	parseFormula,
	quoteSheetName,
	renderFormula,
	type ParsedFormula,
	type StoredFormula
} from './formula-refs';

/** A chart range checked against the document but not yet bound (binding may grow a sheet). */
export interface ParsedChartRange {
	sheetId: string;
	parsed: ParsedFormula;
}

/** A stored chart range resolved against the current order: the sheet and the ids it spans. */
export interface ResolvedChartRange {
	sheetId: string;
	rowIds: string[];
	colIds: string[];
}

/**
 * Checks range text (`B2:B13`, `'My sheet'!B2:B13`, a leading `=` allowed) for a chart whose
 * unqualified ranges live on `defaultSheetId`. Never changes the document.
 *
 * @throws UnknownSheetError, InvalidAddressError, InvalidChartError (whole rows or columns),
 *   LimitExceededError (more than {@link MAX_CHART_POINTS} cells).
 */
export function parseChartRange(
	doc: Y.Doc,
	text: string,
	defaultSheetId: string
): ParsedChartRange {
	const { sheet: sheetName, local } = splitSheetQualifier(text.trim().replace(/^=/, ''));
	const sheet =
		sheetName === undefined ? sheetById(doc, defaultSheetId) : sheetByName(doc, sheetName);
	if (!sheet) throw new UnknownSheetError(sheetName ?? defaultSheetId);
	const bounds = parseRange(local);
	if (bounds.kind !== 'cells') {
		throw new InvalidChartError(`use a range of cells such as B2:B13, not "${local}"`);
	}
	if (bounds.bottom >= MAX_GRID_ROWS || bounds.right >= MAX_GRID_COLS) {
		throw new InvalidAddressError(local, 'is beyond the largest sheet InvestFlow supports');
	}
	const cells = (bounds.bottom - bounds.top + 1) * (bounds.right - bounds.left + 1);
	if (cells > MAX_CHART_POINTS) {
		throw new LimitExceededError(`a chart range can span at most ${MAX_CHART_POINTS} cells`);
	}
	const formula = `=${quoteSheetName(sheet.name)}!${formatRange(bounds)}`;
	return { sheetId: sheet.id, parsed: parseFormula(formula, sheet.id, referenceContext(doc)) };
}

/** Binds a parsed chart range to row/column ids; call inside a transaction (may grow a sheet). */
export function bindChartRange(doc: Y.Doc, range: ParsedChartRange): StoredFormula {
	return bindFormula(range.parsed, referenceContext(doc));
}

/** A stored chart range as A1 text with its sheet (`Projection!C10:L10`), or `#REF!`. */
export function renderChartRange(doc: Y.Doc, stored: StoredFormula): string {
	return renderFormula(stored, '', referenceContext(doc)).slice(1);
}

/** The sheet id a stored chart range points at (whether or not that sheet still exists). */
export function chartRangeSheetId(stored: StoredFormula): string | undefined {
	const ref = stored.refs[0];
	return ref && !('n' in ref) ? ref.s : undefined;
}

/**
 * The rows and columns a stored chart range spans now, or null when its sheet or a corner row
 * or column was deleted (it then renders `#REF!`).
 */
export function resolveChartRange(doc: Y.Doc, stored: StoredFormula): ResolvedChartRange | null {
	const ref = stored.refs[0];
	if (!ref || 'n' in ref || ref.s === undefined) return null;
	const sheet = sheetById(doc, ref.s);
	if (!sheet) return null;
	const span = (which: 'rows' | 'cols', a?: string, b?: string): string[] | null => {
		if (a === undefined) return null;
		const axis = axisOf(doc, sheet, which);
		const first = axis.indexOf.get(a);
		const last = axis.indexOf.get(b ?? a);
		if (first === undefined || last === undefined) return null;
		return axis.ids.slice(Math.min(first, last), Math.max(first, last) + 1);
	};
	const rowIds = span('rows', ref.a.r, ref.b?.r);
	const colIds = span('cols', ref.a.c, ref.b?.c);
	return rowIds && colIds ? { sheetId: sheet.id, rowIds, colIds } : null;
}

/**
 * Visits every stored range of every chart with a way to write it back, in the shape
 * `operations/structure.ts` uses for formulas (chart ranges always name their sheet, so the
 * host sheet id passed is empty). Call inside a transaction.
 */
export function forEachChartRange(
	doc: Y.Doc,
	visit: (hostSheetId: string, formula: StoredFormula, write: (next: StoredFormula) => void) => void
): void {
	chartsMap(doc).forEach((chart) => {
		if (!(chart instanceof Y.Map)) return;
		const labels = chart.get('labels') as StoredFormula | null | undefined;
		if (isStoredFormula(labels)) visit('', labels, (next) => chart.set('labels', next));
		const series = chart.get('series') as { name: string; range: StoredFormula }[] | undefined;
		if (!Array.isArray(series)) return;
		series.forEach((entry, index) => {
			if (!isStoredFormula(entry?.range)) return;
			visit('', entry.range, (next) => {
				const current = chart.get('series') as typeof series;
				chart.set(
					'series',
					current.map((item, i) => (i === index ? { ...item, range: next } : item))
				);
			});
		});
	});
}
