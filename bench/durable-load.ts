/**
 * A load-generating child process for the collaboration benchmark's durable-throughput scenario
 * (see durableScenario in collab.bench.ts), so that producing edits is spread over several
 * processes and the benchmark's own event loop is not what limits the figure.
 *
 * Protocol (one JSON object per line): the parent passes `{urls, headers, ratePerSecond,
 * seconds}` as argv[2]; the child opens one light client per url and prints `{"ready":true}`;
 * on any line on stdin it edits at `ratePerSecond` for `seconds`, prints `{"made":N}` and then
 * waits for stdin to close before closing its sockets and exiting.
 */
import readline from 'node:readline';
import { openClients } from './light-client';

interface LoadOptions {
	urls: string[];
	headers: Record<string, string>;
	ratePerSecond: number;
	seconds: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const options = JSON.parse(process.argv[2] ?? '{}') as LoadOptions;
const clients = await openClients(options.urls.length, (i) => options.urls[i], {
	headers: options.headers
});
const lines = readline.createInterface({ input: process.stdin });
const commands = lines[Symbol.asyncIterator]();
process.stdout.write(`${JSON.stringify({ ready: true })}\n`);
await commands.next();

const tickMs = 10;
const perTick = (options.ratePerSecond * tickMs) / 1000;
const started = performance.now();
let made = 0;
while (performance.now() - started < options.seconds * 1000) {
	const due = Math.floor(((performance.now() - started) / tickMs + 1) * perTick) - made;
	for (let i = 0; i < due; i++) {
		clients[made % clients.length].edit(`k${made}`, made);
		made++;
	}
	await sleep(tickMs);
}
process.stdout.write(`${JSON.stringify({ made })}\n`);
// Keep the sockets open (and so the updates in flight) until the parent has seen them all.
await commands.next();
for (const client of clients) client.close();
await sleep(100);
process.exit(0);
