/**
 * The production entry: one Node process serves the SvelteKit app (adapter-node's handler from
 * `build/`) and the WebSocket upgrades at `/collab/<workbookId>` on the same port, so the session
 * cookie reaches both. Run with `npm start` (which builds first when needed).
 */
import http from 'node:http';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { readConfig, ConfigError } from '../src/lib/server/config.ts';
import { closeDatabase, openDatabase } from '../src/lib/server/db/index.ts';
import { getEvaluationPool } from '../src/lib/server/evaluation/evaluation-pool.ts';
import {
	getHistoryService,
	resetHistoryService
} from '../src/lib/server/history/history-service.ts';
import { securityHeaders } from '../src/lib/server/http/security-headers.ts';
import { getLogger } from '../src/lib/server/logger.ts';
import { createUpgradeHandler, type UpgradeHandler } from './upgrade.ts';

type RequestHandler = (req: http.IncomingMessage, res: http.ServerResponse) => void;

export interface RunningServer {
	server: http.Server;
	port: number;
	origin: string;
	close(): Promise<void>;
}

/** The largest request body any endpoint accepts (a file import's); each endpoint caps its own. */
const MAX_REQUEST_BODY_BYTES = 20 * 1024 * 1024;

async function loadSvelteKitHandler(): Promise<RequestHandler> {
	const handlerPath = path.resolve(process.env.BUILD_DIR || 'build', 'handler.js');
	const module = (await import(pathToFileURL(handlerPath).href)) as { handler: RequestHandler };
	return module.handler;
}

/** Starts the HTTP and WebSocket server; resolves once it listens and the database is migrated. */
export async function startServer(): Promise<RunningServer> {
	const config = readConfig();
	const log = getLogger();
	const database = await openDatabase();

	let handleRequest: RequestHandler = (_req, res) => {
		res.writeHead(503, { 'retry-after': '1' }).end('Starting');
	};
	const server = http.createServer((req, res) => handleRequest(req, res));
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(config.port, config.host, () => resolve());
	});
	const address = server.address();
	const port = typeof address === 'object' && address ? address.port : config.port;
	// adapter-node reads ORIGIN when its handler is imported; with PORT=0 it is known only now.
	process.env.ORIGIN ||= `http://localhost:${port}`;
	// adapter-node refuses larger bodies before any endpoint sees them; each endpoint then applies
	// its own, smaller limit (readJsonObject), so this is the largest of those.
	process.env.BODY_SIZE_LIMIT ||= String(MAX_REQUEST_BODY_BYTES);
	// Created here, before the app's handler can ask for it, so its workers are found beside
	// the module (see evaluation-pool.ts); warmed once the server is up.
	const evaluation = getEvaluationPool(() => config.evaluation);
	const svelteKitHandler = await loadSvelteKitHandler();
	const publicOrigin = process.env.ORIGIN;
	// Static files never reach SvelteKit's hooks: give every answer the security headers here
	// (a page's own CSP and Referrer-Policy, set later by SvelteKit, replace these).
	handleRequest = (req, res) => {
		const preset = securityHeaders({ has: () => false }, publicOrigin);
		for (const [name, value] of Object.entries(preset)) res.setHeader(name, value);
		svelteKitHandler(req, res);
	};
	const upgrades: UpgradeHandler = await createUpgradeHandler({ origin: process.env.ORIGIN });
	server.on('upgrade', (req, socket, head) => upgrades.handleUpgrade(req, socket, head));

	log.info(
		{ port, host: config.host, database: database.kind },
		`InvestFlow listening on http://${config.host}:${port}`
	);
	evaluation.warmUp();
	// Versions and cell history are derived from the log on a sweep (and before compaction).
	const history = getHistoryService();
	history.start();

	let closing: Promise<void> | undefined;
	const close = () => {
		closing ??= (async () => {
			log.info('shutting down');
			server.close();
			await upgrades.close();
			server.closeAllConnections();
			// After the rooms' last compactions (which digest history first), before the workers go.
			await history.stop();
			resetHistoryService();
			await evaluation.close();
			await closeDatabase();
		})();
		return closing;
	};
	return { server, port, origin: process.env.ORIGIN, close };
}

/** Starts the server for a command line: exits with a sentence on bad configuration. */
export async function main(): Promise<void> {
	let running: RunningServer;
	try {
		running = await startServer();
	} catch (error) {
		if (error instanceof ConfigError) {
			console.error(`InvestFlow cannot start: ${error.message}`);
			process.exit(1);
		}
		throw error;
	}
	// The line test harnesses wait for; keep its shape.
	console.log(`INVESTFLOW_LISTENING port=${running.port}`);
	for (const signal of ['SIGTERM', 'SIGINT'] as const) {
		process.once(signal, () => {
			running.close().then(
				() => process.exit(0),
				(error: unknown) => {
					getLogger().error({ err: error }, 'shutdown failed');
					process.exit(1);
				}
			);
		});
	}
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
	await main();
}
