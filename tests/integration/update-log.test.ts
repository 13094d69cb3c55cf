/**
 * The update log at the size a busy server's group commit reaches: a batch far larger than one
 * insert statement can carry is stored whole, in order, with its ids, on each database.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { asc, eq } from 'drizzle-orm';
import { createTestDatabase, DATABASE_KINDS, type TestDatabase } from '../helpers/databases';

describe.each(DATABASE_KINDS)('update log on %s', (kind) => {
	let database: TestDatabase;
	const savedEnv = { ...process.env };

	beforeAll(async () => {
		database = await createTestDatabase(kind);
		process.env.DATABASE_URL = '';
		Object.assign(process.env, database.env);
		// Fresh modules per database: the configuration is read once per module instance.
		vi.resetModules();
	});

	afterAll(async () => {
		const { closeDatabase } = await import('../../src/lib/server/db');
		await closeDatabase();
		process.env = savedEnv;
		await database?.drop();
	});

	it('commits a batch of 40,000 updates as one, ids in order', async () => {
		const { getDb, schema } = await import('../../src/lib/server/db');
		const { appendUpdates, INSERT_CHUNK_ROWS } =
			await import('../../src/lib/server/collab/persistence');
		const { registerUser } = await import('../../src/lib/server/users');
		const { createWorkbook } = await import('../../src/lib/server/workbooks');
		const user = await registerUser({
			email: `log-${kind}@example.com`,
			name: 'Log Writer',
			password: 'a long enough passphrase'
		});
		const workbook = await createWorkbook(user.id, { title: 'Busy' });
		const count = 40 * INSERT_CHUNK_ROWS;
		const rows = Array.from({ length: count }, (_, index) => ({
			workbookId: workbook.id,
			update: new Uint8Array([index % 256, (index >> 8) % 256, 7]),
			userId: user.id
		}));
		const ids = await appendUpdates(rows);
		expect(ids).toHaveLength(count);
		const db = await getDb();
		const stored = await db
			.select({ id: schema.documentUpdate.id, update: schema.documentUpdate.update })
			.from(schema.documentUpdate)
			.where(eq(schema.documentUpdate.workbookId, workbook.id))
			.orderBy(asc(schema.documentUpdate.id));
		// The seeded blank sheet may be stored first; the batch follows it, in order.
		const batch = stored.slice(stored.length - count);
		expect(batch.map((row) => row.id)).toEqual(ids);
		expect(batch.map((row) => [...new Uint8Array(row.update)])).toEqual(
			rows.map((row) => [...row.update])
		);
	}, 120_000);
});
