/**
 * Requests that used to take the server down by evaluating (issue 27, item 1): each now gets a
 * clear error while the server keeps answering everyone else, and refused input stores nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_KINDS } from '../helpers/databases';
import { ApiClient, uniqueEmail } from '../helpers/http-client';
import { startTestServer, type TestServer } from '../helpers/server';

interface Cell {
	ref: string;
	input: string;
	value: unknown;
	error?: { code: string; message: string };
}

interface ErrorBody {
	error: { code: string; message: string };
}

/** Evaluation budget of the test server: short, so the over-budget request is quick to test. */
const EVAL_TIMEOUT_MS = 1_500;

/** Cells whose formulas together take the worker far longer than EVAL_TIMEOUT_MS. */
const SLOW_UPDATES = Array.from({ length: 400 }, (_, index) => ({
	ref: `A${index + 1}`,
	input: `=SUM(MMULT(SEQUENCE(200,200),SEQUENCE(200,200)))+${index}`
}));

describe.each(DATABASE_KINDS)('bounded evaluation on %s', (kind) => {
	let server: TestServer;
	let owner: ApiClient;
	let bystander: ApiClient;
	let workbookId: string;
	let bystanderWorkbookId: string;

	const base = () => `/api/v1/workbooks/${workbookId}`;
	const readAs = (client: ApiClient, range: string, id = workbookId) =>
		client.get<{ cells: Cell[][] } & ErrorBody>(
			`/api/v1/workbooks/${id}/cells?sheet=Sheet1&range=${range}`
		);

	/** Times `/healthz` while `abuse` runs and once after; every answer must come within 1 s. */
	async function staysHealthy<T>(abuse: () => Promise<T>): Promise<T> {
		let running = true;
		const latencies: number[] = [];
		const probe = (async () => {
			while (running) {
				const started = performance.now();
				const response = await owner.get('/healthz');
				latencies.push(performance.now() - started);
				expect(response.status).toBe(200);
				await new Promise((resolve) => setTimeout(resolve, 50));
			}
		})();
		try {
			return await abuse();
		} finally {
			running = false;
			await probe;
			const started = performance.now();
			expect((await owner.get('/healthz')).status).toBe(200);
			latencies.push(performance.now() - started);
			console.log(`healthz during abuse (${kind}): max ${Math.round(Math.max(...latencies))} ms`);
			expect(Math.max(...latencies)).toBeLessThan(1_000);
		}
	}

	beforeAll(async () => {
		server = await startTestServer(kind, { env: { EVAL_TIMEOUT_MS: String(EVAL_TIMEOUT_MS) } });
		owner = new ApiClient(server.url);
		await owner.register(uniqueEmail('abuse-owner'));
		workbookId = (await owner.post<{ id: string }>('/api/v1/workbooks', { title: 'Abuse' })).body
			.id;
		bystander = new ApiClient(server.url);
		await bystander.register(uniqueEmail('abuse-bystander'));
		bystanderWorkbookId = (
			await bystander.post<{ id: string }>('/api/v1/workbooks', { title: 'Mine' })
		).body.id;
		const seeded = await owner.post(`${base()}/cells`, {
			updates: [
				{ ref: 'A1', input: '5' },
				{ ref: 'A2', input: '=A1*2' }
			]
		});
		expect(seeded.status).toBe(200);
	});

	afterAll(async () => {
		await server?.stop();
		await server?.database.drop();
	});

	it('refuses a formula over a million cells with 413 and stores nothing', async () => {
		const response = await staysHealthy(() =>
			owner.post<ErrorBody>(`${base()}/cells`, {
				updates: [{ ref: 'B1', input: '=SUM(C1:BXX199999)' }]
			})
		);
		expect(response.status).toBe(413);
		expect(response.body.error.code).toBe('limit_exceeded');
		expect(response.body.error.message).toMatch(/at most 1000000 cells/);
		const [[cell]] = (await readAs(owner, 'B1')).body.cells;
		expect(cell).toMatchObject({ input: '', value: null });
		// Binding the reference would have grown the sheet to 200,000 rows × 2,000 columns.
		const workbook = await owner.get<{ sheets: { rowCount: number; colCount: number }[] }>(base());
		expect(workbook.body.sheets[0].rowCount).toBeLessThan(1_000);
		expect(workbook.body.sheets[0].colCount).toBeLessThan(100);
	});

	it('refuses a link holder reading 400 million cells with 413', async () => {
		const link = await owner.post<{ token: string }>(`${base()}/links`, { label: 'viewer' });
		expect(link.status).toBe(201);
		const guest = new ApiClient(server.url, { authorization: `Bearer ${link.body.token}` });
		const response = await staysHealthy(() => readAs(guest, 'A1:BXX199999'));
		expect(response.status).toBe(413);
		expect(response.body.error.message).toMatch(/at most 100000 cells/);
		const allowed = await readAs(guest, 'A1:A2');
		expect(allowed.status).toBe(200);
		expect(allowed.body.cells.map((row) => row[0].value)).toEqual([5, 10]);
	});

	it('refuses range operations over 200,000 cells with 413 and changes nothing', async () => {
		const huge = 'A1:BXX199999';
		const attempts = [
			{ op: 'setNumberFormat', sheet: 'Sheet1', range: huge, format: '0.00' },
			{ op: 'clearRange', sheet: 'Sheet1', range: huge },
			{ op: 'fillDown', sheet: 'Sheet1', range: huge },
			{ op: 'fillRight', sheet: 'Sheet1', range: huge }
		];
		await staysHealthy(async () => {
			for (const op of attempts) {
				const response = await owner.post<ErrorBody>(`${base()}/ops`, { ops: [op] });
				expect(response.status, op.op).toBe(413);
				expect(response.body.error.message).toMatch(/at most 200000 cells/);
			}
		});
		const cells = (await readAs(owner, 'A1:A2')).body.cells;
		expect(cells.map((row) => [row[0].input, row[0].value])).toEqual([
			['5', 5],
			['=A1*2', 10]
		]);
	});

	it('answers a SEQUENCE/MMULT bomb at once with a cell error naming the limit', async () => {
		const formula = '=SUM(MMULT(SEQUENCE(1500,1500),SEQUENCE(1500,1500)))';
		expect(
			(await owner.post(`${base()}/cells`, { updates: [{ ref: 'C1', input: formula }] })).status
		).toBe(200);
		const started = performance.now();
		const response = await staysHealthy(() => readAs(owner, 'C1'));
		expect(performance.now() - started).toBeLessThan(EVAL_TIMEOUT_MS);
		expect(response.status).toBe(200);
		const [[cell]] = response.body.cells;
		expect(cell.error?.code).toBe('#VALUE!');
		expect(cell.error?.message).toMatch(/at most 1000000 elements/);
	});

	it('refuses a million-term formula with 413 without stalling the server', async () => {
		const formula = '=' + Array.from({ length: 1_000_000 }, () => '1').join('+');
		const response = await staysHealthy(() =>
			owner.post<ErrorBody>(`${base()}/cells`, { updates: [{ ref: 'D1', input: formula }] })
		);
		expect(response.status).toBe(413);
		expect(response.body.error.message).toMatch(/at most 8192 characters/);
		expect((await readAs(owner, 'D1')).body.cells[0][0].input).toBe('');
	});

	it('stops an evaluation over its time budget with 503 while a bystander keeps writing', async () => {
		const slowId = (await owner.post<{ id: string }>('/api/v1/workbooks', { title: 'Slow' })).body
			.id;
		const written = await owner.post(`/api/v1/workbooks/${slowId}/cells`, {
			updates: SLOW_UPDATES
		});
		expect(written.status).toBe(200);

		let reading = true;
		let bystanderWrites = 0;
		const writes = (async () => {
			const latencies: number[] = [];
			while (reading) {
				const started = performance.now();
				const response = await bystander.post(`/api/v1/workbooks/${bystanderWorkbookId}/cells`, {
					updates: [{ ref: 'A1', input: String(bystanderWrites) }]
				});
				latencies.push(performance.now() - started);
				expect(response.status).toBe(200);
				bystanderWrites++;
			}
			latencies.sort((a, b) => a - b);
			const p99 = latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * 0.99))];
			console.log(
				`bystander writes during abuse (${kind}): ${latencies.length}, p99 ${Math.round(p99)} ms`
			);
		})();
		const response = await staysHealthy(async () => {
			try {
				return await readAs(owner, 'A1', slowId);
			} finally {
				reading = false;
				await writes;
			}
		});
		expect(response.status).toBe(503);
		expect(response.body.error.code).toBe('evaluation_over_budget');
		expect(response.body.error.message).toMatch(new RegExp(`longer than ${EVAL_TIMEOUT_MS} ms`));
		expect(bystanderWrites).toBeGreaterThan(0);

		// A replaced worker answers the next reader, from the whole state.
		const after = await readAs(bystander, 'A1', bystanderWorkbookId);
		expect(after.status).toBe(200);
		expect(after.body.cells[0][0].value).toBe(bystanderWrites - 1);
		expect((await readAs(owner, 'A1:A2')).body.cells.map((row) => row[0].value)).toEqual([5, 10]);
	});
});
