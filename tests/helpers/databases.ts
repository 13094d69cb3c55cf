/**
 * The databases integration tests run against: always embedded PGlite, and PostgreSQL too when
 * TEST_DATABASE_URL is set (CI sets it). Each test server gets a database of its own.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import postgres from 'postgres';

export type DatabaseKind = 'pglite' | 'postgres';

/** The kinds to run every integration suite against. */
export const DATABASE_KINDS: DatabaseKind[] = process.env.TEST_DATABASE_URL
	? ['pglite', 'postgres']
	: ['pglite'];

export interface TestDatabase {
	kind: DatabaseKind;
	/** Environment for a server using this database. */
	env: Record<string, string>;
	/** Removes the database (and its data directory). */
	drop(): Promise<void>;
}

/** A fresh empty database of `kind`: a temp directory for PGlite, a new database on PostgreSQL. */
export async function createTestDatabase(kind: DatabaseKind): Promise<TestDatabase> {
	const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'investflow-test-'));
	if (kind === 'pglite') {
		return {
			kind,
			env: { DATA_DIR: dataDir },
			drop: async () => fs.rmSync(dataDir, { recursive: true, force: true })
		};
	}
	const adminUrl = process.env.TEST_DATABASE_URL;
	if (!adminUrl) throw new Error('Set TEST_DATABASE_URL to run the PostgreSQL suites.');
	const name = `investflow_test_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
	const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
	await admin.unsafe(`create database "${name}"`);
	await admin.end();
	const url = new URL(adminUrl);
	url.pathname = `/${name}`;
	return {
		kind,
		env: { DATA_DIR: dataDir, DATABASE_URL: url.toString() },
		drop: async () => {
			const cleanup = postgres(adminUrl, { max: 1, onnotice: () => {} });
			await cleanup.unsafe(`drop database if exists "${name}" with (force)`);
			await cleanup.end();
			fs.rmSync(dataDir, { recursive: true, force: true });
		}
	};
}
