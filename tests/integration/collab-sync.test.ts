import * as decoding from 'lib0/decoding';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { readCells } from '../../src/lib/core/workbook-api';
import { DATABASE_KINDS } from '../helpers/databases';
import { ApiClient, uniqueEmail } from '../helpers/http-client';
import { encodeSyncStep1 } from '../../src/lib/collab/protocol';
import { closeCodeOf, connectClient } from '../helpers/collab-client';
import { startTestServer, type TestServer } from '../helpers/server';
import { waitFor } from '../helpers/wait';

describe.each(DATABASE_KINDS)('collaboration endpoint on %s', (kind) => {
	let server: TestServer;
	let owner: ApiClient;
	let workbookId: string;
	const providers: { destroy(): void }[] = [];

	beforeAll(async () => {
		server = await startTestServer(kind);
		owner = new ApiClient(server.url);
		await owner.register(uniqueEmail('owner'));
		const created = await owner.post<{ id: string }>('/api/v1/workbooks', { title: 'Duplex' });
		workbookId = created.body.id;
	});

	afterAll(async () => {
		for (const provider of providers) provider.destroy();
		await server?.stop();
		await server?.database.drop();
	});

	function client(options: Parameters<typeof connectClient>[2] = {}) {
		const opened = connectClient(server.url, workbookId, {
			cookie: owner.sessionCookie,
			...options
		});
		providers.push(opened.provider);
		return opened;
	}

	it('syncs the seeded document to a stock WebsocketProvider', async () => {
		const { doc, provider } = client();
		await waitFor(() => provider.synced, 10_000, 'sync');
		expect(doc.getMap('sheets').size).toBe(1);
	});

	it('lets two stock clients converge on concurrent edits', async () => {
		const a = client();
		const b = client();
		await waitFor(() => a.provider.synced && b.provider.synced, 10_000, 'both synced');
		a.doc.getMap('scratch').set('a', 1);
		b.doc.getMap('scratch').set('b', 2);
		await waitFor(() => a.doc.getMap('scratch').size === 2 && b.doc.getMap('scratch').size === 2);
		expect(Y.encodeStateVector(a.doc)).toEqual(Y.encodeStateVector(b.doc));
		expect(a.doc.getMap('scratch').toJSON()).toEqual(b.doc.getMap('scratch').toJSON());
	});

	it('shows presence with the authenticated name, not the one the client claims', async () => {
		const a = client();
		const b = client();
		await waitFor(() => a.provider.synced && b.provider.synced);
		a.provider.awareness.setLocalStateField('user', { name: 'Impostor' });
		const seen = await waitFor(() => {
			const state = b.provider.awareness.getStates().get(a.doc.clientID) as
				{ user?: { name: string; id: string } } | undefined;
			return state?.user?.id ? state.user : undefined;
		});
		expect(seen.name).toBe('Test User');
	});

	it('closes an upgrade without a session with 4401 before sending anything', async () => {
		const result = await closeCodeOf(`${server.url.replace('http', 'ws')}/collab/${workbookId}`);
		expect(result).toEqual({ code: 4401, messages: 0 });
	});

	it('closes an upgrade from a foreign origin with 4403 before sending anything', async () => {
		const result = await closeCodeOf(`${server.url.replace('http', 'ws')}/collab/${workbookId}`, {
			cookie: owner.sessionCookie!,
			origin: 'https://evil.example'
		});
		expect(result).toEqual({ code: 4403, messages: 0 });
	});

	it('accepts the server’s own origin', async () => {
		const { provider } = client({ origin: server.url });
		await waitFor(() => provider.synced);
	});

	it('closes an upgrade for an unknown workbook with 4404', async () => {
		const result = await closeCodeOf(`${server.url.replace('http', 'ws')}/collab/nosuchworkbook`, {
			cookie: owner.sessionCookie!
		});
		expect(result).toEqual({ code: 4404, messages: 0 });
	});

	it('closes with 4404 when someone else’s workbook is opened, as for one that does not exist', async () => {
		const stranger = new ApiClient(server.url);
		await stranger.register(uniqueEmail('stranger'));
		const result = await closeCodeOf(`${server.url.replace('http', 'ws')}/collab/${workbookId}`, {
			cookie: stranger.sessionCookie!
		});
		expect(result).toEqual({ code: 4404, messages: 0 });
	});

	it('keeps the query string a provider adds (params) working', async () => {
		const { provider } = client({ params: { link: 'unused' } });
		await waitFor(() => provider.synced);
	});

	it('refuses upgrades to other paths', async () => {
		await expect(
			closeCodeOf(`${server.url.replace('http', 'ws')}/elsewhere`, { cookie: owner.sessionCookie! })
		).rejects.toThrow(/404/);
	});

	// Last: it kills and restarts the server.
	it('answers a fresh client of a room in use from its stored parts, edits included', async () => {
		const path = `/api/v1/workbooks/${workbookId}/cells`;
		// API writes load the room and build its document; these are its log since loading.
		for (let row = 1; row <= 3; row++) {
			const written = await owner.post(path, { updates: [{ ref: `Y${row}`, input: `${row}0` }] });
			expect(written.status).toBe(200);
		}
		const socket = new WebSocket(`${server.url.replace('http', 'ws')}/collab/${workbookId}`, {
			headers: { cookie: owner.sessionCookie! }
		});
		const doc = new Y.Doc();
		const framesBeforeSync: number[] = [];
		await new Promise<void>((resolve, reject) => {
			socket.on('open', () => socket.send(encodeSyncStep1(new Y.Doc())));
			socket.on('message', (data: Buffer) => {
				const decoder = decoding.createDecoder(new Uint8Array(data));
				if (decoding.readVarUint(decoder) !== 0) return;
				const syncType = decoding.readVarUint(decoder);
				if (syncType === 0) return;
				Y.applyUpdate(doc, decoding.readVarUint8Array(decoder));
				if (syncType === 1) resolve();
				else framesBeforeSync.push(syncType);
			});
			socket.on('close', (code) => reject(new Error(`closed with ${code}`)));
		});
		socket.close();
		// The log rows came as they are stored, before the sync step 2 of the rest.
		expect(framesBeforeSync.length).toBeGreaterThanOrEqual(3);
		const column = readCells(doc, 'Sheet1', 'Y1:Y3').map((row) => row[0].input);
		expect(column).toEqual(['10', '20', '30']);
	});

	it('answers a fresh client whole when a crash left a long log, not one frame per row', async () => {
		const path = `/api/v1/workbooks/${workbookId}/cells`;
		for (let row = 1; row <= 150; row++) {
			const written = await owner.post(path, { updates: [{ ref: `Z${row}`, input: String(row) }] });
			expect(written.status).toBe(200);
		}
		await server.kill(); // no shutdown snapshot: the 150 rows stay in the log
		server = await server.restart();
		const socket = new WebSocket(`${server.url.replace('http', 'ws')}/collab/${workbookId}`, {
			headers: { cookie: owner.sessionCookie! }
		});
		const framesBeforeSync: number[] = [];
		const synced = new Promise<Uint8Array>((resolve, reject) => {
			socket.on('open', () => socket.send(encodeSyncStep1(new Y.Doc())));
			socket.on('message', (data: Buffer) => {
				const decoder = decoding.createDecoder(new Uint8Array(data));
				if (decoding.readVarUint(decoder) !== 0) return;
				const syncType = decoding.readVarUint(decoder);
				if (syncType === 1) resolve(decoding.readVarUint8Array(decoder));
				else framesBeforeSync.push(syncType);
			});
			socket.on('close', (code) => reject(new Error(`closed with ${code}`)));
		});
		const state = await synced;
		socket.close();
		expect(framesBeforeSync.filter((syncType) => syncType === 2)).toEqual([]);
		const doc = new Y.Doc();
		Y.applyUpdate(doc, state);
		const cells = await owner.get<{ cells: { value: unknown }[][] }>(
			`${path}?sheet=Sheet1&range=Z1:Z150`
		);
		expect(cells.body.cells.map((row) => row[0].value)).toEqual(
			Array.from({ length: 150 }, (_, index) => index + 1)
		);
		expect(doc.getMap('sheets').size).toBe(1);
	}, 60_000);
});
