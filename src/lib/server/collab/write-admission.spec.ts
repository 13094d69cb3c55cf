import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { listSheetEntries } from '../../core/document-view';
import { seedBlankWorkbook } from '../../core/workbook-api';
import { AppError } from '../errors';
import { collabDefaults } from './collab-config';
import { Room } from './room';
import { RejectedUpdateError } from './update-validation';
import { admitSocketUpdate, refusalOfApiChange, refusalOfFullWorkbook } from './write-admission';

/** A room holding a blank workbook, and a client replica of it. */
function setUp() {
	const client = new Y.Doc();
	seedBlankWorkbook(client);
	const stored = Y.encodeStateAsUpdate(client);
	const room = new Room('wb', { updates: [stored], lastUpdateId: 1, logCount: 0, logBytes: 0 });
	return { room, client, cells: listSheetEntries(client)[0].cells };
}

function editOf(doc: Y.Doc, edit: () => void): Uint8Array {
	const before = Y.encodeStateVector(doc);
	edit();
	return Y.encodeStateAsUpdate(doc, before);
}

const structsOf = (update: Uint8Array) => Y.decodeUpdate(update).structs;

describe('admitSocketUpdate', () => {
	it('admits a fitting update and refuses one past the quota, but never a deletion', () => {
		const { room, client, cells } = setUp();
		const write = editOf(client, () => cells.set('r:c', 'x'.repeat(100)));
		const roomy = { ...collabDefaults, workbookMaxBytes: room.storedBytes + write.length };
		expect(() => admitSocketUpdate(room, write, structsOf(write), roomy)).not.toThrow();
		const tight = { ...roomy, workbookMaxBytes: roomy.workbookMaxBytes - 1 };
		expect(() => admitSocketUpdate(room, write, structsOf(write), tight)).toThrow(
			expect.objectContaining({ kind: 'quota' })
		);
		Y.applyUpdate(room.doc, write);
		const deletion = editOf(client, () => cells.delete('r:c'));
		const full = { ...collabDefaults, workbookMaxBytes: 1 };
		expect(() => admitSocketUpdate(room, deletion, structsOf(deletion), full)).not.toThrow();
	});

	it('refuses an update that does not fit the schema with kind "schema"', () => {
		const { room, client, cells } = setUp();
		const bad = editOf(client, () => cells.set('r:c', { f: 'not-an-object' } as never));
		expect(() => admitSocketUpdate(room, bad, structsOf(bad), collabDefaults)).toThrow(
			RejectedUpdateError
		);
		expect(() => admitSocketUpdate(room, bad, structsOf(bad), collabDefaults)).toThrow(
			expect.objectContaining({ kind: 'schema' })
		);
	});
});

describe('refusals of API changes', () => {
	it('answers 413 update_too_large, 413 workbook_too_large and 400 invalid_document', () => {
		const { room, client, cells } = setUp();
		const write = editOf(client, () => cells.set('r:c', 'x'.repeat(1000)));
		expect(refusalOfApiChange(room, write, collabDefaults)).toBeNull();
		const capped = { ...collabDefaults, maxUpdateBytes: 100 };
		expect(refusalOfApiChange(room, write, capped)).toMatchObject({
			status: 413,
			code: 'update_too_large'
		});
		const full = { ...collabDefaults, workbookMaxBytes: room.storedBytes + 10 };
		expect(refusalOfApiChange(room, write, full)).toMatchObject({
			status: 413,
			code: 'workbook_too_large'
		});
		const bad = editOf(client, () => cells.set('r:d', [1, 2] as never));
		const refusal = refusalOfApiChange(room, bad, collabDefaults);
		expect(refusal).toBeInstanceOf(AppError);
		expect(refusal).toMatchObject({ status: 400, code: 'invalid_document' });
	});

	it('refuses every API change once the workbook is at its quota', () => {
		const { room } = setUp();
		expect(refusalOfFullWorkbook(room, collabDefaults)).toBeNull();
		const full = { ...collabDefaults, workbookMaxBytes: room.storedBytes };
		expect(refusalOfFullWorkbook(room, full)?.message).toContain(String(room.storedBytes));
	});
});
