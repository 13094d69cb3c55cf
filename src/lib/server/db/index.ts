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
import type { PGlite } from '@electric-sql/pglite';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { getConfig } from '../config';
import { getLogger } from '../logger';
import { PgliteThread } from './pglite-thread';
import { SqlArray, type SqlParam } from './raw-statement.js';
import * as schema from './schema';
import { scheduleVacuum, type VacuumPolicy } from './vacuum-schedule';

export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;

/** PostgreSQL array type oids of SqlArray's element types. */
const ARRAY_TYPE_OID = { text: 1009, bytea: 1001 } as const;

export interface DatabaseHandle {
	db: Database;
	kind: 'pglite' | 'postgres';
	/**
	 * Runs one parameterised statement straight through the driver, with no query builder: for
	 * the few statements on the hot path (the group commit), where drizzle's building costs more
	 * than the database does. PGlite gets it as a plain statement with the parameters written in
	 * as literals on its thread (see raw-statement.js). Returns the rows.
	 */
	query<Row>(text: string, params: readonly SqlParam[]): Promise<Row[]>;
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
	const toDriver = (param: SqlParam) => {
		if (!(param instanceof SqlArray)) return param;
		const values = param.values.map((value) =>
			value instanceof Uint8Array
				? Buffer.from(value.buffer, value.byteOffset, value.byteLength)
				: value
		);
		return client.array(values as never[], ARRAY_TYPE_OID[param.elementType]);
	};
	return {
		db: db as unknown as Database,
		kind: 'postgres',
		query: async <Row>(text: string, params: readonly SqlParam[]) =>
			(await client.unsafe(text, params.map(toDriver) as never[], {
				prepare: true
			})) as unknown as Row[],
		ping: async () => {
			await client`select 1`;
		},
		close: () => client.end({ timeout: 5 })
	};
}

async function openPglite(dataDir: string, vacuumPolicy: VacuumPolicy): Promise<DatabaseHandle> {
	const { drizzle } = await import('drizzle-orm/pglite');
	const { migrate } = await import('drizzle-orm/pglite/migrator');
	const directory = path.join(dataDir, 'pglite');
	fs.mkdirSync(directory, { recursive: true });
	const client = await PgliteThread.open(directory);
	// drizzle's PGlite driver calls only what PgliteThread offers: query, exec and transaction.
	const db = drizzle(client as unknown as PGlite, { schema });
	await migrate(db, { migrationsFolder: migrationsFolder() });
	const stopVacuuming = scheduleVacuum(
		{ activity: () => client.activity(), vacuum: () => client.exec('vacuum') },
		vacuumPolicy,
		(error) =>
			getLogger().warn({ err: error, module: 'db' }, 'vacuum of the embedded database failed')
	);
	return {
		db: db as unknown as Database,
		kind: 'pglite',
		query: <Row>(text: string, params: readonly SqlParam[]) => client.statement<Row>(text, params),
		ping: async () => {
			await client.query('select 1');
		},
		close: () => {
			stopVacuuming();
			return client.close();
		}
	};
}

/** Opens (once per process) the configured database and applies pending migrations. */
export function openDatabase(): Promise<DatabaseHandle> {
	const slot = globalThis as HandleSlot;
	if (!slot[HANDLE_KEY]) {
		const config = getConfig();
		const opening = config.databaseUrl
			? openPostgres(config.databaseUrl)
			: openPglite(config.dataDir, config.pgliteVacuum);
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

export { schema, SqlArray, type SqlParam };
