/**
 * Fair use on the socket and schema validation on every path (issue 27, items 4 and 5), each
 * repro as an attacker would run it against the real server: a link guest flooding sync step 1,
 * an awareness flood, the workbook size quota by API and by socket, an oversized API cell, raw
 * updates that do not fit the document schema, and a malformed value already stored. The server
 * stays healthy, the attacker gets the stated close code or error, bystanders keep working, and
 * nothing of a refused change is stored.
 */
import * as encoding from 'lib0/encoding';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { encodeSyncStep1, encodeSyncUpdate } from '../../src/lib/collab/protocol';
import { connectClient } from '../helpers/collab-client';
import { DATABASE_KINDS } from '../helpers/databases';
import { ApiClient, uniqueEmail } from '../helpers/http-client';
import { startTestServer, type TestServer } from '../helpers/server';
import { waitFor } from '../helpers/wait';

const QUOTA = 2_000_000;
const CELL_TEXT = 30_000;

interface CellRow {
	ref: string;
	input: string;
	value: unknown;
	error?: { code: string };
}

/** `count` cells of column `column` from `firstRow`, each holding `CELL_TEXT` characters. */
function bigCells(column: string, firstRow: number, count: number, fill = 'x') {
	return Array.from({ length: count }, (_, i) => ({
		ref: `${column}${firstRow + i}`,
		input: `${fill}${i}`.padEnd(CELL_TEXT, fill)
	}));
}

/** The first sheet's Yjs types in a synced client document. */
function firstSheet(doc: Y.Doc) {
	const [[, sheet]] = [...doc.getMap<Y.Map<unknown>>('sheets').entries()];
	return {
		map: sheet,
		cells: sheet.get('cells') as Y.Map<unknown>,
		rows: (sheet.get('rows') as Y.Array<string>).toArray(),
		cols: (sheet.get('cols') as Y.Array<string>).toArray()
	};
}

/** The update `edit` makes to `doc`. */
function editOf(doc: Y.Doc, edit: () => void): Uint8Array {
	const before = Y.encodeStateVector(doc);
	edit();
	return Y.encodeStateAsUpdate(doc, before);
}

function awarenessFrame(clientId: number, clock: number, state: unknown): Uint8Array {
	const update = encoding.createEncoder();
	encoding.writeVarUint(update, 1);
	encoding.writeVarUint(update, clientId);
	encoding.writeVarUint(update, clock);
	encoding.writeVarString(update, JSON.stringify(state));
	const frame = encoding.createEncoder();
	encoding.writeVarUint(frame, 1);
	encoding.writeVarUint8Array(frame, encoding.toUint8Array(update));
	return encoding.toUint8Array(frame);
}

/** Opens a raw socket, sends `frames` once open, resolves with the close code and bytes read. */
function sendAndAwaitClose(
	url: string,
	headers: Record<string, string>,
	frames: () => Uint8Array[]
): Promise<{ code: number; bytesReceived: number }> {
	return new Promise((resolve, reject) => {
		const ws = new WebSocket(url, { headers });
		let bytesReceived = 0;
		ws.on('message', (data: Buffer) => (bytesReceived += data.length));
		ws.on('open', () => {
			for (const frame of frames()) ws.send(frame);
		});
		ws.on('close', (code) => resolve({ code, bytesReceived }));
		ws.on('error', reject);
	});
}

function percentile(values: number[], p: number): number {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

describe.each(DATABASE_KINDS)('abuse of the collaboration socket on %s', (kind) => {
	let server: TestServer;
	let owner: ApiClient;
	let wsBase: string;

	async function createWorkbook(title: string): Promise<string> {
		return (await owner.post<{ id: string }>('/api/v1/workbooks', { title })).body.id;
	}

	async function readCells(workbookId: string, range: string) {
		return owner.get<{ cells: CellRow[][] }>(
			`/api/v1/workbooks/${workbookId}/cells?sheet=Sheet1&range=${range}`
		);
	}

	/** `/healthz`'s answer time in ms (fails the test past a second). */
	async function healthzMs(): Promise<number> {
		const started = performance.now();
		const response = await fetch(`${server.url}/healthz`, { signal: AbortSignal.timeout(1000) });
		expect(response.status).toBe(200);
		return performance.now() - started;
	}

	/** A stock client synced to `workbookId`, disconnected: its document to craft raw updates. */
	async function syncedDocument(workbookId: string): Promise<Y.Doc> {
		const client = connectClient(server.url, workbookId, { cookie: owner.sessionCookie });
		await waitFor(() => client.provider.synced, 10_000, 'first sync');
		client.provider.destroy();
		return client.doc;
	}

	/** Sends one raw update as the owner; resolves with the close code the server answers. */
	async function sendRawUpdate(workbookId: string, update: Uint8Array): Promise<number> {
		const { code } = await sendAndAwaitClose(
			`${wsBase}/collab/${workbookId}`,
			{ cookie: owner.sessionCookie! },
			() => [encodeSyncUpdate(update)]
		);
		return code;
	}

	beforeAll(async () => {
		server = await startTestServer(kind, { env: { WORKBOOK_MAX_BYTES: String(QUOTA) } });
		wsBase = server.url.replace(/^http/, 'ws');
		owner = new ApiClient(server.url);
		await owner.register(uniqueEmail('abuse'));
	});

	afterAll(async () => {
		await server?.stop();
		await server?.database.drop();
	});

	it('closes a link guest flooding sync step 1 with 1008 while the server and bystanders carry on', async () => {
		const workbookId = await createWorkbook('Large');
		const filled = await owner.post(`/api/v1/workbooks/${workbookId}/cells`, {
			sheet: 'Sheet1',
			updates: bigCells('A', 1, 20)
		});
		expect(filled.status).toBe(200);
		const link = await owner.post<{ token: string }>(`/api/v1/workbooks/${workbookId}/links`, {});
		const guestUrl = `${wsBase}/collab/${workbookId}?link=${link.body.token}`;
		const watcher = connectClient(server.url, workbookId, { cookie: owner.sessionCookie });
		try {
			await waitFor(() => watcher.provider.synced, 10_000, 'watcher sync');
			const baseline: number[] = [];
			for (let i = 0; i < 3; i++) baseline.push(await healthzMs());
			const flooders = Array.from({ length: 4 }, () =>
				sendAndAwaitClose(guestUrl, {}, () =>
					Array.from({ length: 100 }, () => encodeSyncStep1(new Y.Doc()))
				)
			);
			const writeTimes: number[] = [];
			const healthTimes: number[] = [];
			for (let i = 0; i < 10; i++) {
				healthTimes.push(await healthzMs());
				const started = performance.now();
				const write = await owner.post(`/api/v1/workbooks/${workbookId}/cells`, {
					sheet: 'Sheet1',
					updates: [{ ref: 'C1', input: `during ${i}` }]
				});
				writeTimes.push(performance.now() - started);
				expect(write.status).toBe(200);
			}
			const results = await Promise.all(flooders);
			console.log(
				`[${kind}] step-1 flood: bystander write p50 ${percentile(writeTimes, 50).toFixed(1)} ms, ` +
					`p99 ${percentile(writeTimes, 99).toFixed(1)} ms; /healthz max ` +
					`${Math.max(...healthTimes).toFixed(1)} ms (before the flood ` +
					`${Math.max(...baseline).toFixed(1)} ms); bytes sent to the flooders ` +
					results.map((result) => result.bytesReceived).join(', ')
			);
			for (const result of results) {
				expect(result.code).toBe(1008);
				// At most the allowed answers reached it, never one per request.
				expect(result.bytesReceived).toBeLessThan(6 * 20 * CELL_TEXT);
			}
			expect(await healthzMs()).toBeLessThan(1000);
			const watched = firstSheet(watcher.doc).cells;
			await waitFor(
				() => [...watched.values()].includes('during 9'),
				10_000,
				'the bystander edit relayed'
			);
		} finally {
			watcher.provider.destroy();
		}
	});

	it('still syncs and reconnects a stock y-websocket client', async () => {
		const workbookId = await createWorkbook('Reconnect');
		await owner.post(`/api/v1/workbooks/${workbookId}/cells`, {
			sheet: 'Sheet1',
			updates: [{ ref: 'A1', input: 'first' }]
		});
		const client = connectClient(server.url, workbookId, { cookie: owner.sessionCookie });
		try {
			await waitFor(() => client.provider.synced, 10_000, 'first sync');
			expect([...firstSheet(client.doc).cells.values()]).toContain('first');
			client.provider.disconnect();
			await owner.post(`/api/v1/workbooks/${workbookId}/cells`, {
				sheet: 'Sheet1',
				updates: [{ ref: 'A2', input: 'while away' }]
			});
			client.provider.connect();
			await waitFor(
				() => [...firstSheet(client.doc).cells.values()].includes('while away'),
				10_000,
				'resync after reconnect'
			);
		} finally {
			client.provider.destroy();
		}
	});

	it('drops an awareness flood, closes the flooder with 1008, and relays no link guest’s presence', async () => {
		const workbookId = await createWorkbook('Presence');
		const link = await owner.post<{ token: string }>(`/api/v1/workbooks/${workbookId}/links`, {});
		const bystander = connectClient(server.url, workbookId, { cookie: owner.sessionCookie });
		const guest = connectClient(server.url, workbookId, { params: { link: link.body.token } });
		try {
			await waitFor(() => bystander.provider.synced && guest.provider.synced, 10_000, 'sync');
			guest.provider.awareness.setLocalStateField('cursor', 'B2');
			const floodId = 424242;
			let floodUpdates = 0;
			bystander.provider.awareness.on('update', ({ updated, added }: Record<string, number[]>) => {
				if ([...updated, ...added].includes(floodId)) floodUpdates++;
			});
			const { code } = await sendAndAwaitClose(
				`${wsBase}/collab/${workbookId}`,
				{ cookie: owner.sessionCookie! },
				() =>
					Array.from({ length: 3000 }, (_, clock) =>
						awarenessFrame(floodId, clock + 1, { cursor: `A${clock}`, pad: 'x'.repeat(200) })
					)
			);
			expect(code).toBe(1008);
			expect(await healthzMs()).toBeLessThan(1000);
			// The burst budget is 64 KiB at ≥ 256 bytes a frame: a few hundred frames, not 3,000.
			expect(floodUpdates).toBeLessThan(300);
			expect(bystander.provider.awareness.getStates().has(guest.doc.clientID)).toBe(false);
		} finally {
			bystander.provider.destroy();
			guest.provider.destroy();
		}
	});

	it('refuses an API write that would take the workbook past its quota with 413 and stores none of it', async () => {
		const workbookId = await createWorkbook('Quota by API');
		for (const column of ['A', 'B']) {
			const accepted = await owner.post(`/api/v1/workbooks/${workbookId}/cells`, {
				sheet: 'Sheet1',
				updates: bigCells(column, 1, 25)
			});
			expect(accepted.status).toBe(200);
		}
		const refused = await owner.post<{ error: { code: string; message: string } }>(
			`/api/v1/workbooks/${workbookId}/cells`,
			{ sheet: 'Sheet1', updates: bigCells('C', 1, 25) }
		);
		expect(refused.status).toBe(413);
		expect(refused.body.error.code).toBe('workbook_too_large');
		expect(refused.body.error.message).toContain(String(QUOTA));
		const cells = await readCells(workbookId, 'C1:C25');
		expect(cells.body.cells.every((row) => row[0].input === '')).toBe(true);
		// A small change still fits under the quota.
		const small = await owner.post(`/api/v1/workbooks/${workbookId}/cells`, {
			sheet: 'Sheet1',
			updates: [{ ref: 'D1', input: 'small' }]
		});
		expect(small.status).toBe(200);
	});

	it('closes a socket whose update would take the workbook past its quota with 4413 and stores none of it', async () => {
		const workbookId = await createWorkbook('Quota by socket');
		for (const column of ['A', 'B']) {
			await owner.post(`/api/v1/workbooks/${workbookId}/cells`, {
				sheet: 'Sheet1',
				updates: bigCells(column, 1, 25)
			});
		}
		const doc = await syncedDocument(workbookId);
		const sheet = firstSheet(doc);
		const update = editOf(doc, () => {
			for (let i = 0; i < 25; i++) {
				sheet.cells.set(`${sheet.rows[i]}:${sheet.cols[4]}`, `${i}`.padEnd(CELL_TEXT, 'y'));
			}
		});
		expect(await sendRawUpdate(workbookId, update)).toBe(4413);
		const cells = await readCells(workbookId, 'E1:E25');
		expect(cells.status).toBe(200);
		expect(cells.body.cells.every((row) => row[0].input === '')).toBe(true);
	});

	it('refuses an oversized API cell and an over-sized API change with 413 naming the limit', async () => {
		const workbookId = await createWorkbook('Oversized');
		const huge = await owner.post<{ error: { code: string; message: string } }>(
			`/api/v1/workbooks/${workbookId}/cells`,
			{ sheet: 'Sheet1', updates: [{ ref: 'A1', input: 'x'.repeat(7 * 1024 * 1024) }] }
		);
		expect(huge.status).toBe(413);
		expect(huge.body.error.message).toContain('32767');
		// 150 cells of 30,000 characters: each within the cell limit, together past the 4 MiB cap.
		const tooBig = await owner.post<{ error: { code: string } }>(
			`/api/v1/workbooks/${workbookId}/cells`,
			{ sheet: 'Sheet1', updates: bigCells('B', 1, 150) }
		);
		expect(tooBig.status).toBe(413);
		expect(tooBig.body.error.code).toBe('update_too_large');
		const cells = await readCells(workbookId, 'A1:B3');
		expect(cells.body.cells.flat().every((cell) => cell.input === '')).toBe(true);
	});

	it('refuses schema-violating raw updates by socket (4400) and bad names by API (400), storing nothing', async () => {
		const workbookId = await createWorkbook('Schema');
		await owner.post(`/api/v1/workbooks/${workbookId}/cells`, {
			sheet: 'Sheet1',
			updates: [{ ref: 'A1', input: '5' }]
		});
		const doc = await syncedDocument(workbookId);
		const sheet = firstSheet(doc);
		const badFormula = editOf(doc, () =>
			sheet.cells.set(`${sheet.rows[0]}:${sheet.cols[0]}`, { f: 'not-an-object' })
		);
		expect(await sendRawUpdate(workbookId, badFormula)).toBe(4400);
		const fresh = await syncedDocument(workbookId);
		const longName = editOf(fresh, () => firstSheet(fresh).map.set('name', 'x'.repeat(5000)));
		expect(await sendRawUpdate(workbookId, longName)).toBe(4400);

		const base = `/api/v1/workbooks/${workbookId}`;
		const rename = await owner.post(`${base}/ops`, {
			ops: [{ op: 'renameSheet', sheet: 'Sheet1', name: 'x'.repeat(5000) }]
		});
		expect(rename.status).toBe(400);
		const name = await owner.post(`${base}/ops`, {
			ops: [{ op: 'defineName', name: 'N'.repeat(5000), ref: 'Sheet1!A1' }]
		});
		expect(name.status).toBe(400);

		const cells = await readCells(workbookId, 'A1');
		expect(cells.status).toBe(200);
		expect(cells.body.cells[0][0]).toMatchObject({ input: '5', value: 5 });
		const workbook = await owner.get<{ sheets: { name: string }[] }>(base);
		expect(workbook.body.sheets.map((entry) => entry.name)).toEqual(['Sheet1']);
		expect((await owner.get(`${base}/names`)).status).toBe(200);
		expect((await owner.get(`${base}/charts`)).status).toBe(200);
	});

	it('shows a malformed value already stored as an error in its cell, never a 500', async () => {
		const workbookId = await createWorkbook('Stored before');
		await owner.post(`/api/v1/workbooks/${workbookId}/cells`, {
			sheet: 'Sheet1',
			updates: [
				{ ref: 'A1', input: '5' },
				{ ref: 'A2', input: '=A1*2' }
			]
		});
		const doc = await syncedDocument(workbookId);
		const sheet = firstSheet(doc);
		const bad = editOf(doc, () => {
			sheet.cells.set(`${sheet.rows[2]}:${sheet.cols[0]}`, { f: 'not-an-object' });
			sheet.map.set('name', 'x'.repeat(5000));
		});
		// Stored behind the server's back, as an update stored before the schema was checked.
		await server.stop();
		const savedEnv = { ...process.env };
		try {
			Object.assign(process.env, { DATABASE_URL: '' }, server.database.env);
			vi.resetModules();
			const { appendUpdates } = await import('../../src/lib/server/collab/persistence');
			await appendUpdates([{ workbookId, update: bad, userId: null }]);
			const { closeDatabase } = await import('../../src/lib/server/db');
			await closeDatabase();
		} finally {
			process.env = savedEnv;
		}
		server = await server.restart();
		const base = `/api/v1/workbooks/${workbookId}`;
		const workbook = await owner.get<{ sheets: { name: string }[] }>(base);
		expect(workbook.status).toBe(200);
		const sheetName = workbook.body.sheets[0].name;
		const cells = await owner.get<{ cells: CellRow[][] }>(
			`${base}/cells?sheet=${encodeURIComponent(sheetName)}&range=A1:A3`
		);
		expect(cells.status).toBe(200);
		expect(cells.body.cells.map((row) => row[0].value)).toEqual([5, 10, '#VALUE!']);
		expect(cells.body.cells[2][0].error?.code).toBe('#VALUE!');
		expect((await owner.get(`${base}/names`)).status).toBe(200);
		expect((await owner.get(`${base}/charts`)).status).toBe(200);
	});

	it('refuses raw updates carrying an over-area or over-deep formula with 4400, storing nothing, while a bystander edits on', async () => {
		const workbookId = await createWorkbook('Formula limits');
		// 1,001 rows × 1,000 columns: a range over all of them passes the million-cell limit.
		const grown = await owner.post(`/api/v1/workbooks/${workbookId}/cells`, {
			sheet: 'Sheet1',
			updates: [
				{ ref: 'A1', input: '5' },
				{ ref: 'ALL1001', input: 'corner' }
			]
		});
		expect(grown.status).toBe(200);
		const bystander = connectClient(server.url, workbookId, { cookie: owner.sessionCookie });
		try {
			await waitFor(() => bystander.provider.synced, 10_000, 'bystander sync');
			const doc = await syncedDocument(workbookId);
			const { rows, cols, cells } = firstSheet(doc);
			const overArea = editOf(doc, () =>
				cells.set(`${rows[1]}:${cols[0]}`, {
					f: {
						parts: ['SUM(', ')'],
						refs: [{ a: { r: rows[0], c: cols[0] }, b: { r: rows.at(-1), c: cols.at(-1) } }]
					}
				})
			);
			expect(await sendRawUpdate(workbookId, overArea)).toBe(4400);
			const fresh = await syncedDocument(workbookId);
			const overDeep = editOf(fresh, () =>
				firstSheet(fresh).cells.set(`${rows[2]}:${cols[0]}`, {
					f: { parts: ['('.repeat(65) + '1' + ')'.repeat(65)], refs: [] }
				})
			);
			expect(await sendRawUpdate(workbookId, overDeep)).toBe(4400);
			expect(await healthzMs()).toBeLessThan(1000);

			firstSheet(bystander.doc).cells.set(`${rows[3]}:${cols[0]}`, 42);
			await waitFor(
				async () => (await readCells(workbookId, 'A4')).body.cells[0][0].value === 42,
				10_000,
				'the bystander edit stored'
			);
			expect(bystander.provider.wsconnected).toBe(true);
			const stored = await readCells(workbookId, 'A1:A3');
			expect(stored.body.cells.map((row) => row[0].input)).toEqual(['5', '', '']);
			const check = await syncedDocument(workbookId);
			expect(firstSheet(check).cells.size).toBe(3);
		} finally {
			bystander.provider.destroy();
		}
	});
});
