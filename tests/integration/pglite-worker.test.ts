/**
 * The PGlite worker thread as drizzle uses it: queries, binary values, transactions that commit
 * or roll back, errors that keep PostgreSQL's fields, queries that wait for an open transaction,
 * and calls after close that fail clearly instead of hanging.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PgliteWorkerClient } from '../../src/lib/server/db/pglite-worker-client';

interface Rows<T> {
	rows: T[];
}

describe('PGlite on a worker thread', () => {
	let directory: string;
	let client: PgliteWorkerClient;

	beforeAll(async () => {
		directory = fs.mkdtempSync(path.join(os.tmpdir(), 'investflow-pglite-worker-'));
		client = await PgliteWorkerClient.start(directory);
		await client.query('create table item (id serial primary key, body bytea, note text)');
	});

	afterAll(async () => {
		await client?.close();
		fs.rmSync(directory, { recursive: true, force: true });
	});

	it('answers queries with parameters, in object or array rows, bytes intact', async () => {
		const body = new Uint8Array([0, 1, 254, 255]);
		await client.query('insert into item (body, note) values ($1, $2)', [body, 'first']);
		const objects = (await client.query('select body, note from item where note = $1', [
			'first'
		])) as Rows<{ body: Uint8Array; note: string }>;
		expect(objects.rows).toEqual([{ body, note: 'first' }]);
		const arrays = (await client.query('select note from item', [], {
			rowMode: 'array'
		})) as Rows<unknown[]>;
		expect(arrays.rows).toEqual([['first']]);
	});

	it('keeps timestamps as text when asked to, as drizzle does', async () => {
		const result = (await client.query("select timestamptz '2026-01-02 03:04:05+00' as at", [], {
			rowMode: 'object',
			parsers: { 1184: (value: string) => value }
		})) as Rows<{ at: unknown }>;
		expect(typeof result.rows[0].at).toBe('string');
	});

	it('commits a transaction and rolls one back when its callback throws', async () => {
		await client.transaction(async (tx) => {
			await tx.query("insert into item (note) values ('kept')");
		});
		await expect(
			client.transaction(async (tx) => {
				await tx.query("insert into item (note) values ('discarded')");
				throw new Error('changed my mind');
			})
		).rejects.toThrow('changed my mind');
		const notes = (await client.query('select note from item order by id')) as Rows<{
			note: string;
		}>;
		expect(notes.rows.map((row) => row.note)).toEqual(['first', 'kept']);
	});

	it('runs a query sent during a transaction after it ends', async () => {
		const order: string[] = [];
		let outside: Promise<unknown> = Promise.resolve();
		await client.transaction(async (tx) => {
			await tx.query("insert into item (note) values ('in transaction')");
			outside = client
				.query("select count(*)::int as n from item where note = 'in transaction'")
				.then((result) => order.push(`outside saw ${(result as Rows<{ n: number }>).rows[0].n}`));
			await tx.query('select 1');
			order.push('transaction body done');
		});
		await outside;
		expect(order).toEqual(['transaction body done', 'outside saw 1']);
	});

	it('reports PostgreSQL errors with their code and keeps working', async () => {
		const error = (await client
			.query('select * from no_such_table')
			.catch((caught: unknown) => caught)) as Error & { code?: string };
		expect(error).toBeInstanceOf(Error);
		expect(error.message).toMatch(/no_such_table/);
		expect(error.code).toBe('42P01');
		const result = (await client.query('select 1 as one')) as Rows<{ one: number }>;
		expect(result.rows).toEqual([{ one: 1 }]);
	});

	it('fails calls after close instead of leaving them waiting', async () => {
		await client.close();
		await expect(client.query('select 1')).rejects.toThrow(/database thread exited/);
	});
});
