/**
 * The embedded PGlite database on its own thread. PGlite runs PostgreSQL compiled to WebAssembly
 * synchronously on whatever thread holds it; here that thread is not the one relaying edits, so a
 * commit never stalls the sockets. The main thread talks to it through `PgliteWorkerClient`
 * (pglite-worker-client.ts) with the messages of pglite-worker-protocol.ts.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { PGlite, type Transaction } from '@electric-sql/pglite';
import {
	serializeError,
	type WorkerReply,
	type WorkerRequest,
	type WorkerStartOptions
} from './pglite-worker-protocol';

/** An open transaction: its handle, and how to end it once the main thread says so. */
interface OpenTransaction {
	tx: Transaction;
	end(commit: boolean, replyId: number): void;
}

/** Thrown inside PGlite's transaction callback to roll back without reporting an error. */
class RollbackRequested extends Error {}

const port = parentPort!;
const { dataDir } = workerData as WorkerStartOptions;
const transactions = new Map<number, OpenTransaction>();
let nextTransactionId = 1;

function reply(message: WorkerReply): void {
	port.postMessage(message);
}

/** Parsers that keep the given types' values as PostgreSQL's text (what drizzle asks for). */
function keepAsText(types: number[] | undefined) {
	if (!types) return undefined;
	return Object.fromEntries(types.map((type) => [type, (value: string) => value]));
}

function begin(pglite: PGlite, id: number): void {
	const transactionId = nextTransactionId++;
	let endReplyId = 0;
	pglite
		.transaction(
			(tx) =>
				new Promise<void>((resolve, reject) => {
					transactions.set(transactionId, {
						tx,
						end: (commit, replyId) => {
							endReplyId = replyId;
							if (commit) resolve();
							else reject(new RollbackRequested());
						}
					});
					reply({ id, result: transactionId });
				})
		)
		.then(
			() => reply({ id: endReplyId, result: null }),
			(error: unknown) =>
				reply(
					error instanceof RollbackRequested
						? { id: endReplyId, result: null }
						: { id: endReplyId || id, error: serializeError(error) }
				)
		)
		.finally(() => transactions.delete(transactionId));
}

async function handle(pglite: PGlite, request: WorkerRequest): Promise<void> {
	switch (request.op) {
		case 'query': {
			const executor = request.tx ? transactions.get(request.tx)?.tx : pglite;
			if (!executor) throw new Error(`transaction ${request.tx} is not open`);
			const result = await executor.query(request.sql, request.params, {
				rowMode: request.rowMode,
				parsers: keepAsText(request.textTypes)
			});
			reply({ id: request.id, result });
			return;
		}
		case 'begin':
			begin(pglite, request.id);
			return;
		case 'end': {
			const open = transactions.get(request.tx);
			if (!open) throw new Error(`transaction ${request.tx} is not open`);
			open.end(request.commit, request.id);
			return;
		}
		case 'close':
			await pglite.close();
			reply({ id: request.id, result: null });
			return;
	}
}

const pglite = await PGlite.create(dataDir);
port.on('message', (request: WorkerRequest) => {
	handle(pglite, request).catch((error: unknown) =>
		reply({ id: request.id, error: serializeError(error) })
	);
});
reply({ id: 0, result: 'ready' });
