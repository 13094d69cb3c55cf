/**
 * Collaboration benchmark (`npm run bench -- collab`, or `tsx bench/collab.bench.ts` alone).
 * Runs the same scenarios against InvestFlow's server (PGlite, and PostgreSQL when
 * BENCH_DATABASE_URL or TEST_DATABASE_URL is set) and against y-websocket v1's reference server
 * (in memory, no durability), with light protocol clients (see light-client.ts):
 *
 * - fanout: 50 clients on one document, 1,000 edits/s in total → edit→seen p50/p99, and the
 *   server's CPU use; all targets run side by side, taking turns (see LATENCY_ROUNDS);
 * - manyDocs: 200 documents × 5 clients, 1,000 edits/s in total → the same figures;
 * - durable: 100 writers on 20 documents, spread over several load processes (so the benchmark
 *   process is not the bottleneck), offering ~20,000 updates/s → updates/s seen by watchers (for
 *   InvestFlow every relayed update has been committed first), and the rate actually offered;
 * - coldOpen: a 100,000-cell workbook unloaded, then opened → ms to the first sync (InvestFlow);
 *   the reference server holds documents only in memory, so its figure is a warm open; while
 *   the workbook is compacted on unloading, the worst edit→seen latency on another document;
 * - memory: server RSS growth per idle connection (500 connections) and per loaded document.
 *
 * With BENCH_BASE_DIR (a checkout of the base branch, built), its server runs as target
 * `<kind>Base` beside this one: latency turns alternate between them, so a change's cost is
 * measured against its base on the same machine in the same run.
 *
 * Figures are a flat record `"<target>.<metric><Unit>"`. Targets: p99 ≤ 50 ms, ≥ 5,000 durable
 * updates/s on both databases, cold open ≤ 500 ms, ≤ 30 KiB per idle connection.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import readline from 'node:readline';
import { pathToFileURL } from 'node:url';
import * as Y from 'yjs';
import { applyCellUpdates, seedBlankWorkbook } from '../src/lib/core/workbook-api';
import { encodeSyncUpdate } from '../src/lib/collab/protocol';
import { connectClient } from '../tests/helpers/collab-client';
import type { DatabaseKind } from '../tests/helpers/databases';
import { ApiClient, uniqueEmail } from '../tests/helpers/http-client';
import { startTestServer, type TestServer } from '../tests/helpers/server';
import { waitFor } from '../tests/helpers/wait';
import { machineCpu, processCpuMs, rssKiB, stealShare } from './proc-stats';
import { collectGarbage, INSPECT_ARG, inspectorUrl } from './server-gc';
import { LatencyRecorder, round1 } from './latency';
import { openClients, type LightClient } from './light-client';
import { printResults, type BenchResults } from './results';
import { TRACE_ARGS, writeTraceSamples } from './trace-samples';

/** Receivers per document that record latency (see latencyScenario). */
const MEASURING_PER_DOC = 5;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function progress(message: string): void {
	process.stderr.write(`[collab-bench] ${message}\n`);
}

/** A server under test: where to connect, how, and which process to measure. */
interface Target {
	name: string;
	pid: number;
	/** http://host:port of the server. */
	baseUrl: string;
	/** WebSocket URL of a document. */
	docUrl(docId: string): string;
	headers: Record<string, string>;
	/** Document ids the scenarios may use (InvestFlow: real workbooks). */
	docIds: string[];
	api?: ApiClient;
	server?: TestServer;
	/** Runs a full garbage collection in the server (before memory readings). */
	collectGarbage(): Promise<void>;
	stop(): Promise<void>;
}

/** Drives `clients` to make `ratePerSecond` edits in total for `seconds`, recorded if `latency`. */
async function driveEdits(
	clients: LightClient[],
	ratePerSecond: number,
	seconds: number,
	latency: LatencyRecorder | null
): Promise<number> {
	const tickMs = 10;
	const perTick = (ratePerSecond * tickMs) / 1000;
	const started = performance.now();
	let made = 0;
	while (performance.now() - started < seconds * 1000) {
		const due = Math.floor(((performance.now() - started) / tickMs + 1) * perTick) - made;
		for (let i = 0; i < due; i++) {
			const client = clients[made % clients.length];
			const clock = client.edit(`k${made}`, made);
			latency?.recordSent(client.doc.clientID, clock);
			made++;
		}
		await sleep(tickMs);
	}
	return made;
}

/**
 * How the latency scenarios are timed: each target first warms up (JIT compilation and every
 * room's first load, not recorded), then the targets take turns of `turnSeconds`, round after
 * round, so a slow spell of this shared machine lands on all of them rather than on whichever
 * ran then. A turn during which the hypervisor stole more than `maxSteal` of the machine's time
 * is discarded and run again (up to `attempts` times; the count is reported).
 */
const LATENCY_ROUNDS = {
	warmupSeconds: Number(process.env.BENCH_WARMUP_SECONDS ?? 1),
	rounds: Number(process.env.BENCH_LATENCY_ROUNDS ?? 10),
	turnSeconds: Number(process.env.BENCH_TURN_SECONDS ?? 1),
	maxSteal: Number(process.env.BENCH_MAX_STEAL ?? 0.03),
	attempts: 3
};

/** One target's side of a latency scenario: its clients and what they measured. */
interface LatencyRun {
	target: Target;
	clients: LightClient[];
	latency: LatencyRecorder;
	made: number;
	cpuMs: number;
	wallMs: number;
	discardedTurns: number;
	/** Each round's kept turn: its p99 (ms). */
	turnP99s: number[];
}

interface LatencyFigures {
	p50: number;
	p99: number;
	seenRatio: number;
	serverCpuPercent: number;
	discardedTurns: number;
	turnP99s: number[];
	latency: LatencyRecorder;
}

/** Receivers that record per edit (see MEASURING_PER_DOC): samples one edit yields. */
function samplesPerEdit(clientsPerDoc: number): number {
	return (Math.min(MEASURING_PER_DOC, clientsPerDoc) * (clientsPerDoc - 1)) / clientsPerDoc;
}

/**
 * One measured turn of `run`: edits for LATENCY_ROUNDS.turnSeconds, then a wait until they have
 * been seen. Keeps the turn's samples and returns true, unless the hypervisor stole too much of
 * the machine meanwhile: then the samples are dropped and it returns false.
 */
async function measuredTurn(
	run: LatencyRun,
	ratePerSecond: number,
	clientsPerDoc: number
): Promise<boolean> {
	const mark = run.latency.samples.length;
	const machineBefore = machineCpu();
	const cpuBefore = processCpuMs(run.target.pid);
	const wallBefore = performance.now();
	const made = await driveEdits(
		run.clients,
		ratePerSecond,
		LATENCY_ROUNDS.turnSeconds,
		run.latency
	);
	const cpu = processCpuMs(run.target.pid) - cpuBefore;
	const wall = performance.now() - wallBefore;
	const expected = mark + made * samplesPerEdit(clientsPerDoc);
	await waitFor(() => run.latency.samples.length >= expected * 0.99, 5_000, 'turn seen').catch(
		() => {}
	);
	if (stealShare(machineBefore, machineCpu()) > LATENCY_ROUNDS.maxSteal) {
		run.latency.discardFrom(mark);
		return false;
	}
	run.turnP99s.push(run.latency.percentile(99, mark));
	run.made += made;
	run.cpuMs += cpu;
	run.wallMs += wall;
	return true;
}

/**
 * `docs` documents × `clientsPerDoc` clients on every target, `ratePerSecond` edits in total,
 * in interleaved rounds (see LATENCY_ROUNDS). Returns each target's edit→seen figures and its
 * server's CPU use while edits were made.
 */
async function latencyScenario(
	targets: Target[],
	docs: number,
	clientsPerDoc: number,
	ratePerSecond: number
): Promise<Map<Target, LatencyFigures>> {
	const runs: LatencyRun[] = [];
	for (const target of targets) {
		const clients = await openClients(
			docs * clientsPerDoc,
			(i) => target.docUrl(target.docIds[i % docs]),
			{ headers: target.headers }
		);
		const latency = new LatencyRecorder();
		// A few measuring receivers per document keep the benchmark process from becoming the
		// bottleneck; the others still receive every frame.
		const measuring = clients.filter((_, i) => Math.floor(i / docs) < MEASURING_PER_DOC);
		for (const client of measuring) {
			const receive = latency.receiver(client.doc.clientID);
			client.onUpdate = (update, at) => receive(update, at);
		}
		runs.push({
			target,
			clients,
			latency,
			made: 0,
			cpuMs: 0,
			wallMs: 0,
			discardedTurns: 0,
			turnP99s: []
		});
	}
	for (const run of runs) {
		await driveEdits(run.clients, ratePerSecond, LATENCY_ROUNDS.warmupSeconds, null);
	}
	for (let round = 0; round < LATENCY_ROUNDS.rounds; round++) {
		// Rotate who goes first, so no target always follows the same one.
		for (let turn = 0; turn < runs.length; turn++) {
			const run = runs[(round + turn) % runs.length];
			for (let attempt = 1; attempt <= LATENCY_ROUNDS.attempts; attempt++) {
				if (await measuredTurn(run, ratePerSecond, clientsPerDoc)) break;
				run.discardedTurns++;
			}
			// Every attempt discarded: the round has no figure for this target.
			if (run.turnP99s.length <= round) run.turnP99s.push(NaN);
		}
	}
	const figures = new Map<Target, LatencyFigures>();
	for (const run of runs) {
		const expected = Math.round(run.made * samplesPerEdit(clientsPerDoc));
		await waitFor(
			() => run.latency.samples.length >= expected * 0.99,
			30_000,
			'all edits seen'
		).catch(() => {});
		for (const client of run.clients) client.close();
		figures.set(run.target, {
			p50: round1(run.latency.percentile(50)),
			p99: round1(run.latency.percentile(99)),
			seenRatio: round1(run.latency.samples.length / expected),
			serverCpuPercent: Math.round((run.cpuMs / run.wallMs) * 100),
			discardedTurns: run.discardedTurns,
			turnP99s: run.turnP99s,
			latency: run.latency
		});
	}
	return figures;
}

/** Processes generating the durable scenario's load (BENCH_LOAD_PROCESSES, default 4). */
const LOAD_PROCESSES = Math.max(1, Number(process.env.BENCH_LOAD_PROCESSES) || 4);

/** A load-generating child process (bench/durable-load.ts) and its line-oriented messages. */
interface LoadProcess {
	child: ChildProcess;
	next(): Promise<Record<string, unknown>>;
}

function spawnLoad(options: {
	urls: string[];
	headers: Record<string, string>;
	ratePerSecond: number;
	seconds: number;
}): LoadProcess {
	const child = spawn(
		process.execPath,
		['--import', 'tsx', 'bench/durable-load.ts', JSON.stringify(options)],
		{ stdio: ['pipe', 'pipe', 'inherit'] }
	);
	const lines = readline.createInterface({ input: child.stdout! })[Symbol.asyncIterator]();
	return {
		child,
		next: async () => {
			const line = await lines.next();
			if (line.done) throw new Error(`load process exited with ${child.exitCode}`);
			return JSON.parse(line.value) as Record<string, unknown>;
		}
	};
}

/**
 * 100 writers on 20 documents, spread over LOAD_PROCESSES child processes, offer ~20,000
 * updates/s for 3 s; one watcher per document (here) counts the updates relayed to it — for
 * InvestFlow every relayed update has been committed first. Returns the rate seen and offered.
 */
async function durableScenario(target: Target): Promise<{ seen: number; offered: number }> {
	const docs = 20;
	const writers = 100;
	const rate = 20_000;
	const seconds = 3;
	const watchers = await openClients(docs, (i) => target.docUrl(target.docIds[i]), {
		headers: target.headers
	});
	let seen = 0;
	let lastSeen = 0;
	for (const watcher of watchers) {
		watcher.onUpdate = (update, at) => {
			const meta = Y.parseUpdateMeta(update);
			for (const [client, to] of meta.to) seen += to - (meta.from.get(client) ?? 0);
			lastSeen = at;
		};
	}
	const loads = Array.from({ length: LOAD_PROCESSES }, (_, p) => {
		const urls: string[] = [];
		for (let i = p; i < writers; i += LOAD_PROCESSES)
			urls.push(target.docUrl(target.docIds[i % docs]));
		return spawnLoad({
			urls,
			headers: target.headers,
			ratePerSecond: (rate * urls.length) / writers,
			seconds
		});
	});
	try {
		await Promise.all(loads.map((load) => load.next()));
		// The watchers have seen each writer's sync; count only the edits from here on.
		seen = 0;
		const started = performance.now();
		for (const load of loads) load.child.stdin!.write('go\n');
		const made = (await Promise.all(loads.map((load) => load.next()))).reduce(
			(sum, message) => sum + Number(message.made),
			0
		);
		const offered = made / ((performance.now() - started) / 1000);
		await waitFor(() => seen >= made, 60_000, 'durable updates seen').catch(() => {});
		return { seen: seen / ((lastSeen - started) / 1000), offered };
	} finally {
		for (const load of loads) load.child.stdin!.end();
		await Promise.all(
			loads.map(
				(load) =>
					new Promise((resolve) => {
						if (load.child.exitCode !== null) resolve(undefined);
						else load.child.once('exit', resolve);
					})
			)
		);
		for (const watcher of watchers) watcher.close();
	}
}

async function memoryScenario(target: Target, results: BenchResults): Promise<void> {
	/** The server's RSS after a full collection (see server-gc.ts). */
	const settledRss = async () => {
		await target.collectGarbage();
		return rssKiB(target.pid);
	};
	await sleep(500);
	const before = await settledRss();
	const idle = await openClients(500, () => target.docUrl(target.docIds[0]), {
		headers: target.headers
	});
	await sleep(1000);
	const after = await settledRss();
	results[`${target.name}.rssPerIdleConnectionKiB`] = round1((after - before) / 500);
	for (const client of idle) client.close();
	await sleep(500);
	const docBase = await settledRss();
	const docs = target.docIds.slice(-100);
	if (target.api) {
		// Load each workbook's document into a room without a connection.
		for (const id of docs) await target.api.get(`/api/v1/workbooks/${id}`);
		await sleep(500);
		results[`${target.name}.rssPerLoadedDocumentKiB`] = round1(
			((await settledRss()) - docBase) / docs.length
		);
	} else {
		// The reference server loads a document per connection: subtract the connection's share.
		const perConnection = (after - before) / 500;
		const opened = await openClients(docs.length, (i) => target.docUrl(`loaded-${i}`), {});
		await sleep(500);
		const growth = ((await settledRss()) - docBase) / docs.length - perConnection;
		results[`${target.name}.rssPerLoadedDocumentKiB`] = round1(growth);
		for (const client of opened) client.close();
	}
}

/** A 100,000-cell workbook document (4,000 rows × 25 columns of numbers), as one update. */
function bigWorkbookUpdates(): { sheet: string; updates: { ref: string; input: string }[] }[] {
	const requests = [];
	const columns = 'ABCDEFGHIJKLMNOPQRSTUVWXY';
	for (let block = 0; block < 10; block++) {
		const updates = [];
		for (let row = block * 400 + 1; row <= (block + 1) * 400; row++) {
			for (const column of columns)
				updates.push({ ref: `${column}${row}`, input: String(row * 7 + column.charCodeAt(0)) });
		}
		requests.push({ sheet: 'Sheet1', updates });
	}
	return requests;
}

/**
 * Runs `work` while one client edits another document every 5 ms and a second one receives the
 * edits; returns the worst edit→seen latency meanwhile (how long the server's event loop stalled).
 */
async function worstLatencyWhile(target: Target, work: () => Promise<unknown>): Promise<number> {
	const [writer, receiver] = await openClients(2, () => target.docUrl(target.docIds[0]), {
		headers: target.headers
	});
	const latency = new LatencyRecorder();
	receiver.onUpdate = latency.receiver(receiver.doc.clientID);
	let editing = true;
	const edits = (async () => {
		for (let made = 0; editing; made++) {
			latency.recordSent(writer.doc.clientID, writer.edit(`probe${made}`, made));
			await sleep(5);
		}
	})();
	try {
		await work();
		await sleep(200);
	} finally {
		editing = false;
		await edits;
		writer.close();
		receiver.close();
	}
	return latency.percentile(100);
}

async function coldOpenScenario(target: Target, results: BenchResults): Promise<void> {
	if (target.api && target.server) {
		const created = await target.api.post<{ id: string }>('/api/v1/workbooks', { title: 'Big' });
		const id = created.body.id;
		for (const request of bigWorkbookUpdates()) {
			const response = await target.api.post(`/api/v1/workbooks/${id}/cells`, request);
			if (response.status !== 200) throw new Error(`big workbook write: ${response.status}`);
		}
		const unloaded = (count: number) =>
			target.server!.output().split(`"workbookId":"${id}","msg":"room unloaded"`).length - 1 >=
			count;
		// Unloading compacts the big workbook: how long do edits elsewhere wait meanwhile?
		const otherDocMaxMs = await worstLatencyWhile(target, () =>
			waitFor(() => unloaded(1), 30_000, 'big workbook unloaded')
		);
		results[`${target.name}.compaction100kCellsOtherDocMaxMs`] = round1(otherDocMaxMs);
		let started = performance.now();
		const [light] = await openClients(1, () => target.docUrl(id), { headers: target.headers });
		results[`${target.name}.coldOpen100kCellsFirstSyncMs`] = round1(performance.now() - started);
		light.close();
		await waitFor(() => unloaded(2), 30_000, 'big workbook unloaded again');
		started = performance.now();
		const { provider } = connectClient(target.baseUrl, id, {
			cookie: target.headers.cookie
		});
		await waitFor(() => provider.synced, 30_000, 'provider synced');
		results[`${target.name}.coldOpen100kCellsProviderSyncedMs`] = round1(
			performance.now() - started
		);
		provider.destroy();
		return;
	}
	const doc = new Y.Doc();
	seedBlankWorkbook(doc);
	for (const request of bigWorkbookUpdates()) applyCellUpdates(doc, request);
	const [seeder] = await openClients(1, () => target.docUrl('big'), {});
	seeder.send(encodeSyncUpdate(Y.encodeStateAsUpdate(doc)));
	await sleep(2000);
	const started = performance.now();
	const [reader] = await openClients(1, () => target.docUrl('big'), {});
	results[`${target.name}.warmOpen100kCellsFirstSyncMs`] = round1(performance.now() - started);
	reader.close();
	seeder.close();
}

/** A scenario run on one target at a time. */
type Scenario = (target: Target, results: BenchResults) => Promise<void>;

const memory: Scenario = async (target, results) => {
	progress(`${target.name}: memory`);
	await memoryScenario(target, results);
};

const durable: Scenario = async (target, results) => {
	progress(`${target.name}: durable updates/s`);
	const figures = await durableScenario(target);
	results[`${target.name}.durableUpdatesPerSecond`] = Math.round(figures.seen);
	results[`${target.name}.durableOfferedUpdatesPerSecond`] = Math.round(figures.offered);
};

const coldOpen: Scenario = async (target, results) => {
	progress(`${target.name}: open of a 100,000-cell workbook`);
	await coldOpenScenario(target, results);
};

/** A latency scenario, run on all targets in turns: the figures' prefix and its shape. */
interface LatencyShape {
	metric: string;
	docs: number;
	clientsPerDoc: number;
	description: string;
}

const fanout: LatencyShape = {
	metric: 'fanout50',
	docs: 1,
	clientsPerDoc: 50,
	description: 'fan-out, 50 clients on one document at 1,000 edits/s'
};

const manyDocs: LatencyShape = {
	metric: 'docs200x5',
	docs: 200,
	clientsPerDoc: 5,
	description: '200 documents × 5 clients at 1,000 edits/s'
};

/** The scenarios in the order they run; BENCH_SCENARIOS=manyDocs,durable runs only those. */
const SCENARIOS: Record<string, Scenario | LatencyShape> = {
	memory,
	fanout,
	manyDocs,
	durable,
	coldOpen
};

async function runLatency(
	targets: Target[],
	shape: LatencyShape,
	results: BenchResults
): Promise<void> {
	progress(`${targets.map((target) => target.name).join(', ')}: ${shape.description}`);
	const figures = await latencyScenario(targets, shape.docs, shape.clientsPerDoc, 1000);
	for (const [target, figure] of figures) {
		results[`${target.name}.${shape.metric}P50Ms`] = figure.p50;
		results[`${target.name}.${shape.metric}P99Ms`] = figure.p99;
		results[`${target.name}.${shape.metric}SeenRatio`] = figure.seenRatio;
		results[`${target.name}.${shape.metric}ServerCpuPercent`] = figure.serverCpuPercent;
		results[`${target.name}.${shape.metric}DiscardedTurns`] = figure.discardedTurns;
		writeTraceSamples(target.name, shape.metric, figure.latency);
	}
	// The target "no worse than the in-memory reference by more than 1.5×", as a figure.
	const reference = [...figures].find(([target]) => !target.api)?.[1];
	if (!reference) return;
	for (const [target, figure] of figures) {
		if (!target.api) continue;
		results[`${target.name}.${shape.metric}P99TimesReference`] =
			Math.round((figure.p99 / reference.p99) * 100) / 100;
		results[`${target.name}.${shape.metric}P99TimesReferenceRoundMedian`] =
			Math.round(roundMedianRatio(figure.turnP99s, reference.turnP99s) * 100) / 100;
	}
}

/**
 * The median over rounds of one target's turn p99 over the reference's in the same round. A
 * round's turns run within seconds of each other, so a slow spell of the shared machine, which
 * lands in one target's turn and sets a whole run's p99, moves one round's ratio only.
 */
function roundMedianRatio(turnP99s: number[], referenceTurnP99s: number[]): number {
	const ratios = turnP99s
		.map((p99, round) => p99 / referenceTurnP99s[round])
		.filter(Number.isFinite)
		.sort((a, b) => a - b);
	if (ratios.length === 0) return NaN;
	const middle = Math.floor(ratios.length / 2);
	return ratios.length % 2 === 1 ? ratios[middle] : (ratios[middle - 1] + ratios[middle]) / 2;
}

/** Runs the selected scenarios in order: latency ones on all targets together, others one by one. */
async function runScenarios(targets: Target[], results: BenchResults): Promise<void> {
	const only = process.env.BENCH_SCENARIOS?.split(',').filter(Boolean);
	for (const [name, scenario] of Object.entries(SCENARIOS)) {
		if (only && !only.includes(name)) continue;
		if (typeof scenario !== 'function') {
			await guarded(targets, results, () => runLatency(targets, scenario, results));
			continue;
		}
		for (const target of targets) {
			await guarded([target], results, () => scenario(target, results));
		}
	}
}

/** Runs `work`; a failure is recorded as each target's `error` figure instead of ending the run. */
async function guarded(
	targets: Target[],
	results: BenchResults,
	work: () => Promise<void>
): Promise<void> {
	try {
		await work();
	} catch (error) {
		for (const target of targets) results[`${target.name}.error`] = String(error);
	}
}

/**
 * An InvestFlow server on `kind`; with `baseDir`, the one of that checkout (BENCH_BASE_DIR: a
 * worktree of main with its own build), so a change is measured against its base in one run.
 */
async function investFlowTarget(kind: DatabaseKind, baseDir?: string): Promise<Target> {
	const adminUrl = process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL;
	if (kind === 'postgres' && adminUrl) process.env.TEST_DATABASE_URL = adminUrl;
	// BENCH_SERVER_NODE_ARGS (e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof`) profiles the server.
	const server = await startTestServer(kind, {
		cwd: baseDir,
		env: {
			COLLAB_IDLE_UNLOAD_MS: '1500',
			LOG_LEVEL: 'info',
			...(baseDir && { BUILD_DIR: `${baseDir}/build` })
		},
		nodeArgs: [
			INSPECT_ARG,
			...TRACE_ARGS,
			...(process.env.BENCH_SERVER_NODE_ARGS?.split(' ').filter(Boolean) ?? [])
		]
	});
	const api = new ApiClient(server.url);
	await api.register(uniqueEmail('bench'));
	const docIds: string[] = [];
	for (let start = 0; start < 200; start += 10) {
		const batch = await Promise.all(
			Array.from({ length: 10 }, (_, i) =>
				api.post<{ id: string }>('/api/v1/workbooks', { title: `B${start + i}` })
			)
		);
		docIds.push(...batch.map((response) => response.body.id));
	}
	const wsBase = server.url.replace(/^http/, 'ws');
	return {
		name: baseDir ? `${kind}Base` : kind,
		pid: server.process.pid!,
		baseUrl: server.url,
		docUrl: (id) => `${wsBase}/collab/${id}`,
		headers: { cookie: api.sessionCookie! },
		docIds,
		api,
		server,
		collectGarbage: () => collectGarbage(inspectorUrl(server.output())!),
		stop: async () => {
			await server.stop();
			await server.database.drop();
		}
	};
}

async function referenceTarget(): Promise<Target> {
	const child: ChildProcess = spawn(
		process.execPath,
		[INSPECT_ARG, ...TRACE_ARGS, 'bench/y-websocket-v1-server.cjs'],
		{ stdio: ['ignore', 'pipe', 'pipe'] }
	);
	let stderr = '';
	child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
	const port = await new Promise<number>((resolve, reject) => {
		let output = '';
		child.stdout!.on('data', (chunk: Buffer) => {
			output += chunk.toString();
			const match = /LISTENING port=(\d+)/.exec(output);
			if (match) resolve(Number(match[1]));
		});
		child.once('exit', (code) => reject(new Error(`reference server exited with ${code}`)));
	});
	return {
		name: 'yWebsocketV1',
		pid: child.pid!,
		baseUrl: `http://127.0.0.1:${port}`,
		docUrl: (id) => `ws://127.0.0.1:${port}/collab/${id}`,
		headers: {},
		docIds: Array.from({ length: 200 }, (_, i) => `doc-${i}`),
		collectGarbage: () => collectGarbage(inspectorUrl(stderr)!),
		stop: async () => {
			child.kill('SIGTERM');
			await new Promise((resolve) => child.once('exit', resolve));
		}
	};
}

/** Runs every scenario on each target; returns the flat record of figures. */
export async function runCollabBench(): Promise<BenchResults> {
	const results: BenchResults = {};
	const kinds: DatabaseKind[] =
		process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL
			? ['pglite', 'postgres']
			: ['pglite'];
	const baseDir = process.env.BENCH_BASE_DIR;
	const factories: [string, () => Promise<Target>][] = [
		...kinds.flatMap((kind): [string, () => Promise<Target>][] => [
			[kind, () => investFlowTarget(kind)],
			...(baseDir
				? [
						[`${kind}Base`, () => investFlowTarget(kind, baseDir)] as [
							string,
							() => Promise<Target>
						]
					]
				: [])
		]),
		['yWebsocketV1', referenceTarget]
	];
	// BENCH_TARGETS=postgres,yWebsocketV1 runs only those targets.
	const only = process.env.BENCH_TARGETS?.split(',').filter(Boolean);
	const targets: Target[] = [];
	try {
		for (const [name, create] of factories) {
			if (!only || only.includes(name)) targets.push(await create());
		}
		await runScenarios(targets, results);
	} finally {
		for (const target of targets) await target.stop();
	}
	return results;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
	const results = await runCollabBench();
	printResults('collab', results);
	process.exit(0);
}
