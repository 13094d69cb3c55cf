// The benchmark's tracer, preloaded (`--import`) into the servers under test and their threads
// when BENCH_TRACE_DIR is set (see collab.bench.ts), and imported by the benchmark itself. It
// records, on one clock for every process (ms since the epoch, performance.timeOrigin based):
// - every garbage collection pause (perf_hooks' `gc` entries);
// - the collaboration server's group-commit batches (diagnostics channel investflow:commit-batch);
// - the embedded database thread's requests (investflow:database-request).
// Each thread writes `<pid>-<threadId>.json` in BENCH_TRACE_DIR every 2 s and on exit;
// bench/trace-report.ts reads them. Plain JavaScript: it loads before tsx does.
import diagnostics from 'node:diagnostics_channel';
import fs from 'node:fs';
import path from 'node:path';
import { PerformanceObserver } from 'node:perf_hooks';
import { threadId } from 'node:worker_threads';

const directory = process.env.BENCH_TRACE_DIR;

/** @param {number} at performance.now() of this thread */
const epoch = (at) => performance.timeOrigin + at;

if (directory) {
	const trace = {
		pid: process.pid,
		threadId,
		argv: process.argv,
		database: process.env.DATABASE_URL ? 'postgres' : 'pglite',
		/** @type {[number, number][]} start and end of each pause */
		gc: [],
		/** @type {{ startedAt: number, committingAt: number, committedAt: number, relayedAt: number, items: number }[]} */
		batches: [],
		/** @type {{ startedAt: number, endedAt: number, kind: string, text: string }[]} */
		requests: []
	};
	new PerformanceObserver((list) => {
		for (const entry of list.getEntries()) {
			trace.gc.push([epoch(entry.startTime), epoch(entry.startTime + entry.duration)]);
		}
	}).observe({ entryTypes: ['gc'] });
	diagnostics.subscribe('investflow:commit-batch', (/** @type {any} */ batch) => {
		trace.batches.push({
			startedAt: epoch(batch.startedAt),
			committingAt: epoch(batch.committingAt),
			committedAt: epoch(batch.committedAt),
			relayedAt: epoch(batch.relayedAt),
			items: batch.items
		});
	});
	diagnostics.subscribe('investflow:database-request', (/** @type {any} */ request) => {
		trace.requests.push({
			...request,
			startedAt: epoch(request.startedAt),
			endedAt: epoch(request.endedAt)
		});
	});
	fs.mkdirSync(directory, { recursive: true });
	const file = path.join(directory, `${process.pid}-${threadId}.json`);
	const write = () => fs.writeFileSync(file, JSON.stringify(trace));
	setInterval(write, 2000).unref();
	process.on('exit', write);
}
