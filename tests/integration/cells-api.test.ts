import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { DATABASE_KINDS } from '../helpers/databases';
import { ApiClient, uniqueEmail } from '../helpers/http-client';
import { connectClient } from '../helpers/collab-client';
import { startTestServer, type TestServer } from '../helpers/server';
import { waitFor } from '../helpers/wait';

interface Cell {
	ref: string;
	input: string;
	value: unknown;
	display: string;
}

describe.each(DATABASE_KINDS)('cells, names and ops API on %s', (kind) => {
	let server: TestServer;
	let api: ApiClient;
	let workbookId: string;

	const cellsPath = () => `/api/v1/workbooks/${workbookId}/cells`;
	const read = async (range: string, sheet = 'Sheet1') =>
		(await api.get<{ cells: Cell[][] }>(`${cellsPath()}?sheet=${sheet}&range=${range}`)).body.cells;

	beforeAll(async () => {
		server = await startTestServer(kind);
		api = new ApiClient(server.url);
		await api.register(uniqueEmail('cells'));
		workbookId = (await api.post<{ id: string }>('/api/v1/workbooks', { title: 'Cells' })).body.id;
	});

	afterAll(async () => {
		await server?.stop();
		await server?.database.drop();
	});

	it('writes inputs and reads back computed values', async () => {
		const written = await api.post(cellsPath(), {
			sheet: 'Sheet1',
			updates: [
				{ ref: 'B1', input: '1500' },
				{ ref: 'B2', input: '=B1*12' },
				{ ref: 'A1', input: 'Rent' }
			]
		});
		expect(written.status).toBe(200);
		const cells = await read('A1:B2');
		expect(cells[0][0]).toMatchObject({ ref: 'A1', input: 'Rent', value: 'Rent' });
		expect(cells[0][1]).toMatchObject({ ref: 'B1', value: 1500 });
		expect(cells[1][1]).toMatchObject({ ref: 'B2', input: '=B1*12', value: 18000 });
	});

	it('shows an API write live in an open client', async () => {
		const { doc, provider } = connectClient(server.url, workbookId, { cookie: api.sessionCookie });
		try {
			await waitFor(() => provider.synced);
			const before = Y.encodeStateVector(doc);
			await api.post(cellsPath(), { sheet: 'Sheet1', updates: [{ ref: 'C1', input: '7' }] });
			await waitFor(() => !equalBytes(Y.encodeStateVector(doc), before), 10_000, 'live update');
		} finally {
			provider.destroy();
		}
	});

	it('defines names, lists them and writes through a name', async () => {
		const ops = await api.post(`/api/v1/workbooks/${workbookId}/ops`, {
			ops: [{ op: 'defineName', name: 'MonthlyRent', ref: 'Sheet1!B1' }]
		});
		expect(ops.status).toBe(200);
		const written = await api.post(cellsPath(), {
			updates: [{ ref: 'MonthlyRent', input: '2000' }]
		});
		expect(written.status).toBe(200);
		const names = await api.get<{ names: { name: string; value: unknown }[] }>(
			`/api/v1/workbooks/${workbookId}/names`
		);
		expect(names.body.names).toContainEqual(
			expect.objectContaining({ name: 'MonthlyRent', value: 2000 })
		);
		expect((await read('B2'))[0][0].value).toBe(24000);
	});

	it('refuses bad input with 400 and changes nothing', async () => {
		const before = await read('A1:D4');
		for (const body of [
			{
				sheet: 'Sheet1',
				updates: [
					{ ref: 'D1', input: '5' },
					{ ref: 'NOT A REF', input: '1' }
				]
			},
			{
				sheet: 'Sheet1',
				updates: [
					{ ref: 'D1', input: '5' },
					{ ref: 'D2', input: '=SUM(' }
				]
			},
			{ sheet: 'Nowhere', updates: [{ ref: 'D1', input: '5' }] },
			{ sheet: 'Sheet1', updates: 'nope' },
			{ sheet: 'Sheet1', updates: [{ input: '5' }] }
		]) {
			const response = await api.post<{ error: { code: string; message: string } }>(
				cellsPath(),
				body
			);
			expect(response.status, JSON.stringify(body)).toBe(400);
			expect(response.body.error.message).toBeTruthy();
		}
		const ops = await api.post(`/api/v1/workbooks/${workbookId}/ops`, {
			ops: [
				{ op: 'insertRows', sheet: 'Sheet1', at: 1 },
				{ op: 'deleteSheet', sheet: 'Sheet1' }
			]
		});
		expect(ops.status).toBe(400);
		expect(await read('A1:D4')).toEqual(before);
	});

	it('refuses a read of an unknown sheet or a bad range with 400', async () => {
		expect((await api.get(`${cellsPath()}?sheet=Nowhere&range=A1`)).status).toBe(400);
		expect((await api.get(`${cellsPath()}?sheet=Sheet1&range=ZZZZZZ`)).status).toBe(400);
	});

	it('answers 413 beyond 10,000 updates or 8 MiB in one request, changing nothing', async () => {
		const before = await read('A1:A3');
		for (const count of [10_001, 50_000]) {
			const updates = Array.from({ length: count }, (_, i) => ({ ref: `A${i + 1}`, input: '9' }));
			const response = await api.post<{ error: { code: string } }>(cellsPath(), {
				sheet: 'Sheet1',
				updates
			});
			expect(response.status).toBe(413);
			expect(response.body.error.code).toBe('too_many_updates');
		}
		const huge = [{ ref: 'A1', input: 'x'.repeat(9 * 1024 * 1024) }];
		const response = await api.post<{ error: { code: string } }>(cellsPath(), {
			sheet: 'Sheet1',
			updates: huge
		});
		expect(response.status).toBe(413);
		expect(response.body.error.code).toBe('too_large');
		expect(await read('A1:A3')).toEqual(before);
	});

	it('hides the cells of a workbook from someone without access (404)', async () => {
		const stranger = new ApiClient(server.url);
		await stranger.register(uniqueEmail('stranger'));
		expect((await stranger.get(`${cellsPath()}?range=A1`)).status).toBe(404);
		expect(
			(await stranger.post(cellsPath(), { updates: [{ ref: 'A1', input: 'x' }] })).status
		).toBe(404);
	});
});

function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
	return a.length === b.length && a.every((byte, i) => byte === b[i]);
}
