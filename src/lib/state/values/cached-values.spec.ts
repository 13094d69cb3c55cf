import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { listSheetEntries } from '$lib/core/document-view';
import { createEvaluator } from '$lib/core/evaluator';
import { listVolatileFunctionNames } from '$lib/core/formula-engine';
import { clearRange, setCellInputs } from '$lib/core/operations/cells';
import { defineName } from '$lib/core/operations/names';
import { seedBlankWorkbook } from '$lib/core/workbook-api';
import {
	collectFormulaEntries,
	documentFingerprint,
	entryToResult,
	matchingCachedEntries,
	usesVolatileFunctions,
	type CachedValues
} from './cached-values';

function workbook(cells: Record<string, string>) {
	const doc = new Y.Doc();
	seedBlankWorkbook(doc);
	const sheetId = listSheetEntries(doc)[0].id;
	setCellInputs(
		doc,
		sheetId,
		Object.entries(cells).map(([address, text]) => ({ address, text }))
	);
	return { doc, sheetId };
}

function cacheOf(doc: Y.Doc, appVersion = 'v1'): CachedValues {
	const evaluator = createEvaluator(doc);
	const entries = collectFormulaEntries(doc, (...id) => evaluator.getValue(...id));
	evaluator.destroy();
	return { appVersion, fingerprint: documentFingerprint(doc), entries };
}

describe('cached values', () => {
	it('keeps the value of every formula cell, and only of formula cells', () => {
		const { doc } = workbook({ A1: '2', B1: '=A1*21', C1: '=1/0' });
		const results = cacheOf(doc).entries.map(entryToResult);
		expect(results).toHaveLength(2);
		expect(results).toContainEqual({ value: 42 });
		expect(results.find((result) => result.error)?.error?.code).toBe('#DIV/0!');
	});

	it('are shown for the same content, also in another replica of the document', () => {
		const { doc } = workbook({ A1: '2', B1: '=A1*21' });
		const cached = cacheOf(doc);
		const replica = new Y.Doc();
		Y.applyUpdate(replica, Y.encodeStateAsUpdate(doc));
		expect(matchingCachedEntries(cached, doc, 'v1')).toBe(cached.entries);
		expect(matchingCachedEntries(cached, replica, 'v1')).toBe(cached.entries);
	});

	it('are never shown once a cell changed', () => {
		const { doc, sheetId } = workbook({ A1: '2', B1: '=A1*21' });
		const cached = cacheOf(doc);
		setCellInputs(doc, sheetId, [{ address: 'A1', text: '3' }]);
		expect(matchingCachedEntries(cached, doc, 'v1')).toBeNull();
	});

	it('are never shown once a cell was cleared (a deletion, which adds no new state)', () => {
		const { doc, sheetId } = workbook({ A1: '2', B1: '=A1*21' });
		const cached = cacheOf(doc);
		const before = Y.encodeStateVector(doc);
		clearRange(doc, sheetId, 'A1');
		expect(Y.encodeStateVector(doc)).toEqual(before);
		expect(matchingCachedEntries(cached, doc, 'v1')).toBeNull();
	});

	it('are not shown by another app version, or when there are none', () => {
		const { doc } = workbook({ A1: '2', B1: '=A1*21' });
		expect(matchingCachedEntries(cacheOf(doc, 'v1'), doc, 'v2')).toBeNull();
		expect(matchingCachedEntries(null, doc, 'v1')).toBeNull();
	});

	it('are not kept for workbooks with volatile functions, in cells or defined names', () => {
		const volatile = listVolatileFunctionNames();
		expect(volatile).toEqual(new Set(['NOW', 'TODAY', 'RAND', 'RANDBETWEEN']));
		expect(usesVolatileFunctions(workbook({ A1: '=SUM(B1:B3)' }).doc, volatile)).toBe(false);
		expect(usesVolatileFunctions(workbook({ A1: 'today()' }).doc, volatile)).toBe(false);
		expect(usesVolatileFunctions(workbook({ A1: '=today()+1' }).doc, volatile)).toBe(true);
		expect(usesVolatileFunctions(workbook({ A1: '=B1*RAND()' }).doc, volatile)).toBe(true);
		const { doc } = workbook({ A1: '=Stamp' });
		defineName(doc, 'Stamp', '=NOW()');
		expect(usesVolatileFunctions(doc, volatile)).toBe(true);
	});
});
