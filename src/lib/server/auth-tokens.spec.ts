import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// An embedded database of its own in a temp directory, opened before the modules read config.
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'investflow-auth-tokens-spec-'));
process.env.DATA_DIR = dataDir;
delete process.env.DATABASE_URL;

const tokens = await import('./auth-tokens');
const { RESET_LIFETIME_MS } = await import('./password-reset');
const { closeDatabase, getDb } = await import('./db');
const { authToken } = await import('./db/schema');
const { registerUser } = await import('./users');

const MINUTE = 60 * 1000;
let grant: { userId: string; email: string };
let addressNumber = 0;
/** A fresh client address per check, so the guess throttle never gets in the way. */
const address = () => `10.0.0.${++addressNumber}`;

beforeAll(async () => {
	const user = await registerUser(
		{ email: 'reset@example.com', name: 'Reset', password: 'a sturdy passphrase' },
		{ address: 'spec', origin: 'http://localhost:3000' }
	);
	grant = { userId: user.id, email: user.email };
});

afterAll(async () => {
	await closeDatabase();
	fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('password reset tokens', () => {
	it('last 30 minutes', () => {
		expect(RESET_LIFETIME_MS).toBe(30 * MINUTE);
	});

	it('work until 30 minutes have passed, and not a moment after', async () => {
		const issuedAt = new Date('2026-01-01T12:00:00Z');
		const token = await tokens.issueAuthToken('password_reset', grant, RESET_LIFETIME_MS, issuedAt);
		const at = (minutes: number) => new Date(issuedAt.getTime() + minutes * MINUTE);
		await expect(
			tokens.peekAuthToken('password_reset', token, address(), at(29.9))
		).resolves.toEqual(grant);
		await expect(
			tokens.peekAuthToken('password_reset', token, address(), at(30))
		).rejects.toMatchObject({ code: 'invalid_token' });
		await expect(tokens.spendAuthToken('password_reset', token, at(31))).rejects.toMatchObject({
			code: 'invalid_token'
		});
	});

	it('are spent once: a second use is refused', async () => {
		const token = await tokens.issueAuthToken('password_reset', grant, RESET_LIFETIME_MS);
		await expect(tokens.spendAuthToken('password_reset', token)).resolves.toEqual(grant);
		await expect(tokens.spendAuthToken('password_reset', token)).rejects.toMatchObject({
			code: 'invalid_token'
		});
	});

	it('are stored only as their hash, and serve only their own purpose', async () => {
		const token = await tokens.issueAuthToken('password_reset', grant, RESET_LIFETIME_MS);
		const db = await getDb();
		const rows = await db.select().from(authToken);
		expect(JSON.stringify(rows)).not.toContain(token);
		await expect(tokens.peekAuthToken('verify_email', token, address())).rejects.toMatchObject({
			code: 'invalid_token'
		});
	});
});
