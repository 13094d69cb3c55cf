/**
 * The embedded database on its worker thread (src/lib/server/db/pglite-thread.ts): transactions
 * keep other statements out, errors keep PostgreSQL's fields, bytes and text-typed values cross
 * the thread intact, and the event loop turns while a statement runs.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PgliteThread } from '../../src/lib/server/db/pglite-thread';

describe('PGlite on a worker thread', () => {
	let dataDir: string;
	let database: PgliteThread;

	beforeAll(async () => {
		dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'investflow-pglite-thread-'));
		database = await PgliteThread.open(dataDir);
		await database.exec(
			'create table item (id integer primary key, data bytea, at timestamptz default now())'
		);
	});

	afterAll(async () => {
		await database?.close();
		fs.rmSync(dataDir, { recursive: true, force: true });
	});

	it('runs a statement issued during a transaction only after the transaction ends', async () => {
		const events: string[] = [];
		let countOutside: Promise<unknown> | undefined;
		const transaction = database.transaction(async (tx) => {
			await tx.query('insert into item (id) values (1)');
			countOutside = database
				.query<{ count: number }>('select count(*)::int as count from item where id = 1')
				.then((result) => {
					events.push('outside answered');
					return result.rows[0].count;
				});
			await new Promise((resolve) => setTimeout(resolve, 50));
			await tx.query('insert into item (id) values (2)');
			events.push('transaction done');
		});
		await transaction;
		expect(await countOutside).toBe(1);
		expect(events).toEqual(['transaction done', 'outside answered']);
	});

	it('rolls back a transaction whose callback throws, and rethrows its error', async () => {
		const failure = new Error('changed my mind');
		await expect(
			database.transaction(async (tx) => {
				await tx.query('insert into item (id) values (3)');
				throw failure;
			})
		).rejects.toBe(failure);
		const { rows } = await database.query('select id from item where id = 3');
		expect(rows).toEqual([]);
	});

	it('refuses to commit a transaction a failed statement aborted', async () => {
		await expect(
			database.transaction(async (tx) => {
				await tx.query('insert into item (id) values (4)');
				await tx.query('insert into item (id) values (4)').catch(() => {});
			})
		).rejects.toThrow(/aborted/);
		const { rows } = await database.query('select id from item where id = 4');
		expect(rows).toEqual([]);
	});

	it("keeps PostgreSQL's error fields", async () => {
		const error = await database.query('insert into item (id) values (1)').catch((e) => e);
		expect(error).toBeInstanceOf(Error);
		expect(error).toMatchObject({ code: '23505', constraint: 'item_pkey' });
		expect(error.message).toMatch(/duplicate key/);
	});

	it('carries every byte value both ways, and leaves text-typed values as text', async () => {
		const bytes = Uint8Array.from({ length: 256 }, (_, i) => i);
		await database.query('insert into item (id, data) values (5, $1)', [bytes]);
		const keepText = (value: string) => value;
		const { rows } = await database.query<[Uint8Array, string]>(
			'select data, at from item where id = 5',
			[],
			{ rowMode: 'array', parsers: { 1184: keepText } }
		);
		expect(rows[0][0]).toEqual(bytes);
		expect(rows[0][1]).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d/);
	});

	it('refuses a parser that would have to run on the database thread', async () => {
		const toDate = (value: string) => new Date(value);
		await expect(database.query('select now()', [], { parsers: { 1184: toDate } })).rejects.toThrow(
			/cannot run on the database thread/
		);
	});

	it('lets the event loop turn while a long statement runs', async () => {
		let turns = 0;
		const ticker = setInterval(() => turns++, 1);
		await database.query('select count(*) from generate_series(1, 3000000)');
		clearInterval(ticker);
		expect(turns).toBeGreaterThan(5);
	});
});
