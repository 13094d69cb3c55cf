/**
 * History benchmark (`npm run bench -- history`): on a real server (PGlite, and PostgreSQL when
 * BENCH_DATABASE_URL or TEST_DATABASE_URL is set),
 *
 * - version creation: `POST …/versions` (digest of what was committed, then the cut) → ms, and
 *   the bytes the version stores, for a 1,000-cell and a 100,000-cell workbook: after writing
 *   every cell (the version holds them all) and after a 10-cell edit (it holds only that);
 *   beside them the whole document's bytes (a full snapshot) for comparison;
 * - the property template: bytes of its first version (the whole template) and of a one-cell edit;
 * - cell history: bytes per row (with its index) after the runs above, and the p95 of
 *   `GET …/cells/history` on a cell edited 1,000 times (target ≤ 20 ms).
 *
 * The collaboration figures the issue asks to keep within 10 % are `npm run bench -- collab`
 * with BENCH_BASE_DIR set to a built checkout of main (see collab.bench.ts).
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import postgres from 'postgres';
import * as Y from 'yjs';
import { applyCellUpdates, seedBlankWorkbook } from '../src/lib/core/workbook-api';
import type { DatabaseKind } from '../tests/helpers/databases';
import { ApiClient, uniqueEmail } from '../tests/helpers/http-client';
import { startTestServer, type TestServer } from '../tests/helpers/server';
import { percentileOf, round1 } from './latency';
import { printResults, type BenchResults } from './results';

type CellRequest = { sheet: string; updates: { ref: string; input: string }[] };

function progress(message: string): void {
	process.stderr.write(`[history-bench] ${message}\n`);
}

/** `cells` numbers in rows of 25 columns, in requests of at most 10,000 updates. */
function cellRequests(cells: number): CellRequest[] {
	const columns = 'ABCDEFGHIJKLMNOPQRSTUVWXY';
	const requests: CellRequest[] = [];
	let updates: CellRequest['updates'] = [];
	for (let i = 0; i < cells; i++) {
		const row = Math.floor(i / columns.length) + 1;
		const column = columns[i % columns.length];
		updates.push({ ref: `${column}${row}`, input: String(row * 7 + i) });
		if (updates.length === 10_000) {
			requests.push({ sheet: 'Sheet1', updates });
			updates = [];
		}
	}
	if (updates.length > 0) requests.push({ sheet: 'Sheet1', updates });
	return requests;
}

/** Bytes of the whole document those requests make (what a full snapshot stores). */
function fullStateBytes(requests: CellRequest[]): number {
	const doc = new Y.Doc();
	seedBlankWorkbook(doc);
	for (const request of requests) applyCellUpdates(doc, request);
	return Y.encodeStateAsUpdate(doc).length;
}

interface Listed {
	versions: { id: string; bytes: number }[];
}

async function post(api: ApiClient, url: string, body: unknown) {
	const response = await api.post<{ id: string }>(url, body);
	if (response.status >= 300)
		throw new Error(`${url}: ${response.status} ${JSON.stringify(response.body)}`);
	return response.body;
}

/** Names the present; returns how long it took and the bytes the new version stores. */
async function nameVersion(api: ApiClient, id: string, name: string) {
	const started = performance.now();
	const version = await post(api, `/api/v1/workbooks/${id}/versions`, { name });
	const ms = performance.now() - started;
	const listed = await api.get<Listed>(`/api/v1/workbooks/${id}/versions`);
	const bytes = listed.body.versions.find((v) => v.id === version.id)!.bytes;
	return { ms: round1(ms), bytes };
}

async function sizeScenario(api: ApiClient, cells: number, results: BenchResults, key: string) {
	progress(`${key}: ${cells} cells`);
	const { id } = await post(api, '/api/v1/workbooks', { title: key });
	await api.get(`/api/v1/workbooks/${id}/versions`);
	const requests = cellRequests(cells);
	for (const request of requests) await post(api, `/api/v1/workbooks/${id}/cells`, request);
	const bulk = await nameVersion(api, id, 'after writing every cell');
	const edit = cellRequests(10).map((request) => ({
		...request,
		updates: request.updates.map((update) => ({ ...update, input: `${update.input}.5` }))
	}));
	for (const request of edit) await post(api, `/api/v1/workbooks/${id}/cells`, request);
	const small = await nameVersion(api, id, 'after a 10-cell edit');
	results[`${key}.versionCreateAfterBulkMs`] = bulk.ms;
	results[`${key}.versionAfterBulkBytes`] = bulk.bytes;
	results[`${key}.versionCreateAfterSmallEditMs`] = small.ms;
	results[`${key}.versionAfterSmallEditBytes`] = small.bytes;
	results[`${key}.fullSnapshotBytes`] = fullStateBytes(requests);
}

async function templateScenario(api: ApiClient, results: BenchResults) {
	progress('property template');
	const { id } = await post(api, '/api/v1/workbooks', { title: 'P', template: 'property' });
	const first = await api.get<Listed>(`/api/v1/workbooks/${id}/versions`);
	results['property.firstVersionBytes'] = first.body.versions.at(-1)!.bytes;
	await post(api, `/api/v1/workbooks/${id}/cells`, { updates: [{ ref: 'B3', input: '1234' }] });
	const edited = await nameVersion(api, id, 'one edit');
	results['property.versionAfterOneEditBytes'] = edited.bytes;
	results['property.versionCreateMs'] = edited.ms;
}

async function cellHistoryScenario(api: ApiClient, results: BenchResults) {
	progress('cell history: one cell edited 1,000 times');
	const { id } = await post(api, '/api/v1/workbooks', { title: 'Busy cell' });
	for (let i = 0; i < 1_000; i++) {
		await post(api, `/api/v1/workbooks/${id}/cells`, {
			updates: [{ ref: 'C3', input: String(i) }]
		});
	}
	const url = `/api/v1/workbooks/${id}/cells/history?sheet=Sheet1&ref=C3`;
	const whole = await api.get<{ history: unknown[] }>(`${url}&limit=1000`);
	if (whole.body.history.length !== 1_000) {
		throw new Error(`cell history has ${whole.body.history.length} entries, not 1,000`);
	}
	// The page the dialog opens with (the newest 100), and the largest page a request may ask.
	for (const [name, query] of [
		['cellHistory1000Edits', ''],
		['cellHistory1000EditsLimit1000', '&limit=1000']
	]) {
		const samples: number[] = [];
		for (let i = 0; i < 200; i++) {
			const started = performance.now();
			await api.get(url + query);
			samples.push(performance.now() - started);
		}
		results[`${name}P50Ms`] = round1(percentileOf(samples, 50));
		results[`${name}P95Ms`] = round1(percentileOf(samples, 95));
	}
}

/** Bytes per cell history row, table and index included, read once the server has stopped. */
async function cellHistoryRowBytes(server: TestServer): Promise<number> {
	const query = `select (pg_total_relation_size('cell_history') / greatest(count(*), 1))::int as bytes
		from cell_history`;
	if (server.database.kind === 'postgres') {
		const sql = postgres(server.database.env.DATABASE_URL, { max: 1, onnotice: () => {} });
		const [row] = await sql.unsafe(query);
		await sql.end();
		return Number(row.bytes);
	}
	const db = new PGlite(path.join(server.database.env.DATA_DIR, 'pglite'));
	const { rows } = await db.query<{ bytes: number }>(query);
	await db.close();
	return Number(rows[0].bytes);
}

async function runOn(kind: DatabaseKind, results: BenchResults) {
	const server = await startTestServer(kind, { env: { LOG_LEVEL: 'warn' } });
	try {
		const api = new ApiClient(server.url);
		await api.register(uniqueEmail('bench'));
		const figures: BenchResults = {};
		// BENCH_SCENARIOS=cellHistory,sizes runs only those (property, sizes, cellHistory).
		const only = process.env.BENCH_SCENARIOS?.split(',').filter(Boolean);
		const wanted = (name: string) => !only || only.includes(name);
		if (wanted('property')) await templateScenario(api, figures);
		if (wanted('sizes')) {
			await sizeScenario(api, 1_000, figures, 'cells1k');
			await sizeScenario(api, 100_000, figures, 'cells100k');
		}
		if (wanted('cellHistory')) await cellHistoryScenario(api, figures);
		await server.stop();
		figures['cellHistoryRowBytes'] = await cellHistoryRowBytes(server);
		for (const [name, value] of Object.entries(figures)) results[`${kind}.${name}`] = value;
	} finally {
		await server.stop();
		await server.database.drop();
	}
}

/** Runs the scenarios on each database; returns the flat record of figures. */
export async function runHistoryBench(): Promise<BenchResults> {
	const results: BenchResults = {};
	const adminUrl = process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL;
	if (adminUrl) process.env.TEST_DATABASE_URL = adminUrl;
	const kinds: DatabaseKind[] = adminUrl ? ['pglite', 'postgres'] : ['pglite'];
	for (const kind of kinds) await runOn(kind, results);
	results.cellHistoryP95TargetMs = 20;
	return results;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
	printResults('history', await runHistoryBench());
	process.exit(0);
}
