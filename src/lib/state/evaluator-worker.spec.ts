import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { setCellInputs } from '$lib/core/operations/cells';
import { listSheetEntries } from '$lib/core/document-view';
import { seedBlankWorkbook } from '$lib/core/workbook-api';
import type { WorkerValueEntry } from './worker-values';

describe('evaluator worker', () => {
	it('posts formula values on init and changed values after each update', async () => {
		const posted: { entries: WorkerValueEntry[] }[] = [];
		const scope = globalThis as unknown as {
			self: { onmessage?: (event: { data: unknown }) => void; postMessage: (m: unknown) => void };
		};
		scope.self = { postMessage: (message) => posted.push(message as never) };
		await import('./evaluator.worker');
		const doc = new Y.Doc();
		seedBlankWorkbook(doc);
		const sheetId = listSheetEntries(doc)[0].id;
		setCellInputs(doc, sheetId, [
			{ address: 'A1', text: '2' },
			{ address: 'B1', text: '=A1*21' }
		]);
		scope.self.onmessage!({ data: { type: 'init', state: Y.encodeStateAsUpdate(doc) } });
		expect(posted[0].entries.map((entry) => entry[1])).toEqual([42]);
		const updates: Uint8Array[] = [];
		doc.on('update', (update: Uint8Array) => updates.push(update));
		setCellInputs(doc, sheetId, [{ address: 'A1', text: '3' }]);
		for (const update of updates) scope.self.onmessage!({ data: { type: 'update', update } });
		expect(posted.at(-1)!.entries.map((entry) => entry[1])).toContain(63);
	});
});
