/**
 * Accounts benchmark: cold start of the server to a healthy /healthz, and login throughput
 * (argon2id at 19 MiB, 2 iterations, parallelism 1 bounds it) over real HTTP.
 */
import { performance } from 'node:perf_hooks';
import { ApiClient, uniqueEmail } from '../tests/helpers/http-client';
import { startTestServer } from '../tests/helpers/server';
import type { DatabaseKind } from '../tests/helpers/databases';
import { printResults, type BenchResults } from './results';

const LOGIN_SECONDS = 5;
const LOGIN_CONCURRENCY = 4;

async function measureColdStart(kind: DatabaseKind): Promise<number> {
	const started = performance.now();
	const server = await startTestServer(kind);
	const response = await fetch(`${server.url}/healthz`);
	const elapsed = performance.now() - started;
	await server.stop();
	await server.database.drop();
	if (response.status !== 200) throw new Error(`healthz answered ${response.status}`);
	return elapsed;
}

async function measureLogins(kind: DatabaseKind): Promise<number> {
	const server = await startTestServer(kind, { env: { ADDRESS_HEADER: 'x-forwarded-for' } });
	try {
		const email = uniqueEmail('bench');
		await new ApiClient(server.url).register(email, 'bench passphrase 42');
		let logins = 0;
		const deadline = performance.now() + LOGIN_SECONDS * 1000;
		const worker = async (index: number) => {
			const client = new ApiClient(server.url, { 'x-forwarded-for': `10.1.0.${index}` });
			while (performance.now() < deadline) {
				const response = await client.post('/api/v1/auth/login', {
					email,
					password: 'bench passphrase 42'
				});
				if (response.status !== 200) throw new Error(`login answered ${response.status}`);
				logins++;
			}
		};
		const started = performance.now();
		await Promise.all(Array.from({ length: LOGIN_CONCURRENCY }, (_, index) => worker(index)));
		return logins / ((performance.now() - started) / 1000);
	} finally {
		await server.stop();
		await server.database.drop();
	}
}

/** Runs the accounts benchmark on PGlite, and on PostgreSQL when TEST_DATABASE_URL is set. */
export async function runAuthBench(): Promise<BenchResults> {
	const kinds: DatabaseKind[] = process.env.TEST_DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];
	const results: BenchResults = {};
	for (const kind of kinds) {
		results[`${kind}.coldStartMs`] = Math.round(await measureColdStart(kind));
		results[`${kind}.loginsPerSecond`] = Number((await measureLogins(kind)).toFixed(1));
	}
	return results;
}

if (import.meta.url === `file://${process.argv[1]}`) {
	printResults('auth', await runAuthBench());
}
