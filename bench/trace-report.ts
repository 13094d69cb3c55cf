/**
 * What made the slow edits slow: `npx tsx bench/trace-report.ts <BENCH_TRACE_DIR>` after a traced
 * benchmark run (see trace-samples.ts). For each latency scenario and target, one JSON line:
 * the p50/p99 of all samples, and the p99 of the samples left once those whose sent→seen span
 * overlaps a suspect are set aside — the database thread's other work (vacuum, snapshots, reads),
 * group commits slower than 4 ms, the server's GC pauses, the benchmark's own. A suspect whose
 * removal brings the p99 down is what set it. Also each group commit's time as the event loop saw
 * it, the server's GC pauses while the scenario ran, and for the embedded database the two thread
 * hops around the statement.
 */
import fs from 'node:fs';
import path from 'node:path';
import { percentileOf } from './latency';

type Span = [number, number];

interface ThreadTrace {
	pid: number;
	threadId: number;
	argv: string[];
	database: 'pglite' | 'postgres';
	gc: Span[];
	batches: {
		startedAt: number;
		committingAt: number;
		committedAt: number;
		relayedAt: number;
		items: number;
	}[];
	requests: { startedAt: number; endedAt: number; kind: string; text: string }[];
}

interface SampleFile {
	benchPid: number;
	target: string;
	metric: string;
	sentAt: number[];
	latency: number[];
}

/** A group commit slower than this is a suspect. */
const SLOW_COMMIT_MS = 4;

function summary(values: number[]) {
	const round = (value: number) => Math.round(value * 100) / 100;
	return {
		p50: round(percentileOf(values, 50)),
		p99: round(percentileOf(values, 99)),
		max: round(percentileOf(values, 100))
	};
}

/** A sorted list of spans, asked whether any overlaps a given span. */
class SpanIndex {
	private readonly spans: Span[];
	private readonly longest: number;

	constructor(spans: Span[]) {
		this.spans = [...spans].sort((a, b) => a[0] - b[0]);
		this.longest = Math.max(0, ...this.spans.map(([start, end]) => end - start));
	}

	overlaps(start: number, end: number): boolean {
		// The first span that starts after `start - longest` is the first that may reach `start`.
		let low = 0;
		let high = this.spans.length;
		while (low < high) {
			const middle = (low + high) >> 1;
			if (this.spans[middle][0] < start - this.longest) low = middle + 1;
			else high = middle;
		}
		for (let i = low; i < this.spans.length && this.spans[i][0] < end; i++) {
			if (this.spans[i][1] > start) return true;
		}
		return false;
	}
}

/** The statement each commit ran on the database thread: both in order, the nth with the nth. */
function hops(batches: ThreadTrace['batches'], database: ThreadTrace) {
	const statements = database.requests.filter((request) => request.kind === 'statement');
	const toDatabase: number[] = [];
	const back: number[] = [];
	let next = 0;
	for (const batch of batches) {
		if (batch.committedAt - batch.committingAt < 0.01) continue;
		while (next < statements.length && statements[next].startedAt < batch.committingAt) next++;
		const statement = statements[next];
		if (!statement || statement.endedAt > batch.committedAt) continue;
		toDatabase.push(statement.startedAt - batch.committingAt);
		back.push(batch.committedAt - statement.endedAt);
	}
	const over = (values: number[]) => values.filter((value) => value > 3).length;
	return {
		toDatabaseMs: { ...summary(toDatabase), over3Ms: over(toDatabase) },
		backMs: { ...summary(back), over3Ms: over(back) }
	};
}

function report(samples: SampleFile, traces: ThreadTrace[]) {
	const bench = traces.find((trace) => trace.pid === samples.benchPid && trace.threadId === 0);
	const isReference = (trace: ThreadTrace) =>
		trace.argv.some((arg) => arg.includes('y-websocket-v1-server'));
	const server = traces.find((trace) =>
		samples.target === 'yWebsocketV1'
			? isReference(trace)
			: trace.threadId === 0 &&
				!isReference(trace) &&
				trace.pid !== samples.benchPid &&
				trace.database === samples.target
	);
	if (!bench || !server)
		return { target: samples.target, metric: samples.metric, error: 'no trace' };
	// The scenario's span: from its first edit sent to its last edit seen.
	const from = Math.min(...samples.sentAt);
	const to = Math.max(...samples.sentAt.map((sentAt, i) => sentAt + samples.latency[i]));
	const batches = server.batches.filter(
		(batch) => batch.committingAt >= from && batch.committingAt <= to
	);
	const database = traces.find(
		(trace) => trace.pid === server.pid && trace.threadId !== 0 && trace.requests.length > 0
	);
	const serverGc = new SpanIndex(
		traces.filter((trace) => trace.pid === server.pid).flatMap((trace) => trace.gc)
	);
	const suspects = {
		otherDatabaseWork: new SpanIndex(
			(database?.requests ?? [])
				.filter((request) => request.kind !== 'statement')
				.map((request): Span => [request.startedAt, request.endedAt])
		),
		slowCommits: new SpanIndex(
			batches
				.filter((batch) => batch.committedAt - batch.committingAt > SLOW_COMMIT_MS)
				.map((batch): Span => [batch.committingAt, batch.committedAt])
		),
		serverGc,
		benchGc: new SpanIndex(bench.gc)
	};
	const spans = samples.sentAt.map((sentAt, i): Span => [sentAt, sentAt + samples.latency[i]]);
	const p99Without = (indexes: SpanIndex[]) =>
		Math.round(
			percentileOf(
				samples.latency.filter((_, i) => !indexes.some((index) => index.overlaps(...spans[i]))),
				99
			) * 100
		) / 100;
	const all = summary(samples.latency);
	const serverPauses = traces
		.filter((trace) => trace.pid === server.pid && trace.threadId === 0)
		.flatMap((trace) => trace.gc)
		.filter(([start]) => start >= from && start <= to)
		.map(([start, end]) => end - start);
	return {
		target: samples.target,
		metric: samples.metric,
		samples: samples.latency.length,
		p50Ms: all.p50,
		p99Ms: all.p99,
		p99WithoutMs: {
			...Object.fromEntries(
				Object.entries(suspects).map(([name, index]) => [name, p99Without([index])])
			),
			allOfThese: p99Without(Object.values(suspects))
		},
		serverGcPausesMs: { count: serverPauses.length, ...summary(serverPauses) },
		...(batches.length > 0 && {
			commitMs: summary(batches.map((batch) => batch.committedAt - batch.committingAt))
		}),
		...(database && hops(batches, database))
	};
}

const directory = process.argv[2];
if (!directory) {
	console.error('usage: tsx bench/trace-report.ts <BENCH_TRACE_DIR>');
	process.exit(2);
}
const files = fs.readdirSync(directory).filter((name) => name.endsWith('.json'));
const read = <T>(name: string) =>
	JSON.parse(fs.readFileSync(path.join(directory, name), 'utf8')) as T;
const traces = files
	.filter((name) => !name.startsWith('samples-'))
	.map((name) => read<ThreadTrace>(name));
for (const name of files.filter((name) => name.startsWith('samples-'))) {
	console.log(JSON.stringify(report(read<SampleFile>(name), traces)));
}
