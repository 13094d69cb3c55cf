/**
 * Versions, cell history, restore and pinned links over the real server, on both databases.
 * Sessions are cut by a short idle time (HISTORY_IDLE_MS, the injectable clock's setting) and
 * the log is compacted every few updates, so history is read back after compaction too.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCells } from '../../src/lib/core/workbook-api';
import { closeCodeOf, connectClient } from '../helpers/collab-client';
import { DATABASE_KINDS } from '../helpers/databases';
import { ApiClient, uniqueEmail } from '../helpers/http-client';
import { shareWith } from '../helpers/invitations';
import { startTestServer, type TestServer } from '../helpers/server';
import { waitFor } from '../helpers/wait';

interface Version {
	id: string;
	name: string | null;
	kind: 'auto' | 'named';
	createdAt: string;
	editors: { id: string; name: string }[];
}

interface Cell {
	ref: string;
	input: string;
	value: unknown;
}

/** Long enough that a loaded machine never pauses this long between a test's own requests. */
const IDLE_MS = 5_000;

describe.each(DATABASE_KINDS)('history on %s', (kind) => {
	let server: TestServer;
	let owner: ApiClient;
	let editor: ApiClient;
	let viewer: ApiClient;
	let stranger: ApiClient;
	let ownerId: string;
	let editorId: string;

	beforeAll(async () => {
		server = await startTestServer(kind, {
			env: {
				HISTORY_IDLE_MS: String(IDLE_MS),
				HISTORY_SWEEP_INTERVAL_MS: '250',
				COLLAB_COMPACT_AFTER_UPDATES: '4',
				COLLAB_COMPACT_MIN_INTERVAL_MS: '1'
			}
		});
		[owner, editor, viewer, stranger] = Array.from({ length: 4 }, () => new ApiClient(server.url));
		ownerId = (await owner.register(uniqueEmail('owner'), undefined, 'Olive Owner')).id;
		const editorEmail = uniqueEmail('editor');
		editorId = (await editor.register(editorEmail, undefined, 'Eddie Editor')).id;
		const viewerEmail = uniqueEmail('viewer');
		await viewer.register(viewerEmail, undefined, 'Vera Viewer');
		await stranger.register(uniqueEmail('stranger'));
		Object.assign(globalThis, { __history: { editorEmail, viewerEmail } });
	}, 120_000);

	afterAll(async () => {
		await server?.stop();
		await server?.database.drop();
	});

	async function newWorkbook(title: string): Promise<string> {
		const created = await owner.post<{ id: string }>('/api/v1/workbooks', { title });
		const id = created.body.id;
		const { editorEmail, viewerEmail } = (
			globalThis as unknown as { __history: { editorEmail: string; viewerEmail: string } }
		).__history;
		await shareWith(server, owner, id, { client: editor, email: editorEmail }, 'editor');
		await shareWith(server, owner, id, { client: viewer, email: viewerEmail }, 'viewer');
		return id;
	}

	async function write(client: ApiClient, id: string, updates: Record<string, string>) {
		const response = await client.post(`/api/v1/workbooks/${id}/cells`, {
			sheet: 'Sheet1',
			updates: Object.entries(updates).map(([ref, input]) => ({ ref, input }))
		});
		expect(response.status).toBe(200);
	}

	async function versions(id: string, client = owner): Promise<Version[]> {
		const response = await client.get<{ versions: Version[] }>(`/api/v1/workbooks/${id}/versions`);
		expect(response.status).toBe(200);
		return response.body.versions;
	}

	async function versionCells(id: string, vid: string, range: string, client = owner) {
		const response = await client.get<{ cells: Cell[][] }>(
			`/api/v1/workbooks/${id}/versions/${vid}/cells?sheet=Sheet1&range=${range}`
		);
		expect(response.status).toBe(200);
		return response.body.cells.flat().map((cell) => cell.input);
	}

	async function liveCells(id: string, range: string) {
		const response = await owner.get<{ cells: Cell[][] }>(
			`/api/v1/workbooks/${id}/cells?sheet=Sheet1&range=${range}`
		);
		return response.body.cells.flat().map((cell) => cell.input);
	}

	it('cuts an automatic version after the idle time, with who edited, read as it was', async () => {
		const id = await newWorkbook('Idle cut');
		const [created] = await versions(id);
		expect(created.kind).toBe('auto');
		await write(owner, id, { B3: '100' });
		await write(editor, id, { B4: '200' });
		const afterFirst = await waitFor(
			async () => ((await versions(id)).length === 2 ? versions(id) : null),
			30_000,
			'the first session to be cut'
		);
		const session = afterFirst[0];
		expect(session.kind).toBe('auto');
		expect(session.editors.map((person) => person.name).sort()).toEqual([
			'Eddie Editor',
			'Olive Owner'
		]);
		await write(owner, id, { B3: '150' });
		const afterSecond = await waitFor(
			async () => ((await versions(id)).length === 3 ? versions(id) : null),
			30_000,
			'the second session to be cut'
		);
		expect(afterSecond[0].editors).toEqual([{ id: ownerId, name: 'Olive Owner' }]);
		expect(new Date(afterSecond[0].createdAt) >= new Date(session.createdAt)).toBe(true);
		expect(await versionCells(id, session.id, 'B3:B4')).toEqual(['100', '200']);
		expect(await versionCells(id, created.id, 'B3:B4')).toEqual(['', '']);
		expect(await liveCells(id, 'B3:B4')).toEqual(['150', '200']);
		// Values are computed as they were.
		await write(owner, id, { C1: '=B3*2' });
		const named = await owner.post<Version>(`/api/v1/workbooks/${id}/versions`, {
			name: 'Doubled'
		});
		await write(owner, id, { B3: '1' });
		const read = await owner.get<{ cells: Cell[][] }>(
			`/api/v1/workbooks/${id}/versions/${named.body.id}/cells?range=C1`
		);
		expect(read.body.cells[0][0].value).toBe(300);
	}, 60_000);

	it('names the present, renames versions (naming an automatic one keeps it) and checks input', async () => {
		const id = await newWorkbook('Named');
		await write(owner, id, { A1: 'filed' });
		const base = `/api/v1/workbooks/${id}/versions`;
		const created = await editor.post<Version>(base, { name: '  Q3 close ' });
		expect(created.status).toBe(201);
		expect(created.body).toMatchObject({ name: 'Q3 close', kind: 'named' });
		const auto = (await versions(id)).find((version) => version.kind === 'auto')!;
		const renamed = await owner.patch<Version>(`${base}/${auto.id}`, { name: 'Opening' });
		expect(renamed.status).toBe(200);
		expect(renamed.body).toMatchObject({ id: auto.id, name: 'Opening', kind: 'named' });
		expect((await owner.post(base, { name: '' })).status).toBe(400);
		expect((await owner.post(base, { name: 'x'.repeat(101) })).status).toBe(400);
		expect((await owner.post(base, 'not json')).status).toBe(400);
		expect((await viewer.post(base, { name: 'Mine' })).status).toBe(403);
		expect((await viewer.get(base)).status).toBe(200);
		expect((await stranger.get(base)).status).toBe(404);
		expect((await stranger.post(base, { name: 'Mine' })).status).toBe(404);
		expect((await owner.patch(`${base}/no-such-version`, { name: 'x' })).status).toBe(404);
		expect((await owner.get(`${base}/no-such-version/cells?range=A1`)).status).toBe(404);
		expect((await owner.get(`${base}/${auto.id}/cells`)).status).toBe(400);
		expect((await owner.get(`${base}/${auto.id}/cells?range=A1:ZZ100000`)).status).toBe(413);
		// An unknown sheet is refused as the live endpoint refuses it.
		expect((await owner.get(`${base}/${auto.id}/cells?sheet=Nope&range=A1`)).status).toBe(400);
	}, 60_000);

	it('lists the changes against the present and against the previous version', async () => {
		const id = await newWorkbook('Changes');
		await write(owner, id, { B3: '150', B4: '200' });
		const named = await owner.post<Version>(`/api/v1/workbooks/${id}/versions`, { name: 'Base' });
		await write(owner, id, { B3: '175', C5: '=B3*2' });
		await write(editor, id, { B4: '' });
		const current = await owner.get<{ changes: unknown[] }>(
			`/api/v1/workbooks/${id}/versions/${named.body.id}/changes?against=current`
		);
		expect(current.status).toBe(200);
		const owners = { id: ownerId, name: 'Olive Owner' };
		expect(current.body.changes).toEqual([
			{ sheet: 'Sheet1', ref: 'B3', before: '150', after: '175', by: owners },
			{
				sheet: 'Sheet1',
				ref: 'B4',
				before: '200',
				after: '',
				by: { id: editorId, name: 'Eddie Editor' }
			},
			{ sheet: 'Sheet1', ref: 'C5', before: '', after: '=B3*2', by: owners }
		]);
		const previous = await viewer.get<{ changes: unknown[] }>(
			`/api/v1/workbooks/${id}/versions/${named.body.id}/changes?against=previous`
		);
		expect(previous.body.changes).toEqual([
			{ sheet: 'Sheet1', ref: 'B3', before: '', after: '150', by: owners },
			{ sheet: 'Sheet1', ref: 'B4', before: '', after: '200', by: owners }
		]);
		const bad = await owner.get(
			`/api/v1/workbooks/${id}/versions/${named.body.id}/changes?against=yesterday`
		);
		expect(bad.status).toBe(400);
	}, 60_000);

	it('restores a range as a new change everyone sees live, after cutting "Before restore"', async () => {
		const id = await newWorkbook('Restore');
		await write(owner, id, { A1: '1', A2: '2', B1: '10' });
		const named = await owner.post<Version>(`/api/v1/workbooks/${id}/versions`, { name: 'Good' });
		await write(editor, id, { A1: '100', A2: '200', B1: '1000' });
		const live = connectClient(server.url, id, { cookie: viewer.sessionCookie });
		try {
			await waitFor(() => live.provider.synced, 10_000, 'the live client to sync');
			const restore = `/api/v1/workbooks/${id}/versions/${named.body.id}/restore`;
			expect((await viewer.post(restore, { range: 'A1:A2' })).status).toBe(403);
			expect((await owner.post(restore, { range: 'nonsense' })).status).toBe(400);
			expect((await owner.post(restore, { sheet: 'Nope', range: 'A1' })).status).toBe(400);
			expect(await liveCells(id, 'A1:B2')).toEqual(['100', '1000', '200', '']);
			const restored = await editor.post<{ restored: number; beforeRestoreVersionId: string }>(
				restore,
				{ sheet: 'Sheet1', range: 'A1:A2' }
			);
			expect(restored.status).toBe(200);
			expect(restored.body.restored).toBe(2);
			expect(await liveCells(id, 'A1:B2')).toEqual(['1', '1000', '2', '']);
			await waitFor(
				() => readCells(live.doc, 'Sheet1', 'A1:A2').flat()[0].input === '1',
				10_000,
				'the restore to reach the live client'
			);
			const list = await versions(id);
			const before = list.find((version) => version.id === restored.body.beforeRestoreVersionId);
			expect(before?.name).toBe('Before restore');
			expect(await versionCells(id, before!.id, 'A1:B2')).toEqual(['100', '1000', '200', '']);
			// Undo: restore "Before restore".
			await owner.post(`/api/v1/workbooks/${id}/versions/${before!.id}/restore`, {});
			expect(await liveCells(id, 'A1:B2')).toEqual(['100', '1000', '200', '']);
		} finally {
			live.provider.destroy();
		}
	}, 60_000);

	it('keeps a cell history that follows the cell across a row insert and survives compaction', async () => {
		const id = await newWorkbook('Cell history');
		await write(owner, id, { D2: '1' });
		await write(editor, id, { D2: '2' });
		await write(owner, id, { D2: '=1+2' });
		for (let i = 0; i < 6; i++) await write(owner, id, { E1: String(i) });
		const ops = await owner.post(`/api/v1/workbooks/${id}/ops`, {
			ops: [{ op: 'insertRows', sheet: 'Sheet1', at: 1, count: 2 }]
		});
		expect(ops.status).toBe(200);
		const expected = [
			{ by: { id: ownerId, name: 'Olive Owner' }, before: '2', after: '=1+2' },
			{ by: { id: editorId, name: 'Eddie Editor' }, before: '1', after: '2' },
			{ by: { id: ownerId, name: 'Olive Owner' }, before: '', after: '1' }
		];
		const read = async (ref: string, client = viewer) => {
			const response = await client.get<{ history: { at: string }[] }>(
				`/api/v1/workbooks/${id}/cells/history?sheet=Sheet1&ref=${ref}`
			);
			expect(response.status).toBe(200);
			return response.body.history;
		};
		const moved = await read('D4');
		expect(moved).toMatchObject(expected);
		expect(new Date(moved[0].at) >= new Date(moved[2].at)).toBe(true);
		expect(await read('D2')).toEqual([]);
		expect((await stranger.get(`/api/v1/workbooks/${id}/cells/history?ref=D4`)).status).toBe(404);
		expect((await owner.get(`/api/v1/workbooks/${id}/cells/history?ref=nope`)).status).toBe(400);
		expect((await owner.get(`/api/v1/workbooks/${id}/cells/history`)).status).toBe(400);
		// Paging: E1 (E3 since the insert) changed six times; pages of four, then the rest from `next`.
		type Page = { history: { before: string; after: string }[]; next: string | null };
		const pageOf = async (query: string) => {
			const response = await viewer.get<Page>(
				`/api/v1/workbooks/${id}/cells/history?sheet=Sheet1&ref=E3${query}`
			);
			expect(response.status).toBe(200);
			return response.body;
		};
		const whole = await pageOf('');
		expect(whole.history.map((entry) => entry.after)).toEqual(['5', '4', '3', '2', '1', '0']);
		expect(whole.next).toBeNull();
		const first = await pageOf('&limit=4');
		expect(first.history).toEqual(whole.history.slice(0, 4));
		expect(first.next).toEqual(expect.any(String));
		const second = await pageOf(`&limit=4&before=${first.next}`);
		expect(second).toEqual({ history: whole.history.slice(4), next: null });
		for (const bad of ['limit=0', 'limit=1001', 'limit=x', 'before=0', 'before=abc']) {
			const response = await viewer.get(
				`/api/v1/workbooks/${id}/cells/history?sheet=Sheet1&ref=E3&${bad}`
			);
			expect(response.status, bad).toBe(400);
		}
		// A restart compacts every room on the way down: the log rows are gone, the history is not.
		server = await restarted(server);
		expect(await read('D4')).toMatchObject(expected);
	}, 120_000);

	it('pins a link to a named version: it sees that version only, never the live workbook', async () => {
		const id = await newWorkbook('Pinned');
		await write(owner, id, { B2: '2025' });
		const [auto] = await versions(id);
		const links = `/api/v1/workbooks/${id}/links`;
		expect((await owner.post(links, { versionId: auto.id })).status).toBe(400);
		expect((await owner.post(links, { versionId: 'nope' })).status).toBe(400);
		const named = await owner.post<Version>(`/api/v1/workbooks/${id}/versions`, {
			name: '2025 as filed'
		});
		const link = await owner.post<{ id: string; token: string; versionId: string }>(links, {
			label: 'CPA',
			versionId: named.body.id
		});
		expect(link.status).toBe(201);
		expect(link.body.versionId).toBe(named.body.id);
		const cpa = new ApiClient(server.url, { authorization: `Bearer ${link.body.token}` });
		await write(owner, id, { B2: '2026' });
		const pinned = `/api/v1/workbooks/${id}/versions/${named.body.id}`;
		expect(await versionCells(id, named.body.id, 'B2', cpa)).toEqual(['2025']);
		expect((await cpa.get(`${pinned}/names`)).status).toBe(200);
		expect((await cpa.get(`/api/v1/workbooks/${id}/cells?sheet=Sheet1&range=B2`)).status).toBe(404);
		expect((await cpa.get(`/api/v1/workbooks/${id}/names`)).status).toBe(404);
		expect((await cpa.get(`/api/v1/workbooks/${id}/versions`)).status).toBe(404);
		expect((await cpa.get(`/api/v1/workbooks/${id}/cells/history?ref=B2`)).status).toBe(404);
		const other = (await versions(id)).find((version) => version.id !== named.body.id)!;
		expect(
			(await cpa.get(`/api/v1/workbooks/${id}/versions/${other.id}/cells?range=B2`)).status
		).toBe(404);
		expect((await cpa.get(`${pinned}/changes`)).status).toBe(404);
		// Its socket gets no live document at all.
		const ws = server.url.replace(/^http/, 'ws');
		const closed = await closeCodeOf(`${ws}/collab/${id}?link=${link.body.token}`);
		expect(closed.code).toBe(4404);
		expect(closed.messages).toBe(0);
		// A live link still reads live cells; revoking the pinned one ends it.
		await owner.delete(`${links}/${link.body.id}`);
		expect((await cpa.get(`${pinned}/cells?range=B2`)).status).toBe(404);
	}, 60_000);

	async function restarted(running: TestServer): Promise<TestServer> {
		await running.stop();
		return running.restart();
	}
});

describe.each(DATABASE_KINDS)('history retention on %s', (kind) => {
	let server: TestServer;
	let owner: ApiClient;

	beforeAll(async () => {
		// Every automatic version is "older than 48 hours" at once: one a day is kept.
		server = await startTestServer(kind, {
			env: {
				HISTORY_IDLE_MS: '400',
				HISTORY_SWEEP_INTERVAL_MS: '200',
				HISTORY_KEEP_ALL_MS: '1',
				COLLAB_COMPACT_AFTER_UPDATES: '3',
				COLLAB_COMPACT_MIN_INTERVAL_MS: '1'
			}
		});
		owner = new ApiClient(server.url);
		await owner.register(uniqueEmail('owner'));
	}, 120_000);

	afterAll(async () => {
		await server?.stop();
		await server?.database.drop();
	});

	it('thins automatic versions and keeps named ones readable through compaction', async () => {
		const created = await owner.post<{ id: string }>('/api/v1/workbooks', { title: 'Thinning' });
		const id = created.body.id;
		const base = `/api/v1/workbooks/${id}`;
		const list = async () =>
			(await owner.get<{ versions: Version[] }>(`${base}/versions`)).body.versions;
		const write = (input: string) =>
			owner.post(`${base}/cells`, { updates: [{ ref: 'B1', input }] });
		await write('1');
		const filed = await owner.post<Version>(`${base}/versions`, { name: '2025 as filed' });
		for (const value of ['2', '3', '4']) {
			// The server stamps updates with the same clock (one machine); a little slack for rounding.
			const before = Date.now() - 5;
			await write(value);
			await write(`${value}0`);
			await waitFor(
				async () =>
					(await list()).some((v) => v.kind === 'auto' && Date.parse(v.createdAt) >= before),
				15_000,
				'the session to be cut'
			);
		}
		const kept = await waitFor(
			async () => {
				const now = await list();
				return now.filter((v) => v.kind === 'auto').length === 1 ? now : null;
			},
			15_000,
			'automatic versions to be thinned'
		);
		expect(kept.map((v) => v.name ?? v.kind)).toEqual(['auto', '2025 as filed']);
		const read = async (vid: string) =>
			(await owner.get<{ cells: Cell[][] }>(`${base}/versions/${vid}/cells?range=B1`)).body
				.cells[0][0].input;
		expect(await read(filed.body.id)).toBe('1');
		expect(await read(kept[0].id)).toBe('40');
		// The last automatic version is the present, reachable after every fold.
		const changes = await owner.get<{ changes: unknown[] }>(
			`${base}/versions/${kept[0].id}/changes?against=current`
		);
		expect(changes.body.changes).toEqual([]);
	}, 120_000);
});
