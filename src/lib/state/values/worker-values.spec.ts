import { describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { cellKey } from '$lib/core/document';
import { axisOf, listSheetEntries } from '$lib/core/document-view';
import { setCellInputs } from '$lib/core/operations/cells';
import { seedBlankWorkbook } from '$lib/core/workbook-api';
import { documentFingerprint, type CachedValues } from './cached-values';
import { WorkerValues } from './worker-values';

/** Stands in for the evaluator worker: records messages; `answer` plays its reply. */
const { FakeWorker } = vi.hoisted(() => {
	class FakeWorker {
		static last: FakeWorker;
		readonly messages: { type: string }[] = [];
		onmessage: ((event: { data: unknown }) => void) | null = null;
		onerror = null;
		constructor() {
			FakeWorker.last = this;
		}
		postMessage(message: { type: string }) {
			this.messages.push(message);
		}
		terminate() {}
		answer(entries: unknown[]) {
			this.onmessage?.({ data: { entries } });
		}
	}
	return { FakeWorker };
});

vi.mock('./evaluator.worker?worker', () => ({ default: FakeWorker }));

function workbook() {
	const doc = new Y.Doc();
	seedBlankWorkbook(doc);
	const sheet = listSheetEntries(doc)[0];
	setCellInputs(doc, sheet.id, [
		{ address: 'A1', text: '2' },
		{ address: 'B1', text: '=A1*21' }
	]);
	const rowId = axisOf(doc, sheet, 'rows').ids[0];
	const colId = axisOf(doc, sheet, 'cols').ids[1];
	const b1 = () => values.getValue(sheet.id, rowId, colId).value;
	const key = `${sheet.id}:${cellKey(rowId, colId)}`;
	const kept: CachedValues = {
		appVersion: 'v1',
		fingerprint: documentFingerprint(doc),
		entries: [[key, 42]]
	};
	let values: WorkerValues;
	const open = (cached: CachedValues | null | Promise<CachedValues>) => {
		values = new WorkerValues(doc, {
			options: { key: 'k', appVersion: 'v1' },
			kept: Promise.resolve(cached)
		});
		values.start();
		return values;
	};
	return { doc, sheetId: sheet.id, key, kept, b1, open };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('worker values with values kept from the last visit', () => {
	it('shows the kept values of exactly this document until the worker answers', async () => {
		const { b1, open, kept, key } = workbook();
		open(kept);
		await settle();
		expect(b1()).toBe(42);
		FakeWorker.last.answer([[key, 43]]);
		expect(b1()).toBe(43);
	});

	it('shows none once the document changed before the worker answered', async () => {
		const { b1, open, kept, doc, sheetId } = workbook();
		const values = open(kept);
		const changed = vi.fn();
		values.onChange(changed);
		await settle();
		setCellInputs(doc, sheetId, [{ address: 'A1', text: '3' }]);
		expect(b1()).toBeNull();
		expect(changed).toHaveBeenCalledTimes(2);
	});

	it('shows none kept for another state of the document', async () => {
		const { b1, open, kept, doc, sheetId } = workbook();
		setCellInputs(doc, sheetId, [{ address: 'A1', text: '3' }]);
		open(kept);
		await settle();
		expect(b1()).toBeNull();
	});

	it('ignores kept values that arrive after the worker answered', async () => {
		const { b1, open, kept, key } = workbook();
		let release!: (cached: CachedValues) => void;
		open(new Promise<CachedValues>((resolve) => (release = resolve)));
		FakeWorker.last.answer([[key, 43]]);
		release(kept);
		await settle();
		expect(b1()).toBe(43);
	});
});
