import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { setCellInputs } from '../../core/operations/cells';
import { listSheets, seedBlankWorkbook } from '../../core/workbook-api';
import { ReplicaCache, type CellsReading, type EvaluationRequest } from './evaluation-tasks';

function workbook(text: string): Y.Doc {
	const doc = new Y.Doc();
	seedBlankWorkbook(doc);
	setCellInputs(doc, listSheets(doc)[0].id, [{ address: 'A1', text }]);
	return doc;
}

const readA1 = (workbookId: string, reset: boolean, update: Uint8Array | null) =>
	({
		workbookId,
		reset,
		updates: update ? [update] : [],
		task: { kind: 'cells', sheet: null, range: 'A1' }
	}) satisfies EvaluationRequest;

function valueOf(answer: Awaited<ReturnType<ReplicaCache['perform']>>): unknown {
	if (answer.kind !== 'value') throw new Error(`expected a value, got ${answer.kind}`);
	return (answer.value as CellsReading).cells[0][0].value;
}

describe('replica cache', () => {
	it('continues a replica from the updates since the last request', async () => {
		const cache = new ReplicaCache(2);
		const doc = workbook('=6*7');
		expect(valueOf(await cache.perform(readA1('a', true, Y.encodeStateAsUpdate(doc))))).toBe(42);
		const before = Y.encodeStateVector(doc);
		setCellInputs(doc, listSheets(doc)[0].id, [{ address: 'A1', text: '=6*8' }]);
		const diff = Y.encodeStateAsUpdate(doc, before);
		expect(valueOf(await cache.perform(readA1('a', false, diff)))).toBe(48);
		expect(valueOf(await cache.perform(readA1('a', false, null)))).toBe(48);
	});

	it('starts a replica from stored parts applied in order', async () => {
		const cache = new ReplicaCache(1);
		const doc = workbook('=6*7');
		const snapshot = Y.encodeStateAsUpdate(doc);
		const before = Y.encodeStateVector(doc);
		setCellInputs(doc, listSheets(doc)[0].id, [{ address: 'A1', text: '=6*9' }]);
		const logRow = Y.encodeStateAsUpdate(doc, before);
		const request = { ...readA1('a', true, null), updates: [snapshot, logRow] };
		expect(valueOf(await cache.perform(request))).toBe(54);
	});

	it('answers missing for a workbook it does not hold, and forgets the least recently used', async () => {
		const cache = new ReplicaCache(2);
		expect(await cache.perform(readA1('a', false, null))).toEqual({ kind: 'missing' });
		for (const id of ['a', 'b', 'c']) {
			await cache.perform(readA1(id, true, Y.encodeStateAsUpdate(workbook('1'))));
		}
		expect(cache.size).toBe(2);
		expect(await cache.perform(readA1('a', false, null))).toEqual({ kind: 'missing' });
		expect(valueOf(await cache.perform(readA1('c', false, null)))).toBe(1);
	});

	it('answers core errors as refusals with their code', async () => {
		const cache = new ReplicaCache(1);
		const state = Y.encodeStateAsUpdate(workbook('1'));
		const answer = await cache.perform({
			...readA1('a', true, state),
			task: { kind: 'chart', chartId: 'nope' }
		});
		expect(answer).toMatchObject({ kind: 'refused', missing: true });
		const tooBig = await cache.perform({
			...readA1('a', false, null),
			task: { kind: 'cells', sheet: 'Sheet1', range: 'A1:BXX199999' }
		});
		expect(tooBig).toMatchObject({ kind: 'refused', code: 'limit_exceeded', missing: false });
	});

	it("builds an export file from the replica, in a buffer of the file's own, and refuses an unknown sheet with 404", async () => {
		const cache = new ReplicaCache(1);
		const state = Y.encodeStateAsUpdate(workbook('=6*7'));
		const exportTask = {
			kind: 'export',
			format: 'csv',
			sheet: null,
			range: null,
			values: 'raw',
			title: 'T',
			date: '2026-01-01'
		} as const;
		const answer = await cache.perform({ ...readA1('a', true, state), task: exportTask });
		if (answer.kind !== 'value') throw new Error(`expected a value, got ${answer.kind}`);
		const { bytes } = answer.value as { bytes: Uint8Array };
		expect(new TextDecoder().decode(bytes)).toBe('42');
		expect(bytes.byteLength).toBe(bytes.buffer.byteLength);
		const unknown = await cache.perform({
			...readA1('a', false, null),
			task: { ...exportTask, sheet: 'Nope' }
		});
		expect(unknown).toMatchObject({ kind: 'refused', code: 'unknown_sheet', status: 404 });
	});

	it('builds an imported workbook without a replica, and refuses a malformed file with 400', async () => {
		const cache = new ReplicaCache(1);
		const csv = new TextEncoder().encode('a,b\n1,=2\n');
		const request = { workbookId: '', reset: false, updates: [] };
		const answer = await cache.perform({
			...request,
			task: { kind: 'import', bytes: csv, contentType: 'text/csv' }
		});
		if (answer.kind !== 'value') throw new Error(`expected a value, got ${answer.kind}`);
		const doc = new Y.Doc();
		Y.applyUpdate(doc, (answer.value as { state: Uint8Array }).state);
		expect(listSheets(doc).map((sheet) => sheet.name)).toEqual(['Sheet1']);
		expect(cache.size).toBe(0);
		const malformed = await cache.perform({
			...request,
			task: { kind: 'import', bytes: new Uint8Array([0x50, 0x4b, 3, 4, 0]), contentType: null }
		});
		expect(malformed).toMatchObject({ kind: 'refused', code: 'malformed_file', status: 400 });
	});
});
