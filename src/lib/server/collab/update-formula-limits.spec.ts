import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { cellKey, namesMap, sheetsMap } from '../../core/document';
import { listSheetEntries } from '../../core/document-view';
import { LimitExceededError } from '../../core/errors';
import type { StoredFormula, StoredRef } from '../../core/formula-refs';
import { fillDown, setCellInputs } from '../../core/operations/cells';
import { deleteLines, insertLines, moveLines } from '../../core/operations/structure';
import { seedTemplate, TEMPLATES } from '../../core/templates';
import { seedBlankWorkbook } from '../../core/workbook-api';
import { checkUpdateFormulaLimits } from './update-formula-limits';
import { checkUpdateSchema } from './update-schema';

/** Checks `update` against `server` as the socket path does (schema, then formula limits). */
function admit(server: Y.Doc, update: Uint8Array): void {
	checkUpdateFormulaLimits(server, checkUpdateSchema(server, Y.decodeUpdate(update).structs));
}

/** The update `edit` makes to `doc`. */
function editOf(doc: Y.Doc, edit: () => void): Uint8Array {
	const before = Y.encodeStateVector(doc);
	edit();
	return Y.encodeStateAsUpdate(doc, before);
}

/** A blank client document and its server replica. */
function workbook() {
	const client = new Y.Doc();
	seedBlankWorkbook(client);
	const sheetId = listSheetEntries(client)[0].id;
	const server = new Y.Doc();
	Y.applyUpdate(server, Y.encodeStateAsUpdate(client));
	const sheet = sheetsMap(client).get(sheetId)!;
	const axis = (name: 'rows' | 'cols') => sheet.get(name) as Y.Array<string>;
	const cells = sheet.get('cells') as Y.Map<unknown>;
	return { client, server, sheetId, rows: axis('rows'), cols: axis('cols'), cells };
}

/** `=SUM(<from>:<to>)` as stored. */
function sumOf(a: StoredRef & { a: object }, b?: object): StoredFormula {
	return { parts: ['SUM(', ')'], refs: [{ ...a, ...(b ? { b } : {}) } as StoredRef] };
}

const expectRefused = (server: Y.Doc, update: Uint8Array, limit: RegExp) => {
	expect(() => admit(server, update)).toThrow(LimitExceededError);
	expect(() => admit(server, update)).toThrow(limit);
};

describe('checkUpdateFormulaLimits', () => {
	it('accepts every template as a whole update on an empty document', () => {
		for (const template of TEMPLATES) {
			const doc = new Y.Doc();
			seedTemplate(doc, template.id);
			expect(() => admit(new Y.Doc(), Y.encodeStateAsUpdate(doc))).not.toThrow();
		}
	}, 30_000);

	it('accepts a typed formula of exactly a million cells whose update also grows the grid', () => {
		const { client, server, sheetId } = workbook();
		const update = editOf(client, () =>
			setCellInputs(client, sheetId, [{ address: 'G1', text: '=SUM(A1:E200000)' }])
		);
		expect(() => admit(server, update)).not.toThrow();
	});

	it('accepts the edits the core makes, one by one and as one offline update over concurrent ones', () => {
		const { client, server, sheetId } = workbook();
		const edits: (() => void)[] = [
			() => setCellInputs(client, sheetId, [{ address: 'A1', text: '=SUM(B1:B500)' }]),
			() => insertLines(client, sheetId, 'rows', 0, 3),
			() => moveLines(client, sheetId, 'rows', 5, 2, 0),
			() => deleteLines(client, sheetId, 'rows', 1, 1),
			() => setCellInputs(client, sheetId, [{ address: 'C1', text: '=SUM(A1:E199990)' }]),
			() => fillDown(client, sheetId, 'C1:C5'),
			() => setCellInputs(client, sheetId, [{ address: 'D2', text: '=SUM(A:E)+ALL1' }])
		];
		for (const edit of edits) {
			const update = editOf(client, edit);
			expect(() => admit(server, update)).not.toThrow();
			Y.applyUpdate(server, update);
		}
		// Offline: the client inserts rows and refers to them while someone else inserted others.
		const other = new Y.Doc();
		Y.applyUpdate(other, Y.encodeStateAsUpdate(server));
		const offline = editOf(client, () => {
			insertLines(client, sheetId, 'rows', 10, 5);
			setCellInputs(client, sheetId, [{ address: 'F12', text: '=SUM(A1:E199999)' }]);
		});
		Y.applyUpdate(
			server,
			editOf(other, () => insertLines(other, sheetId, 'rows', 10, 1))
		);
		expect(() => admit(server, offline)).not.toThrow();
	}, 20_000);

	it('refuses a raw formula over a million cells between rows and columns the document has', () => {
		const { client, server, sheetId, rows, cols, cells } = workbook();
		setCellInputs(client, sheetId, [{ address: 'ALL1001', text: 'corner' }]);
		Y.applyUpdate(server, Y.encodeStateAsUpdate(client, Y.encodeStateVector(server)));
		const [top, bottom] = [rows.get(0), rows.get(rows.length - 1)];
		const [left, right] = [cols.get(0), cols.get(cols.length - 1)];
		const update = editOf(client, () =>
			cells.set(cellKey(top, left), {
				f: sumOf({ a: { r: top, c: left } }, { r: bottom, c: right })
			})
		);
		expectRefused(server, update, /1000000 cells/);
		const inRange = editOf(client, () =>
			cells.set(cellKey(bottom, left), {
				f: sumOf({ a: { r: top, c: left } }, { r: rows.get(999), c: right })
			})
		);
		expect(() => admit(server, inRange)).not.toThrow();
	});

	it('counts a row the same update inserts where Yjs will put it, not at the end', () => {
		const { client, server, sheetId, rows, cols, cells } = workbook();
		setCellInputs(client, sheetId, [{ address: 'ALL1000', text: 'corner' }]);
		Y.applyUpdate(server, Y.encodeStateAsUpdate(client, Y.encodeStateVector(server)));
		// 1,000 × 1,000 cells fit; one row inserted on top of them, in the same update, does not.
		const update = editOf(client, () => {
			insertLines(client, sheetId, 'rows', 0, 1);
			const [top, bottom] = [rows.get(0), rows.get(rows.length - 1)];
			cells.set(cellKey(bottom, cols.get(0)), {
				f: sumOf({ a: { r: top, c: cols.get(0) } }, { r: bottom, c: cols.get(999) })
			});
		});
		expectRefused(server, update, /1001000/);
	});

	it('refuses whole columns past a million cells and accepts five of them', () => {
		const { client, server, rows, cols, cells } = workbook();
		const whole = (last: number) =>
			editOf(client, () =>
				cells.set(cellKey(rows.get(last), cols.get(10)), {
					f: sumOf({ a: { c: cols.get(0) } }, { c: cols.get(last) })
				})
			);
		expect(() => admit(server, whole(4))).not.toThrow();
		expectRefused(server, whole(5), /1200000/);
	});

	it('refuses formula text past 8,192 characters and nesting past 64 levels', () => {
		const { client, server, rows, cols, cells } = workbook();
		let row = 0;
		const raw = (text: string) =>
			editOf(client, () =>
				cells.set(cellKey(rows.get(row++), cols.get(0)), { f: { parts: [text], refs: [] } })
			);
		expectRefused(server, raw('1' + '+1'.repeat(4100)), /8192 characters/);
		expectRefused(server, raw('('.repeat(65) + '1' + ')'.repeat(65)), /64 levels/);
		expect(() => admit(server, raw('('.repeat(64) + '1' + ')'.repeat(64)))).not.toThrow();
		expect(() => admit(server, raw(`"${'('.repeat(100)}"`))).not.toThrow();
	});

	it('counts references by their rendered length', () => {
		const { client, server, rows, cols, cells } = workbook();
		const ref: StoredRef = { a: { r: rows.get(0), c: cols.get(0), ar: 1, ac: 1 } };
		// 2,100 references rendered `$A$1` and 2,101 `+`s: 10,501 characters with the `=`.
		const update = editOf(client, () =>
			cells.set(cellKey(rows.get(1), cols.get(1)), {
				f: { parts: ['', ...Array(2100).fill('+')], refs: Array(2100).fill(ref) }
			})
		);
		expectRefused(server, update, /10501/);
	});

	it('lets references to ids the document does not know through (they are #REF!)', () => {
		const { client, server, rows, cols, cells } = workbook();
		const update = editOf(client, () =>
			cells.set(cellKey(rows.get(0), cols.get(0)), {
				f: sumOf({ a: { r: 'gone', c: cols.get(0) } }, { r: 'also-gone', c: 'nowhere' })
			})
		);
		expect(() => admit(server, update)).not.toThrow();
	});

	it('applies the same limits to defined names', () => {
		const { client, server, sheetId, rows, cols } = workbook();
		setCellInputs(client, sheetId, [{ address: 'ALL1001', text: 'corner' }]);
		Y.applyUpdate(server, Y.encodeStateAsUpdate(client, Y.encodeStateVector(server)));
		const update = editOf(client, () =>
			namesMap(client).set('name-1', {
				name: 'Everything',
				expr: {
					parts: ['', ''],
					refs: [
						{
							s: sheetId,
							a: { r: rows.get(0), c: cols.get(0) },
							b: { r: rows.get(1000), c: cols.get(999) }
						}
					]
				}
			})
		);
		expectRefused(server, update, /1001000/);
	});
});
