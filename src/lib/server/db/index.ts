/**
 * The one module that knows which database InvestFlow runs on. `DATABASE_URL` set: PostgreSQL
 * through postgres.js; unset: embedded PGlite persisted under `$DATA_DIR/pglite`. Everything else
 * sees one drizzle database with the same schema, and migrations from `drizzle/` run on open.
 *
 * The handle lives on `globalThis` because the SvelteKit bundle and the Node entry in `server/`
 * each load their own copy of this module, and PGlite allows one instance per data directory.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { getConfig } from '../config';
import * as schema from './schema';

export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;

export interface DatabaseHandle {
	db: Database;
	kind: 'pglite' | 'postgres';
	/** Runs a trivial query; throws when the database cannot answer. */
	ping(): Promise<void>;
	close(): Promise<void>;
}

const HANDLE_KEY = Symbol.for('investflow.database');
type HandleSlot = { [HANDLE_KEY]?: Promise<DatabaseHandle> };

function migrationsFolder(): string {
	return path.resolve(process.env.MIGRATIONS_DIR || 'drizzle');
}

async function openPostgres(url: string): Promise<DatabaseHandle> {
	const { default: postgres } = await import('postgres');
	const { drizzle } = await import('drizzle-orm/postgres-js');
	const { migrate } = await import('drizzle-orm/postgres-js/migrator');
	const client = postgres(url, { max: 10, onnotice: () => {} });
	const db = drizzle(client, { schema });
	await migrate(db, { migrationsFolder: migrationsFolder() });
	return {
		db: db as unknown as Database,
		kind: 'postgres',
		ping: async () => {
			await client`select 1`;
		},
		close: () => client.end({ timeout: 5 })
	};
}

async function openPglite(dataDir: string): Promise<DatabaseHandle> {
	const { PGlite } = await import('@electric-sql/pglite');
	const { drizzle } = await import('drizzle-orm/pglite');
	const { migrate } = await import('drizzle-orm/pglite/migrator');
	const directory = path.join(dataDir, 'pglite');
	fs.mkdirSync(directory, { recursive: true });
	const client = await PGlite.create(directory);
	const db = drizzle(client, { schema });
	await migrate(db, { migrationsFolder: migrationsFolder() });
	return {
		db: db as unknown as Database,
		kind: 'pglite',
		ping: async () => {
			await client.query('select 1');
		},
		close: () => client.close()
	};
}

/** Opens (once per process) the configured database and applies pending migrations. */
export function openDatabase(): Promise<DatabaseHandle> {
	const slot = globalThis as HandleSlot;
	if (!slot[HANDLE_KEY]) {
		const config = getConfig();
		const opening = config.databaseUrl
			? openPostgres(config.databaseUrl)
			: openPglite(config.dataDir);
		slot[HANDLE_KEY] = opening;
		opening.catch(() => {
			delete slot[HANDLE_KEY];
		});
	}
	return slot[HANDLE_KEY];
}

/** The open database; callers run after start-up, so this only waits on the first open. */
export async function getDb(): Promise<Database> {
	return (await openDatabase()).db;
}

/** Closes the database if it was opened; used at shutdown. */
export async function closeDatabase(): Promise<void> {
	const slot = globalThis as HandleSlot;
	const opening = slot[HANDLE_KEY];
	if (!opening) return;
	delete slot[HANDLE_KEY];
	await (await opening).close();
}

export { schema };
