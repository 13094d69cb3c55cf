/**
 * Starts the real InvestFlow server (`server/index.ts` over the built app) as a child process on
 * a free port, and stops it. Integration tests talk to it over real HTTP and WebSockets.
 * The app must be built first (`npm test` builds; alone: `npx vite build`).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createTestDatabase, type DatabaseKind, type TestDatabase } from './databases';

export interface TestServer {
	url: string;
	port: number;
	database: TestDatabase;
	process: ChildProcess;
	/** Everything the server printed, for assertions on logs. */
	output(): string;
	/** SIGTERM and wait for exit. */
	stop(): Promise<void>;
	/** SIGKILL (a crash) and wait for exit. */
	kill(): Promise<void>;
	/** Starts a new server process on the same database (and the same port when free). */
	restart(): Promise<TestServer>;
}

export interface StartOptions {
	env?: Record<string, string>;
	/** Reuse an existing database instead of creating one. */
	database?: TestDatabase;
	port?: number;
	/** Extra node flags for the server process (e.g. `--cpu-prof`). */
	nodeArgs?: string[];
	/**
	 * Another checkout to run the server from (its own `server/` and `build/`), such as a
	 * worktree of main that a benchmark compares against.
	 */
	cwd?: string;
}

function ensureBuilt(): void {
	if (!fs.existsSync(path.resolve(process.env.BUILD_DIR || 'build', 'handler.js'))) {
		throw new Error('The app is not built: run `npx vite build` (npm test does it for you).');
	}
}

function waitForExit(child: ChildProcess): Promise<void> {
	if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
	return new Promise((resolve) => child.once('exit', () => resolve()));
}

/** Starts a server on `kind` (a fresh database unless `options.database` is given). */
export async function startTestServer(
	kind: DatabaseKind,
	options: StartOptions = {}
): Promise<TestServer> {
	ensureBuilt();
	const database = options.database ?? (await createTestDatabase(kind));
	let output = '';
	const child = spawn(
		process.execPath,
		[...(options.nodeArgs ?? []), '--import', 'tsx', 'server/index.ts'],
		{
			cwd: options.cwd,
			env: {
				...process.env,
				NODE_ENV: 'test',
				LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'warn',
				HOST: '127.0.0.1',
				PORT: String(options.port ?? 0),
				ORIGIN: '',
				DATABASE_URL: '',
				// Every suite registers its people from this one address; the throttle's own test
				// sets the limit back down.
				REGISTRATION_LIMIT_PER_ADDRESS: '10000',
				REGISTRATION_LIMIT_GLOBAL: '10000',
				...database.env,
				...options.env
			},
			stdio: ['ignore', 'pipe', 'pipe']
		}
	);
	const port = await new Promise<number>((resolve, reject) => {
		const onData = (chunk: Buffer) => {
			output += chunk.toString();
			const match = /INVESTFLOW_LISTENING port=(\d+)/.exec(output);
			if (match) resolve(Number(match[1]));
		};
		child.stdout!.on('data', onData);
		child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
		child.once('exit', (code) => reject(new Error(`server exited with ${code}:\n${output}`)));
	});
	const url = `http://localhost:${port}`;
	const server: TestServer = {
		url,
		port,
		database,
		process: child,
		output: () => output,
		stop: async () => {
			child.kill('SIGTERM');
			await waitForExit(child);
		},
		kill: async () => {
			child.kill('SIGKILL');
			await waitForExit(child);
		},
		restart: () => startTestServer(kind, { ...options, database, port })
	};
	return server;
}
