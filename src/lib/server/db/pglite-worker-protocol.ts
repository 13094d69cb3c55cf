/**
 * Messages between the main thread and the PGlite worker (pglite-worker.ts). Every request
 * carries an id; the worker answers each with exactly one reply of the same id. Id 0 is the
 * worker's "ready" once the database is open.
 */

/** What the worker is started with. */
export interface WorkerStartOptions {
	dataDir: string;
}

export type WorkerRequest =
	| {
			id: number;
			op: 'query';
			sql: string;
			params?: unknown[];
			rowMode?: 'array' | 'object';
			/** Type oids whose values stay PostgreSQL text (drizzle's identity parsers). */
			textTypes?: number[];
			/** The open transaction to run in; none: outside any transaction. */
			tx?: number;
	  }
	| { id: number; op: 'begin' }
	| { id: number; op: 'end'; tx: number; commit: boolean }
	| { id: number; op: 'close' };

/** A request as the client sends it, before it is numbered. */
export type WorkerRequestInput = WithoutId<WorkerRequest>;
type WithoutId<T> = T extends unknown ? Omit<T, 'id'> : never;

export type WorkerReply = { id: number; result: unknown } | { id: number; error: SerializedError };

/** An error's message, name and own fields (PostgreSQL's code, detail, …) as plain data. */
export type SerializedError = Record<string, unknown> & { message: string; name: string };

export function serializeError(error: unknown): SerializedError {
	if (!(error instanceof Error)) return { name: 'Error', message: String(error) };
	const fields: Record<string, unknown> = {};
	for (const [key, value] of Object.entries(error)) {
		if (value === null || ['string', 'number', 'boolean'].includes(typeof value))
			fields[key] = value;
	}
	return { ...fields, name: error.name, message: error.message };
}

export function deserializeError(serialized: SerializedError): Error {
	const error = new Error(serialized.message);
	Object.assign(error, serialized);
	return error;
}
