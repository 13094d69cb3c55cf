import WebSocket from 'ws';
import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeSyncStep2FromUpdate, encodeSyncUpdate } from '../../src/lib/collab/protocol';
import { connectClient, nextCloseCode } from '../helpers/collab-client';
import { DATABASE_KINDS } from '../helpers/databases';
import { ApiClient, uniqueEmail } from '../helpers/http-client';
import { shareWith } from '../helpers/invitations';
import { startTestServer, type TestServer } from '../helpers/server';
import { waitFor } from '../helpers/wait';

interface CellRow {
	ref: string;
	input: string;
	value: unknown;
}

/** A hand-made client: raw frames, no library between the test and the server. */
function openRawSocket(url: string, headers: Record<string, string> = {}) {
	const ws = new WebSocket(url, { headers });
	const opened = new Promise<void>((resolve, reject) => {
		ws.on('open', () => resolve());
		ws.on('error', reject);
	});
	return { ws, opened };
}

describe.each(DATABASE_KINDS)('share links and live permission changes on %s', (kind) => {
	let server: TestServer;
	let owner: ApiClient;
	let workbookId: string;
	let base: string;

	async function cellA1(reader: ApiClient = owner, headers: Record<string, string> = {}) {
		const response = await reader.get<{ cells: CellRow[][] } | CellRow[][]>(
			`${base}/cells?sheet=Sheet1&range=A1:A1`,
			headers
		);
		const rows = Array.isArray(response.body) ? response.body : response.body.cells;
		return { status: response.status, cell: rows?.[0]?.[0] };
	}

	async function createLink(body: Record<string, unknown> = {}) {
		const response = await owner.post<{ id: string; token: string }>(`${base}/links`, {
			label: 'CPA',
			...body
		});
		expect(response.status).toBe(201);
		return response.body;
	}

	beforeAll(async () => {
		server = await startTestServer(kind);
		owner = new ApiClient(server.url);
		await owner.register(uniqueEmail('owner'));
		workbookId = (await owner.post<{ id: string }>('/api/v1/workbooks', { title: 'Books' })).body
			.id;
		base = `/api/v1/workbooks/${workbookId}`;
		await owner.post(`${base}/cells`, { sheet: 'Sheet1', updates: [{ ref: 'A1', input: '5' }] });
	});

	afterAll(async () => {
		await server?.stop();
		await server?.database.drop();
	});

	it('lets a link read through Bearer or ?link=, and never write', async () => {
		const { token } = await createLink();
		const anonymous = new ApiClient(server.url);
		const bearer = await cellA1(anonymous, { authorization: `Bearer ${token}` });
		expect(bearer.status).toBe(200);
		expect(bearer.cell?.value).toBe(5);
		const query = await anonymous.get(`${base}?link=${token}`);
		expect(query.status).toBe(200);
		expect(query.body).toMatchObject({ role: 'viewer' });
		const write = await anonymous.post(
			`${base}/cells`,
			{ sheet: 'Sheet1', updates: [{ ref: 'A1', input: '99' }] },
			{ authorization: `Bearer ${token}` }
		);
		expect(write.status).toBe(401);
		expect((await cellA1()).cell?.value).toBe(5);
	});

	it('applies and stores nothing a link connection sends, and tells it it is read-only', async () => {
		const { token } = await createLink();
		const url = `${server.url.replace(/^http/, 'ws')}/collab/${workbookId}?link=${token}`;
		const raw = openRawSocket(url);
		const received: Uint8Array[] = [];
		raw.ws.on('message', (data: Buffer) => received.push(new Uint8Array(data)));
		await raw.opened;
		await waitFor(() => received.length > 0);
		expect(received.some((frame) => frame[0] === 2)).toBe(true);

		const intruder = new Y.Doc();
		intruder.getMap('sheets').set('hijack', new Y.Map());
		const update = Y.encodeStateAsUpdate(intruder);
		raw.ws.send(encodeSyncStep2FromUpdate(Y.encodeStateAsUpdate(intruder)));
		raw.ws.send(encodeSyncUpdate(update));

		// An owner's edit after the intruder's frames: once it is visible, theirs were processed.
		await owner.post(`${base}/cells`, { sheet: 'Sheet1', updates: [{ ref: 'A2', input: '7' }] });
		const observer = connectClient(server.url, workbookId, { cookie: owner.sessionCookie });
		try {
			await waitFor(() => observer.provider.synced);
			expect(observer.doc.getMap('sheets').has('hijack')).toBe(false);
		} finally {
			observer.provider.destroy();
		}
		raw.ws.close();
		// Stored: a fresh load from the database has no trace of it either.
		await server.stop();
		server = await server.restart();
		owner = Object.assign(new ApiClient(server.url), { sessionCookie: owner.sessionCookie });
		const reloaded = connectClient(server.url, workbookId, { cookie: owner.sessionCookie });
		try {
			await waitFor(() => reloaded.provider.synced);
			expect(reloaded.doc.getMap('sheets').has('hijack')).toBe(false);
		} finally {
			reloaded.provider.destroy();
		}
	});

	it('closes a link connection with 4403 within a second of revocation', async () => {
		const { id, token } = await createLink();
		const guest = connectClient(server.url, workbookId, { params: { link: token } });
		try {
			await waitFor(() => guest.provider.synced);
			const closed = nextCloseCode(guest.provider);
			const revoked = await owner.delete(`${base}/links/${id}`);
			const revokedAt = Date.now();
			expect(revoked.status).toBe(204);
			expect(await closed).toBe(4403);
			expect(Date.now() - revokedAt).toBeLessThan(1000);
			expect(
				(await cellA1(new ApiClient(server.url), { authorization: `Bearer ${token}` })).status
			).toBe(404);
		} finally {
			guest.provider.destroy();
		}
	});

	it('closes an expired link’s connection and refuses the link afterwards', async () => {
		const { token } = await createLink({ expiresAt: new Date(Date.now() + 2500).toISOString() });
		const guest = connectClient(server.url, workbookId, { params: { link: token } });
		try {
			await waitFor(() => guest.provider.synced);
			const code = await nextCloseCode(guest.provider);
			expect(code).toBe(4403);
			guest.provider.disconnect();
			expect((await new ApiClient(server.url).get(`${base}?link=${token}`)).status).toBe(404);
		} finally {
			guest.provider.destroy();
		}
	});

	it('closes a removed member’s connection and makes a demoted editor read-only', async () => {
		const editor = new ApiClient(server.url);
		const editorEmail = uniqueEmail('editor');
		const editorId = (await editor.register(editorEmail)).id;
		const removed = new ApiClient(server.url);
		const removedEmail = uniqueEmail('removed');
		const removedId = (await removed.register(removedEmail)).id;
		await shareWith(server, owner, workbookId, { client: editor, email: editorEmail }, 'editor');
		await shareWith(server, owner, workbookId, { client: removed, email: removedEmail }, 'editor');
		const editorClient = connectClient(server.url, workbookId, { cookie: editor.sessionCookie });
		const removedClient = connectClient(server.url, workbookId, { cookie: removed.sessionCookie });
		const ownerClient = connectClient(server.url, workbookId, { cookie: owner.sessionCookie });
		try {
			await waitFor(
				() =>
					editorClient.provider.synced &&
					removedClient.provider.synced &&
					ownerClient.provider.synced
			);
			const removedClosed = nextCloseCode(removedClient.provider);
			expect((await owner.delete(`${base}/members/${removedId}`)).status).toBe(204);
			expect(await removedClosed).toBe(4403);

			expect((await owner.patch(`${base}/members/${editorId}`, { role: 'viewer' })).status).toBe(
				200
			);
			// Within a second the live connection is read-only: its edits are dropped…
			await new Promise((resolve) => setTimeout(resolve, 1000));
			editorClient.doc.getMap('scratch').set('late', 'after demotion');
			ownerClient.doc.getMap('scratch').set('marker', 'after');
			await waitFor(() => editorClient.doc.getMap('scratch').get('marker') === 'after');
			expect(ownerClient.doc.getMap('scratch').has('late')).toBe(false);
			// …while it still sees the others' edits live.
			expect(editorClient.provider.wsconnected).toBe(true);
		} finally {
			for (const client of [editorClient, removedClient, ownerClient]) client.provider.destroy();
		}
	});

	// Last: the guesses leave this client's address throttled, links and all, for ten minutes.
	it('finds nothing with thousands of guessed tokens, and throttles the guesser', async () => {
		const anonymous = new ApiClient(server.url);
		let hits = 0;
		let throttled = 0;
		const alphabet = 'abcdefghijklmnopqrstuvwxyz234567';
		for (let round = 0; round < 20; round++) {
			const guesses = Array.from({ length: 100 }, () =>
				Array.from({ length: 32 }, () => alphabet[Math.floor(Math.random() * 32)]).join('')
			);
			const statuses = await Promise.all(
				guesses.map(
					async (guess) => (await anonymous.get(base, { authorization: `Bearer ${guess}` })).status
				)
			);
			hits += statuses.filter((status) => status !== 404 && status !== 429).length;
			throttled += statuses.filter((status) => status === 429).length;
		}
		expect(hits).toBe(0);
		expect(throttled).toBeGreaterThan(1900);
	});
});
