/**
 * Portfolio benchmark (`npm run bench -- portfolio`): the dashboard's read with many property
 * workbooks, what keeping published outputs current costs, and whether it disturbs co-editing.
 *
 * - dashboard: one person with BENCH_PORTFOLIO_WORKBOOKS (200) property workbooks, outputs
 *   computed → `GET /api/v1/portfolio` p50/p95 over 200 reads (target p95 ≤ 50 ms); the time the
 *   server took to compute every workbook's outputs from cold (`backfill…`, per workbook);
 * - editBurst: 20 API edits of one property within a second → ms from the last edit until the
 *   portfolio shows it (debounced: one or two recomputes, not twenty), 5 bursts;
 * - collabDuringRecompute: 50 property workbooks × 3 socket clients, 500 edits/s for 5 s →
 *   edit→seen p99 with the recompute on, and on a second server with it held off
 *   (OUTPUT_DEBOUNCE_MS of a day) → the ratio (target within 10 %).
 */
import { pathToFileURL } from 'node:url';
import { ApiClient, uniqueEmail } from '../tests/helpers/http-client';
import { startTestServer, type TestServer } from '../tests/helpers/server';
import { waitFor } from '../tests/helpers/wait';
import { LatencyRecorder, percentileOf, round1 } from './latency';
import { openClients } from './light-client';
import { flattenResults, printResults, type BenchResults } from './results';

const WORKBOOKS = Number(process.env.BENCH_PORTFOLIO_WORKBOOKS ?? 200);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function progress(message: string): void {
	process.stderr.write(`[portfolio-bench] ${message}\n`);
}

interface Portfolio {
	properties: { workbookId: string; stale: boolean; outputs: Record<string, unknown> }[];
	totals: Record<string, unknown>;
}

async function createProperties(api: ApiClient, count: number): Promise<string[]> {
	const ids: string[] = [];
	for (let start = 0; start < count; start += 10) {
		const batch = await Promise.all(
			Array.from({ length: Math.min(10, count - start) }, (_, i) =>
				api.post<{ id: string }>('/api/v1/workbooks', {
					title: `Property ${start + i}`,
					template: 'property'
				})
			)
		);
		ids.push(...batch.map((response) => response.body.id));
	}
	return ids;
}

async function freshPortfolio(api: ApiClient, count: number, timeoutMs: number) {
	return waitFor(
		async () => {
			const body = (await api.get<Portfolio>('/api/v1/portfolio')).body;
			return body.properties.length === count && body.properties.every((p) => !p.stale)
				? body
				: null;
		},
		timeoutMs,
		'every output computed'
	);
}

async function dashboardScenario(server: TestServer, api: ApiClient): Promise<BenchResults> {
	progress(`creating ${WORKBOOKS} property workbooks`);
	await createProperties(api, WORKBOOKS);
	const started = performance.now();
	await api.get('/api/v1/portfolio');
	await freshPortfolio(api, WORKBOOKS, 30 * 60_000);
	const backfillMs = performance.now() - started;
	progress(`outputs computed in ${Math.round(backfillMs)} ms`);
	const samples: number[] = [];
	for (let i = 0; i < 200; i++) {
		const at = performance.now();
		const response = await api.get<Portfolio>('/api/v1/portfolio');
		samples.push(performance.now() - at);
		if (response.status !== 200) throw new Error(`portfolio ${response.status}`);
	}
	void server;
	return {
		workbooks: WORKBOOKS,
		p50Ms: round1(percentileOf(samples, 50)),
		p95Ms: round1(percentileOf(samples, 95)),
		backfillMs: Math.round(backfillMs),
		backfillPerWorkbookMs: round1(backfillMs / WORKBOOKS)
	};
}

async function editBurstScenario(api: ApiClient): Promise<BenchResults> {
	const [id] = await createProperties(api, 1);
	await freshPortfolio(api, WORKBOOKS + 1, 120_000);
	const delays: number[] = [];
	for (let burst = 0; burst < 5; burst++) {
		let rent = 0;
		for (let edit = 0; edit < 20; edit++) {
			rent = 2000 + burst * 100 + edit;
			await api.post(`/api/v1/workbooks/${id}/cells`, {
				updates: [{ ref: 'MonthlyRent', input: String(rent) }]
			});
			await sleep(50);
		}
		const last = performance.now();
		await waitFor(async () => {
			const body = (await api.get<Portfolio>('/api/v1/portfolio')).body;
			return body.properties.find((p) => p.workbookId === id)?.outputs.MonthlyRent === rent;
		}, 30_000);
		delays.push(performance.now() - last);
	}
	return {
		lastEditToFreshP50Ms: round1(percentileOf(delays, 50)),
		lastEditToFreshMaxMs: round1(Math.max(...delays))
	};
}

async function collabP99(debounceMs: number): Promise<number> {
	const server = await startTestServer('pglite', {
		env: { OUTPUT_DEBOUNCE_MS: String(debounceMs) }
	});
	try {
		const api = new ApiClient(server.url);
		await api.register(uniqueEmail('collab'));
		const ids = await createProperties(api, 50);
		const wsBase = server.url.replace(/^http/, 'ws');
		const clients = await openClients(150, (i) => `${wsBase}/collab/${ids[i % 50]}`, {
			headers: { cookie: api.sessionCookie! }
		});
		const latency = new LatencyRecorder();
		for (const client of clients) {
			const receive = latency.receiver(client.doc.clientID);
			client.onUpdate = (update, at) => receive(update, at);
		}
		// Warm-up: every room loaded and compiled paths hot.
		for (let i = 0; i < 150; i++) clients[i].edit(`w${i}`, i);
		await sleep(3_000);
		latency.discardFrom(0);
		const started = performance.now();
		let made = 0;
		while (performance.now() - started < 5_000) {
			const due = Math.floor(((performance.now() - started) / 10 + 1) * 5) - made;
			for (let i = 0; i < due; i++) {
				const client = clients[made % clients.length];
				latency.recordSent(client.doc.clientID, client.edit(`k${made}`, made));
				made++;
			}
			await sleep(10);
		}
		await sleep(2_000);
		for (const client of clients) client.ws.close();
		return latency.percentile(99);
	} finally {
		await server.stop();
		await server.database.drop();
	}
}

/** Runs the scenarios; see the module comment. */
export async function runPortfolioBench(): Promise<Record<string, BenchResults>> {
	const server = await startTestServer('pglite');
	const results: Record<string, BenchResults> = {};
	try {
		const api = new ApiClient(server.url);
		await api.register(uniqueEmail('portfolio'));
		results.dashboard = await dashboardScenario(server, api);
		results.editBurst = await editBurstScenario(api);
	} finally {
		await server.stop();
		await server.database.drop();
	}
	progress('collab p99 with the recompute on');
	const withRecompute = await collabP99(1_000);
	progress('collab p99 with the recompute held off');
	const without = await collabP99(86_400_000);
	results.collabDuringRecompute = {
		p99WithRecomputeMs: round1(withRecompute),
		p99WithoutMs: round1(without),
		ratio: round1((withRecompute / without) * 100) / 100
	};
	return results;
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
	printResults('portfolio', flattenResults(await runPortfolioBench()));
}
