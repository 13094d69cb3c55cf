/**
 * PGlite on a worker thread. PGlite is PostgreSQL compiled to WebAssembly: every statement runs
 * synchronously on the thread that calls it. In-process, the collaboration server's group commits
 * (about 150 a second under load, 1.7–2.5 ms each) and its compactions (a snapshot upsert of
 * 20–600 KB, 6–35 ms) held the event loop for about a third of its busy time, and every socket
 * waited. On its own thread the database works while the event loop relays.
 *
 * `PgliteThread` offers the part of PGlite's interface that drizzle's PGlite driver uses —
 * `query`, `exec` and `transaction` — so drizzle runs on it unchanged. Parsers cross the thread
 * boundary only as "leave this type as text", which is all drizzle asks for.
 */
import type { QueryOptions, Results } from '@electric-sql/pglite';
import { RequestChannel, type ChannelActivity } from '../threads/request-channel';
import { isSqlArray, SqlArray, type SqlParam } from './raw-statement.js';

/** What a statement may take as a parameter: anything postMessage can copy. */
type Param = unknown;

type Request =
	| { kind: 'open'; dataDir: string }
	| {
			kind: 'query';
			text: string;
			params: readonly Param[];
			rowMode?: 'array' | 'object';
			textTypes: number[];
	  }
	| { kind: 'exec'; text: string }
	| { kind: 'statement'; text: string; params: readonly SqlParam[] }
	| { kind: 'close' };

/** The statements a transaction's callback runs, inside the transaction. */
export interface PgliteThreadTransaction {
	query<Row>(text: string, params?: Param[], options?: QueryOptions): Promise<Results<Row>>;
	exec(text: string): Promise<Results[]>;
}

/**
 * The oids of the types whose parsers are the identity. A parser is a function and cannot reach
 * the worker; the only ones drizzle passes keep dates and intervals as PostgreSQL's text.
 */
function textTypes(options: QueryOptions | undefined): number[] {
	const parsers = options?.parsers ?? {};
	return Object.entries(parsers).map(([oid, parse]) => {
		const sample = 'text';
		if (parse(sample, Number(oid)) !== sample) {
			throw new TypeError(`a parser for type ${oid} cannot run on the database thread`);
		}
		return Number(oid);
	});
}

/**
 * `param`, or when it is a view into a larger buffer, a copy of just its bytes: postMessage
 * copies a view's whole buffer (a 128 KiB part of a 3.6 MB snapshot would cross as 3.6 MB).
 */
function ownBytes<T>(param: T): T {
	if (!(param instanceof Uint8Array) || param.byteLength === param.buffer.byteLength) return param;
	return param.slice() as T;
}

/** `param` with ownBytes applied to it, or to its elements when it is an array. */
function ownParam(param: SqlParam): SqlParam {
	if (!isSqlArray(param)) return ownBytes(param);
	return new SqlArray(param.elementType, param.values.map(ownBytes));
}

export class PgliteThread {
	readonly #worker = new RequestChannel(
		new URL('./pglite-worker.js', import.meta.url),
		"the embedded database's thread"
	);
	/** Settles when the last transaction begun so far has ended. */
	#transactionsDone: Promise<void> = Promise.resolve();
	#transactionsOpen = 0;

	/** Use `PgliteThread.open`. */
	private constructor() {}

	/** Starts the thread and opens the database in `dataDir` on it. */
	static async open(dataDir: string): Promise<PgliteThread> {
		const thread = new PgliteThread();
		try {
			await thread.#request({ kind: 'open', dataDir });
		} catch (error) {
			await thread.#worker.terminate();
			throw error;
		}
		return thread;
	}

	query<Row>(text: string, params: Param[] = [], options?: QueryOptions): Promise<Results<Row>> {
		return this.#afterTransactions(() => this.#query<Row>(text, params, options));
	}

	exec(text: string): Promise<Results[]> {
		return this.#afterTransactions(() => this.#exec(text));
	}

	/**
	 * Runs one statement with its parameters written into it as literals on the database's
	 * thread (see raw-statement.js), and resolves with its rows.
	 */
	statement<Row>(text: string, params: readonly SqlParam[]): Promise<Row[]> {
		const request: Request = { kind: 'statement', text, params: params.map(ownParam) };
		return this.#afterTransactions(() => this.#request(request) as Promise<Row[]>);
	}

	/**
	 * Runs `callback` in a transaction: committed when it resolves, rolled back when it throws.
	 * Statements issued outside the transaction meanwhile wait until it ends, as they do on
	 * PGlite itself.
	 */
	async transaction<T>(callback: (tx: PgliteThreadTransaction) => Promise<T>): Promise<T> {
		const earlier = this.#transactionsDone;
		let end!: () => void;
		this.#transactionsDone = new Promise((resolve) => (end = resolve));
		this.#transactionsOpen++;
		try {
			await earlier;
			await this.#exec('begin');
			const tx: PgliteThreadTransaction = {
				query: (text, params = [], options) => this.#query(text, params, options),
				exec: (text) => this.#exec(text)
			};
			let result: T;
			try {
				result = await callback(tx);
			} catch (error) {
				await this.#exec('rollback');
				throw error;
			}
			const [commit] = await this.#exec('commit');
			if ((commit as { command?: string }).command === 'ROLLBACK') {
				throw new Error('the transaction was aborted by an earlier error and rolled back');
			}
			return result;
		} finally {
			this.#transactionsOpen--;
			end();
		}
	}

	/** What the database's thread has been doing (see RequestChannel.activity). */
	activity(): ChannelActivity {
		return this.#worker.activity();
	}

	/** Closes the database and stops the thread. */
	async close(): Promise<void> {
		await this.#transactionsDone;
		try {
			await this.#request({ kind: 'close' });
		} finally {
			await this.#worker.terminate();
		}
	}

	/** Async so that a parser refused by textTypes rejects rather than throws. */
	async #query<Row>(text: string, params: Param[], options?: QueryOptions): Promise<Results<Row>> {
		const request: Request = {
			kind: 'query',
			text,
			params: params.map(ownBytes),
			rowMode: options?.rowMode,
			textTypes: textTypes(options)
		};
		return this.#request(request) as Promise<Results<Row>>;
	}

	#exec(text: string): Promise<Results[]> {
		return this.#request({ kind: 'exec', text }) as Promise<Results[]>;
	}

	/** Runs `send` now, or after the transactions begun so far when any is open. */
	#afterTransactions<T>(send: () => Promise<T>): Promise<T> {
		if (this.#transactionsOpen === 0) return send();
		return this.#transactionsDone.then(send);
	}

	#request(request: Request): Promise<unknown> {
		return this.#worker.request(request);
	}
}
