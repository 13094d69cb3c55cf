import { beforeEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { setCellInputs } from '$lib/core/operations/cells';
import { listSheetEntries } from '$lib/core/document-view';
import { seedBlankWorkbook } from '$lib/core/workbook-api';
import { documentFingerprint, type CachedValues, type ValueEntry } from './cached-values';
import { clearCachedValues, writeCachedValues } from './values-cache-store';

vi.mock('./values-cache-store', () => ({
	writeCachedValues: vi.fn(async () => {}),
	clearCachedValues: vi.fn(async () => {})
}));

type Handler = (event: { data: unknown }) => void;

/** Loads a fresh copy of the worker module with a fake `self`; returns what it posts. */
async function loadWorker() {
	const posted: { entries: ValueEntry[] }[] = [];
	const scope = globalThis as unknown as {
		self: { onmessage?: Handler; postMessage: (m: unknown) => void };
	};
	scope.self = { postMessage: (message) => posted.push(message as never) };
	vi.resetModules();
	await import('./evaluator.worker');
	return { posted, send: (data: unknown) => scope.self.onmessage!({ data }) };
}

function workbook(cells: Record<string, string>) {
	const doc = new Y.Doc();
	seedBlankWorkbook(doc);
	const sheetId = listSheetEntries(doc)[0].id;
	const set = (more: Record<string, string>) =>
		setCellInputs(
			doc,
			sheetId,
			Object.entries(more).map(([address, text]) => ({ address, text }))
		);
	set(cells);
	return { doc, set };
}

const CACHE = { key: 'person:workbook', appVersion: 'v1' };

describe('evaluator worker', () => {
	beforeEach(() => vi.clearAllMocks());

	it('posts formula values on init and changed values after each update', async () => {
		const worker = await loadWorker();
		const { doc, set } = workbook({ A1: '2', B1: '=A1*21' });
		worker.send({ type: 'init', state: Y.encodeStateAsUpdate(doc) });
		expect(worker.posted[0].entries.map((entry) => entry[1])).toEqual([42]);
		const updates: Uint8Array[] = [];
		doc.on('update', (update: Uint8Array) => updates.push(update));
		set({ A1: '3' });
		for (const update of updates) worker.send({ type: 'update', update });
		expect(worker.posted.at(-1)!.entries.map((entry) => entry[1])).toContain(63);
	});

	it('keeps the values with the fingerprint of the document they were computed from', async () => {
		const worker = await loadWorker();
		const { doc } = workbook({ A1: '2', B1: '=A1*21' });
		worker.send({ type: 'init', state: Y.encodeStateAsUpdate(doc), cache: CACHE });
		expect(writeCachedValues).toHaveBeenCalledOnce();
		const [key, kept] = vi.mocked(writeCachedValues).mock.calls[0] as [string, CachedValues];
		expect(key).toBe(CACHE.key);
		expect(kept.appVersion).toBe('v1');
		expect(kept.fingerprint).toEqual(documentFingerprint(doc));
		expect(kept.entries.map((entry) => entry[1])).toEqual([42]);
	});

	it('keeps nothing for a workbook with volatile functions', async () => {
		const worker = await loadWorker();
		const { doc } = workbook({ A1: '=TODAY()' });
		worker.send({ type: 'init', state: Y.encodeStateAsUpdate(doc), cache: CACHE });
		expect(writeCachedValues).not.toHaveBeenCalled();
		expect(clearCachedValues).toHaveBeenCalledWith(CACHE.key);
	});
});
