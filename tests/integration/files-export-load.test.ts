import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_KINDS } from '../helpers/databases';
import { ApiClient, uniqueEmail } from '../helpers/http-client';
import { startTestServer, type TestServer } from '../helpers/server';

/** 25,000 rows of three numbers and one formula: a 100,000-cell workbook. */
const ROWS = 25_000;
/** The API takes at most this many cell updates per request. */
const UPDATES_PER_REQUEST = 10_000;

/** Runs `probe` over and over until `done` settles; returns each probe's time (ms). */
async function probeUntil(done: Promise<unknown>, probe: () => Promise<void>): Promise<number[]> {
	let finished = false;
	void done.finally(() => (finished = true));
	const times: number[] = [];
	while (!finished) {
		const started = performance.now();
		await probe();
		times.push(performance.now() - started);
		await new Promise((resolve) => setTimeout(resolve, 20));
	}
	return times;
}

const describeTimes = (times: number[]) =>
	`${times.length} answers, longest ${Math.round(Math.max(...times))} ms`;

describe.each(DATABASE_KINDS)('a large export on %s', (kind) => {
	let server: TestServer;
	let exporter: ApiClient;
	let bystander: ApiClient;
	let largeId: string;
	let bystanderId: string;

	beforeAll(async () => {
		server = await startTestServer(kind);
		exporter = new ApiClient(server.url);
		bystander = new ApiClient(server.url);
		await exporter.register(uniqueEmail('large-exporter'));
		await bystander.register(uniqueEmail('bystander'));
		largeId = (await exporter.post<{ id: string }>('/api/v1/workbooks', { title: 'Large' })).body
			.id;
		bystanderId = (await bystander.post<{ id: string }>('/api/v1/workbooks', { title: 'Mine' }))
			.body.id;
		const updates = Array.from({ length: ROWS }, (_, index) => {
			const row = index + 1;
			return [
				{ ref: `A${row}`, input: String(row) },
				{ ref: `B${row}`, input: String(row * 1.5) },
				{ ref: `C${row}`, input: String(1000 - row) },
				{ ref: `D${row}`, input: `=A${row}*B${row}-C${row}` }
			];
		}).flat();
		for (let start = 0; start < updates.length; start += UPDATES_PER_REQUEST) {
			const written = await exporter.post(`/api/v1/workbooks/${largeId}/cells`, {
				updates: updates.slice(start, start + UPDATES_PER_REQUEST)
			});
			expect(written.status).toBe(200);
		}
	}, 300_000);

	afterAll(async () => {
		await server?.stop();
		await server?.database.drop();
	});

	it("keeps /healthz and another person's cell writes answering while a 100,000-cell XLSX export runs", async () => {
		const exported = fetch(new URL(`/api/v1/workbooks/${largeId}/export?format=xlsx`, server.url), {
			headers: { cookie: exporter.sessionCookie! }
		}).then(async (response) => ({
			status: response.status,
			bytes: Buffer.from(await response.arrayBuffer())
		}));
		let written = 0;
		const [health, writes, file] = await Promise.all([
			probeUntil(exported, async () => {
				expect((await fetch(new URL('/healthz', server.url))).status).toBe(200);
			}),
			probeUntil(exported, async () => {
				const response = await bystander.post(`/api/v1/workbooks/${bystanderId}/cells`, {
					updates: [{ ref: 'A1', input: String(++written) }]
				});
				expect(response.status).toBe(200);
			}),
			exported
		]);
		console.log(
			`during a ${ROWS * 4}-cell export (${kind}): /healthz ${describeTimes(health)}; ` +
				`bystander writes ${describeTimes(writes)}`
		);
		expect(file.status).toBe(200);
		expect(health.length).toBeGreaterThan(1);
		expect(writes.length).toBeGreaterThan(1);

		const book = new ExcelJS.Workbook();
		await book.xlsx.load(file.bytes.buffer as ArrayBuffer);
		const last = book.worksheets[0].getCell(`D${ROWS}`).value as ExcelJS.CellFormulaValue;
		expect(last.formula).toBe(`A${ROWS}*B${ROWS}-C${ROWS}`);
		expect(last.result).toBeCloseTo(ROWS * ROWS * 1.5 - (1000 - ROWS), 6);

		const read = await bystander.get<{ cells: { value: unknown }[][] }>(
			`/api/v1/workbooks/${bystanderId}/cells?range=A1`
		);
		expect(read.body.cells[0][0].value).toBe(written);
	}, 180_000);
});
