/**
 * The benchmark's side of tracing (BENCH_TRACE_DIR=dir): the servers it starts preload
 * trace-preload.mjs, this process loads it too (its own GC pauses), and each latency scenario
 * leaves its samples — when each edit was sent and how long until it was seen — for
 * trace-report.ts to set against the servers' timelines.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { LatencyRecorder } from './latency';

const directory = process.env.BENCH_TRACE_DIR;
const preload = new URL('./trace-preload.mjs', import.meta.url).href;

/** Node arguments that make a server trace itself, when tracing is on. */
export const TRACE_ARGS: string[] = directory ? ['--import', preload] : [];

if (directory) await import(preload);

/** Writes `target`'s samples of the latency scenario `metric` (when tracing is on). */
export function writeTraceSamples(target: string, metric: string, latency: LatencyRecorder): void {
	if (!directory) return;
	fs.mkdirSync(directory, { recursive: true });
	fs.writeFileSync(
		path.join(directory, `samples-${metric}-${target}.json`),
		JSON.stringify({
			benchPid: process.pid,
			target,
			metric,
			sentAt: latency.sentAt.map((at) => performance.timeOrigin + at),
			latency: latency.samples
		})
	);
}
