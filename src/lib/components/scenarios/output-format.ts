/**
 * How the scenario views show an output's number: in the number format of the cell it reads
 * (a defined name's cell, or the cell itself), as the grid would, in the workbook's currency.
 */
import type * as Y from 'yjs';
import { splitSheetQualifier, tryParseCellAddress } from '$lib/core/addresses';
import { cellKey, metaMap } from '$lib/core/document';
import {
	axisOf,
	listSheetEntries,
	nameByText,
	sheetById,
	sheetByName
} from '$lib/core/document-view';
import { formatValue, type CurrencyCode } from '$lib/core/number-format';

/** The number format of the cell an output (a name or `Sheet!B3`) reads, if it has one. */
export function outputFormat(doc: Y.Doc, label: string): string | undefined {
	const entry = nameByText(doc, label);
	if (entry) {
		const ref = entry.expr.refs[0];
		if (!ref || 'n' in ref || !ref.a.r || !ref.a.c) return undefined;
		return sheetById(doc, ref.s ?? '')?.formats.get(cellKey(ref.a.r, ref.a.c));
	}
	const { sheet: qualifier, local } = splitSheetQualifier(label);
	const position = tryParseCellAddress(local);
	const sheet = qualifier ? sheetByName(doc, qualifier) : listSheetEntries(doc)[0];
	if (!position || !sheet) return undefined;
	const rowId = axisOf(doc, sheet, 'rows').ids[position.row];
	const colId = axisOf(doc, sheet, 'cols').ids[position.col];
	return rowId && colId ? sheet.formats.get(cellKey(rowId, colId)) : undefined;
}

/** A value of an output as text, formatted as its cell (errors show their code). */
export function formatOutput(doc: Y.Doc, label: string, value: unknown, error?: string): string {
	if (error) return error;
	if (value === null || value === undefined) return '';
	const currency = (metaMap(doc).get('currency') as CurrencyCode | undefined) ?? 'USD';
	return formatValue(value as number | string | boolean, outputFormat(doc, label), { currency });
}

/** A difference from the base with its sign, formatted as the output. */
export function formatDifference(doc: Y.Doc, label: string, difference: number): string {
	if (Math.abs(difference) < 1e-9) return '±0';
	const text = formatOutput(doc, label, Math.abs(difference));
	return `${difference > 0 ? '+' : '−'}${text}`;
}
