import fc from 'fast-check';
import * as encoding from 'lib0/encoding';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { DATABASE_KINDS } from '../helpers/databases';
import { ApiClient, uniqueEmail } from '../helpers/http-client';
import { encodeSyncUpdate } from '../../src/lib/collab/protocol';
import { closeCodeOf, connectClient } from '../helpers/collab-client';
import { startTestServer, type TestServer } from '../helpers/server';
import { waitFor } from '../helpers/wait';

const MAX_PAYLOAD = 256 * 1024;

/** Valid frames a real client might send, as seeds for mutation. */
function seedFrames(): Uint8Array[] {
	const doc = new Y.Doc();
	const frames: Uint8Array[] = [];
	doc.on('update', (update: Uint8Array) => frames.push(encodeSyncUpdate(update)));
	doc.getMap('fuzz').set('a', 1);
	doc.getText('t').insert(0, 'hello world');
	doc.getArray('arr').push([1, 'two', { three: 3 }]);
	doc.getText('t').delete(2, 3);
	const encoder = encoding.createEncoder();
	encoding.writeVarUint(encoder, 1);
	encoding.writeVarUint8Array(encoder, new Uint8Array([1, 7, 1, 2, 123, 125]));
	frames.push(encoding.toUint8Array(encoder));
	return frames;
}

const frameArbitrary = (seeds: Uint8Array[]) =>
	fc.oneof(
		fc.uint8Array({ minLength: 0, maxLength: 64 }),
		fc
			.tuple(fc.constantFrom(...seeds), fc.nat(), fc.integer({ min: 0, max: 255 }))
			.map(([seed, at, byte]) => {
				const copy = seed.slice();
				copy[at % copy.length] = byte;
				return copy;
			}),
		fc
			.tuple(fc.constantFrom(...seeds), fc.nat())
			.map(([seed, cut]) => seed.slice(0, cut % seed.length)),
		fc
			.tuple(fc.integer({ min: 0, max: 3 }), fc.uint8Array({ maxLength: 48 }))
			.map(([type, rest]) => {
				const encoder = encoding.createEncoder();
				encoding.writeVarUint(encoder, type);
				encoding.writeUint8Array(encoder, rest);
				return encoding.toUint8Array(encoder);
			})
	);

describe.each(DATABASE_KINDS)('robustness on %s', (kind) => {
	let server: TestServer;
	let api: ApiClient;
	let workbookId: string;
	let wsUrl: string;

	beforeAll(async () => {
		server = await startTestServer(kind, {
			env: { COLLAB_MAX_PAYLOAD_BYTES: String(MAX_PAYLOAD) }
		});
		api = new ApiClient(server.url);
		await api.register(uniqueEmail('fuzz'));
		workbookId = (await api.post<{ id: string }>('/api/v1/workbooks', { title: 'Fuzz' })).body.id;
		wsUrl = `${server.url.replace('http', 'ws')}/collab/${workbookId}`;
		await api.post(`/api/v1/workbooks/${workbookId}/cells`, {
			sheet: 'Sheet1',
			updates: [
				{ ref: 'A1', input: '41' },
				{ ref: 'A2', input: '=A1+1' }
			]
		});
	});

	afterAll(async () => {
		await server?.stop();
		await server?.database.drop();
	});

	/** Sends frames on one socket until the server closes it or all are sent; returns how many. */
	function sendBurst(frames: Uint8Array[]): Promise<number> {
		return new Promise((resolve) => {
			const ws = new WebSocket(wsUrl, { headers: { cookie: api.sessionCookie! } });
			let sent = 0;
			ws.on('open', () => {
				for (const frame of frames) {
					if (ws.readyState !== ws.OPEN) break;
					ws.send(frame);
					sent++;
				}
				setTimeout(() => ws.close(), 50);
			});
			ws.on('error', () => {});
			ws.on('close', () => resolve(sent));
		});
	}

	it('survives thousands of random and mutated frames with the document intact', async () => {
		const watcher = connectClient(server.url, workbookId, { cookie: api.sessionCookie });
		try {
			await waitFor(() => watcher.provider.synced);
			const frames = fc.sample(frameArbitrary(seedFrames()), { numRuns: 2400, seed: 42 });
			let sent = 0;
			// Few frames per socket: the server closes a socket at its first malformed frame, so
			// short bursts make it actually decode most of the frames.
			for (let i = 0; i < frames.length; i += 240) {
				const bursts = [];
				for (let j = i; j < Math.min(i + 240, frames.length); j += 4) {
					bursts.push(sendBurst(frames.slice(j, j + 4)));
				}
				sent += (await Promise.all(bursts)).reduce((a, b) => a + b, 0);
			}
			expect(sent).toBeGreaterThan(100);
			// The server still answers, the stored document still evaluates, and clients converge.
			expect((await api.get('/healthz')).status).toBe(200);
			const cells = await api.get<{ cells: { value: unknown }[][] }>(
				`/api/v1/workbooks/${workbookId}/cells?sheet=Sheet1&range=A1:A2`
			);
			expect(cells.body.cells.map((row) => row[0].value)).toEqual([41, 42]);
			const fresh = connectClient(server.url, workbookId, { cookie: api.sessionCookie });
			try {
				await waitFor(() => fresh.provider.synced);
				fresh.doc.getMap('after').set('ok', true);
				await waitFor(
					() => watcher.doc.getMap('after').get('ok') === true,
					10_000,
					'relay after fuzz'
				);
				await waitFor(() =>
					equal(Y.encodeStateVector(fresh.doc), Y.encodeStateVector(watcher.doc))
				);
			} finally {
				fresh.provider.destroy();
			}
		} finally {
			watcher.provider.destroy();
		}
	});

	it('closes a connection that sends a malformed update with 4400 and keeps others connected', async () => {
		const other = connectClient(server.url, workbookId, { cookie: api.sessionCookie });
		try {
			await waitFor(() => other.provider.synced);
			const code = await new Promise<number>((resolve) => {
				const ws = new WebSocket(wsUrl, { headers: { cookie: api.sessionCookie! } });
				ws.on('open', () =>
					ws.send(encodeSyncUpdate(new Uint8Array([0, 1, 200, 200, 200, 200, 9])))
				);
				ws.on('close', (closeCode) => resolve(closeCode));
			});
			expect(code).toBe(4400);
			expect(other.provider.wsconnected).toBe(true);
		} finally {
			other.provider.destroy();
		}
	});

	it('closes a connection whose frame exceeds the payload limit with 1009', async () => {
		const code = await new Promise<number>((resolve) => {
			const ws = new WebSocket(wsUrl, { headers: { cookie: api.sessionCookie! } });
			ws.on('open', () => ws.send(new Uint8Array(MAX_PAYLOAD + 1)));
			ws.on('error', () => {});
			ws.on('close', (closeCode) => resolve(closeCode));
		});
		expect(code).toBe(1009);
	});

	it('closes a connection that sends text frames with 1003', async () => {
		const code = await new Promise<number>((resolve) => {
			const ws = new WebSocket(wsUrl, { headers: { cookie: api.sessionCookie! } });
			ws.on('open', () => ws.send('hello'));
			ws.on('close', (closeCode) => resolve(closeCode));
		});
		expect(code).toBe(1003);
	});

	it('refuses a stale session cookie with 4401', async () => {
		const result = await closeCodeOf(wsUrl, { cookie: 'session=aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa' });
		expect(result).toEqual({ code: 4401, messages: 0 });
	});
});

function equal(a: Uint8Array, b: Uint8Array): boolean {
	return a.length === b.length && a.every((byte, i) => byte === b[i]);
}
