// The embedded database on a thread of its own (see pglite-thread.ts, which starts it and speaks
// to it). Plain JavaScript, because a worker thread starts without the TypeScript loader the
// server runs under.
//
// Requests arrive as { id, kind, ... } and are answered, strictly one after another in the
// order they came, with { id, result } or { id, error }:
// - open { dataDir }: opens PGlite; every other request needs it done;
// - query { text, params, rowMode, textTypes }: a parameterised statement; values of the type
//   oids in textTypes stay as PostgreSQL's text;
// - exec { text }: one or more plain statements;
// - statement { text, params }: one statement with its parameters written in as literals (see
//   raw-statement.js), answered with its rows;
// - close: closes PGlite.
import diagnostics from 'node:diagnostics_channel';
import { PGlite } from '@electric-sql/pglite';
import { answerRequests } from '../threads/answer-requests.js';
import { byteaFromHex, byteaHex } from './bytea.js';
import { inlineParameters } from './raw-statement.js';

const BYTEA_OID = 17;

/** @type {PGlite | undefined} */
let database;

/** @param {string} value */
const keepText = (value) => value;

/**
 * PGlite's query options for a request: its row mode, and the types it leaves as text.
 * @param {{ rowMode?: 'array' | 'object', textTypes?: number[] }} request
 */
function queryOptions({ rowMode, textTypes = [] }) {
	return { rowMode, parsers: Object.fromEntries(textTypes.map((oid) => [oid, keepText])) };
}

/** @param {any} request */
async function perform(request) {
	if (request.kind === 'open') {
		database = await PGlite.create(request.dataDir, {
			serializers: { [BYTEA_OID]: byteaHex },
			parsers: { [BYTEA_OID]: byteaFromHex }
		});
		return null;
	}
	if (!database) throw new Error('the embedded database is not open');
	if (request.kind === 'query') {
		return database.query(request.text, request.params, queryOptions(request));
	}
	if (request.kind === 'exec') return database.exec(request.text);
	if (request.kind === 'statement') {
		const [result] = await database.exec(inlineParameters(request.text, request.params));
		return result.rows;
	}
	if (request.kind === 'close') return database.close().then(() => null);
	throw new Error(`unknown request ${request.kind}`);
}

/**
 * Each request's timeline (performance.now() of this thread) and kind, published only while
 * something listens: the benchmark's tracer (bench/trace-preload.mjs). A group commit is the
 * only `statement`; the text's start tells the others apart (`vacuum`, `begin`, …).
 */
const requestTimelines = diagnostics.channel('investflow:database-request');

answerRequests(async (request) => {
	if (!requestTimelines.hasSubscribers) return perform(request);
	const startedAt = performance.now();
	try {
		return await perform(request);
	} finally {
		const text = String(request.text ?? '').slice(0, 40);
		requestTimelines.publish({ startedAt, endedAt: performance.now(), kind: request.kind, text });
	}
});
