import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addChart } from '../../core/charts';
import { listSheetEntries } from '../../core/document-view';
import { setCellInputs, setCellStyle } from '../../core/operations/cells';
import { defineName } from '../../core/operations/names';
import { addSheet, renameSheet } from '../../core/operations/sheets';
import { deleteLines, insertLines } from '../../core/operations/structure';
import { seedTemplate, TEMPLATES } from '../../core/templates';
import { seedBlankWorkbook } from '../../core/workbook-api';
import { scenariosMap } from '../../core/document';
import {
	applyScenario,
	clearOverrides,
	createScenario,
	duplicateScenario,
	renameScenario,
	requireScenario,
	setOverrides
} from '../../core/scenarios';
import { checkUpdateSchema, SchemaViolationError } from './update-schema';

function structsOf(update: Uint8Array) {
	return Y.decodeUpdate(update).structs;
}

/** The update `edit` makes to `doc`. */
function editOf(doc: Y.Doc, edit: () => void): Uint8Array {
	const before = Y.encodeStateVector(doc);
	edit();
	return Y.encodeStateAsUpdate(doc, before);
}

/** A server replica holding everything `client` holds. */
function replicaOf(client: Y.Doc): Y.Doc {
	const server = new Y.Doc();
	Y.applyUpdate(server, Y.encodeStateAsUpdate(client));
	return server;
}

function blankWorkbook(): { client: Y.Doc; sheetId: string } {
	const client = new Y.Doc();
	seedBlankWorkbook(client);
	return { client, sheetId: listSheetEntries(client)[0].id };
}

describe('checkUpdateSchema', () => {
	it('accepts every template as a whole update', () => {
		for (const template of TEMPLATES) {
			const doc = new Y.Doc();
			seedTemplate(doc, template.id);
			expect(() =>
				checkUpdateSchema(new Y.Doc(), structsOf(Y.encodeStateAsUpdate(doc)))
			).not.toThrow();
		}
	});

	it('accepts the edits the core makes, checked against the server replica', () => {
		const { client, sheetId } = blankWorkbook();
		const server = replicaOf(client);
		const edits: (() => void)[] = [
			() => setCellInputs(client, sheetId, [{ address: 'A1', text: '12' }]),
			() => setCellInputs(client, sheetId, [{ address: 'A1', text: '=B1*2' }]),
			() => setCellInputs(client, sheetId, [{ address: 'C3', text: 'hello' }]),
			() => setCellStyle(client, sheetId, 'A1', { bold: true }),
			() => insertLines(client, sheetId, 'rows', 0, 2),
			() => deleteLines(client, sheetId, 'cols', 1, 1),
			() => addSheet(client, 'Second'),
			() => renameSheet(client, sheetId, 'Inputs'),
			() => defineName(client, 'Price', 'Inputs!A1'),
			() =>
				addChart(client, {
					type: 'bar',
					title: 'T',
					labels: 'B1:B3',
					series: [{ name: 'S', range: 'A1:A3' }]
				})
		];
		for (const edit of edits) {
			const update = editOf(client, edit);
			expect(() => checkUpdateSchema(server, structsOf(update))).not.toThrow();
			Y.applyUpdate(server, update);
		}
	});

	it('refuses a formula cell whose formula is not an object', () => {
		const { client, sheetId } = blankWorkbook();
		const server = replicaOf(client);
		const update = editOf(client, () =>
			listSheetEntries(client)
				.find((sheet) => sheet.id === sheetId)!
				.cells.set('r:c', { f: 'not-an-object' } as never)
		);
		expect(() => checkUpdateSchema(server, structsOf(update))).toThrow(SchemaViolationError);
	});

	it('refuses a bad value that replaces an existing entry (parent inherited from the neighbour)', () => {
		const { client, sheetId } = blankWorkbook();
		setCellInputs(client, sheetId, [{ address: 'A1', text: '1' }]);
		const server = replicaOf(client);
		const sheet = listSheetEntries(client)[0];
		const [key] = [...sheet.cells.keys()];
		const update = editOf(client, () => sheet.cells.set(key, { nested: [1] } as never));
		expect(Y.decodeUpdate(update).structs.every((s) => (s as Y.Item).parent === null)).toBe(true);
		expect(() => checkUpdateSchema(server, structsOf(update))).toThrow(/a cell holds/);
	});

	it('refuses a 5,000-character sheet name', () => {
		const { client } = blankWorkbook();
		const server = replicaOf(client);
		const update = editOf(client, () =>
			listSheetEntries(client)[0].map.set('name', 'x'.repeat(5000))
		);
		expect(() => checkUpdateSchema(server, structsOf(update))).toThrow(/sheet name/);
	});

	it('accepts the scenario edits the core makes and refuses malformed scenario data', () => {
		const { client, sheetId } = blankWorkbook();
		const server = replicaOf(client);
		let id = '';
		const target = { sheetId, address: 'A1' };
		const good: (() => void)[] = [
			() => (id = createScenario(client, { name: 'Rate 7.5 %', createdBy: 'u1' })),
			() => setOverrides(client, id, [{ target, text: '7.5%' }]),
			() => renameScenario(client, id, 'Offer'),
			() => duplicateScenario(client, id, 'Copy'),
			() => clearOverrides(client, id, [target]),
			() => applyScenario(client, id)
		];
		for (const edit of good) {
			const update = editOf(client, edit);
			expect(() => checkUpdateSchema(server, structsOf(update))).not.toThrow();
			Y.applyUpdate(server, update);
		}
		const scenario = requireScenario(client, id);
		const bad: (() => void)[] = [
			() => scenariosMap(client).set('s9', 'not a scenario' as never),
			() => scenario.map.set('name', ''),
			() => scenario.map.set('colour', 'red'),
			() => scenario.overrides.set('no-key-shape', 1),
			() => scenario.overrides.set(`${sheetId}!r:c`, { f: { parts: ['=1'], refs: [] } } as never),
			() => scenario.overrides.set(`${sheetId}!r:c`, Infinity)
		];
		for (const edit of bad) {
			const update = editOf(client, edit);
			expect(() => checkUpdateSchema(server, structsOf(update))).toThrow(SchemaViolationError);
			Y.applyUpdate(server, update);
		}
	});

	it('leaves roots outside the schema unchecked (nothing reads them)', () => {
		const { client } = blankWorkbook();
		const server = replicaOf(client);
		const edits: (() => void)[] = [
			() => client.getText('notes').insert(0, 'hi'),
			() => client.getMap('scratch').set('nested', new Y.Map()),
			() => (client.getMap('scratch').get('nested') as Y.Map<unknown>).set('k', { any: 1 })
		];
		for (const edit of edits) {
			const update = editOf(client, edit);
			expect(() => checkUpdateSchema(server, structsOf(update))).not.toThrow();
			Y.applyUpdate(server, update);
		}
	});

	it('refuses types and content the schema does not have where it applies', () => {
		const { client } = blankWorkbook();
		const server = replicaOf(client);
		const sheet = listSheetEntries(client)[0];
		const bad: (() => void)[] = [
			() => client.getMap('sheets').set('s9', 'not a sheet map'),
			() => client.getMap('meta').set('currency', new Y.Text('USD')),
			() => sheet.cells.set('r:c', new Y.Map() as never),
			() => sheet.map.set('extra', 1),
			() => sheet.rows.push([42 as never]),
			() => sheet.colWidths.set('c', Infinity),
			() => client.getMap('names').set('n1', { name: 'X', expr: 'A1' })
		];
		for (const edit of bad) {
			const update = editOf(client, edit);
			expect(() => checkUpdateSchema(server, structsOf(update))).toThrow(SchemaViolationError);
			Y.applyUpdate(server, update);
		}
	});

	it('refuses an item whose neighbour neither the update nor the document holds', () => {
		const { client, sheetId } = blankWorkbook();
		const server = replicaOf(client);
		editOf(client, () => setCellInputs(client, sheetId, [{ address: 'A1', text: '1' }]));
		const sheet = listSheetEntries(client)[0];
		const [key] = [...sheet.cells.keys()];
		// Only the second write is sent: it names the first (unknown to the server) as its neighbour.
		const second = editOf(client, () => sheet.cells.set(key, 2));
		expect(() => checkUpdateSchema(server, structsOf(second))).toThrow(/neighbour/);
	});
});
