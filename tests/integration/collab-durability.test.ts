import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { DATABASE_KINDS } from '../helpers/databases';
import { ApiClient, uniqueEmail } from '../helpers/http-client';
import { connectClient } from '../helpers/collab-client';
import { startTestServer } from '../helpers/server';
import { waitFor } from '../helpers/wait';

const cleanups: (() => Promise<void> | void)[] = [];

afterEach(async () => {
	for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function setUp(kind: (typeof DATABASE_KINDS)[number], env: Record<string, string> = {}) {
	const server = await startTestServer(kind, { env });
	const state = { server };
	cleanups.push(async () => {
		await state.server.stop();
		await server.database.drop();
	});
	const api = new ApiClient(server.url);
	await api.register(uniqueEmail('durable'));
	const { id } = (await api.post<{ id: string }>('/api/v1/workbooks', { title: 'Durable' })).body;
	return { state, api, workbookId: id };
}

function open(url: string, workbookId: string, cookie: string | undefined) {
	const client = connectClient(url, workbookId, { cookie });
	cleanups.push(() => client.provider.destroy());
	return client;
}

describe.each(DATABASE_KINDS)('durability on %s', (kind) => {
	it('keeps a client’s offline edits through a server restart and takes them when it reconnects', async () => {
		const { state, api, workbookId } = await setUp(kind);
		const a = open(state.server.url, workbookId, api.sessionCookie);
		await waitFor(() => a.provider.synced);
		a.doc.getMap('scratch').set('before', 1);
		await state.server.stop();
		await waitFor(() => !a.provider.wsconnected, 10_000, 'disconnect');
		for (let i = 0; i < 20; i++) a.doc.getMap('scratch').set(`offline-${i}`, i);
		state.server = await state.server.restart();
		await waitFor(() => a.provider.synced, 20_000, 'reconnect');
		const b = open(state.server.url, workbookId, api.sessionCookie);
		await waitFor(() => b.doc.getMap('scratch').size === 21, 20_000, 'offline edits at B');
		expect(b.doc.getMap('scratch').toJSON()).toEqual(a.doc.getMap('scratch').toJSON());
	});

	it('loses nothing a client received or the API acknowledged when the server is killed mid-stream', async () => {
		const { state, api, workbookId } = await setUp(kind);
		const writer = open(state.server.url, workbookId, api.sessionCookie);
		const watcher = open(state.server.url, workbookId, api.sessionCookie);
		await waitFor(() => writer.provider.synced && watcher.provider.synced);
		let writing = true;
		const stream = (async () => {
			for (let i = 0; writing; i++) {
				writer.doc.getMap('stream').set(`k${i}`, i);
				await new Promise((resolve) => setTimeout(resolve, 2));
			}
		})();
		const acknowledged: string[] = [];
		const apiWrites = (async () => {
			for (let i = 1; writing && i < 10_000; i++) {
				const response = await api
					.post(`/api/v1/workbooks/${workbookId}/cells`, {
						sheet: 'Sheet1',
						updates: [{ ref: `A${i}`, input: String(i) }]
					})
					.catch(() => null);
				if (response?.status === 200) acknowledged.push(`A${i}`);
			}
		})();
		await waitFor(
			() => watcher.doc.getMap('stream').size >= 100 && acknowledged.length >= 5,
			20_000
		);
		await state.server.kill();
		writing = false;
		// What the watcher had received from the server before the crash must all survive.
		const seen = watcher.doc.getMap('stream').toJSON();
		writer.provider.destroy();
		watcher.provider.destroy();
		await Promise.all([stream, apiWrites]);

		state.server = await state.server.restart();
		const fresh = open(state.server.url, workbookId, api.sessionCookie);
		await waitFor(() => fresh.provider.synced, 20_000);
		const stored = fresh.doc.getMap('stream').toJSON();
		for (const [key, value] of Object.entries(seen)) expect(stored[key], key).toBe(value);
		const last = acknowledged.length;
		const cells = await api.get<{ cells: { value: unknown }[][] }>(
			`/api/v1/workbooks/${workbookId}/cells?sheet=Sheet1&range=A1:A${last}`
		);
		expect(cells.body.cells.map((row) => row[0].value)).toEqual(
			Array.from({ length: last }, (_, i) => i + 1)
		);
	});

	it('unloads an idle document, compacting it, and reloads it identical', async () => {
		const { state, api, workbookId } = await setUp(kind, {
			COLLAB_IDLE_UNLOAD_MS: '200',
			COLLAB_COMPACT_AFTER_UPDATES: '10',
			LOG_LEVEL: 'info'
		});
		const a = open(state.server.url, workbookId, api.sessionCookie);
		await waitFor(() => a.provider.synced);
		for (let i = 0; i < 50; i++) {
			a.doc.getText('notes').insert(0, `line ${i}\n`);
			await new Promise((resolve) => setTimeout(resolve, 1));
		}
		const b = open(state.server.url, workbookId, api.sessionCookie);
		await waitFor(() => b.doc.getText('notes').length === a.doc.getText('notes').length);
		const expected = Y.encodeStateAsUpdate(a.doc);
		a.provider.destroy();
		b.provider.destroy();
		await waitFor(
			() => state.server.output().includes(`"workbookId":"${workbookId}","msg":"room unloaded"`),
			10_000,
			'unload log line'
		);
		const c = open(state.server.url, workbookId, api.sessionCookie);
		await waitFor(() => c.provider.synced);
		const reference = new Y.Doc();
		Y.applyUpdate(reference, expected);
		expect(c.doc.getText('notes').toString()).toBe(reference.getText('notes').toString());
		expect(Y.encodeStateVector(c.doc)).toEqual(Y.encodeStateVector(reference));
		expect(c.doc.getMap('sheets').size).toBe(1);
	});
});
