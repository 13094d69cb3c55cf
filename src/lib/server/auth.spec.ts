import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// An embedded database of its own in a temp directory, opened before the modules read config.
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'investflow-auth-spec-'));
process.env.DATA_DIR = dataDir;
delete process.env.DATABASE_URL;

const auth = await import('./auth');
const { closeDatabase } = await import('./db');
const { registerUser } = await import('./users');

const DAY = 24 * 60 * 60 * 1000;
const CONTEXT = { address: '127.0.0.1', origin: 'http://localhost:3000' };
let userId: string;

beforeAll(async () => {
	const user = await registerUser(
		{
			email: 'owner@example.com',
			name: 'Owner',
			password: 'a sturdy passphrase'
		},
		CONTEXT
	);
	userId = user.id;
});

afterAll(async () => {
	await closeDatabase();
	fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('session tokens', () => {
	it('carry 160 bits as 32 base32 characters and differ every time', () => {
		const tokens = new Set(Array.from({ length: 100 }, () => auth.generateSessionToken()));
		expect(tokens.size).toBe(100);
		for (const token of tokens) expect(token).toMatch(/^[a-z2-7]{32}$/);
	});

	it('are stored only as their SHA-256 hash', async () => {
		const token = auth.generateSessionToken();
		const session = await auth.createSession(token, userId);
		expect(session.id).toMatch(/^[0-9a-f]{64}$/);
		expect(session.id).not.toContain(token);
		expect(session.id).toBe(auth.sessionIdFromToken(token));
	});
});

describe('validateSessionToken', () => {
	it('returns the session and its user for a fresh token', async () => {
		const token = auth.generateSessionToken();
		await auth.createSession(token, userId);
		const { session, user } = await auth.validateSessionToken(token);
		expect(session).not.toBeNull();
		expect(user).toEqual({ id: userId, email: 'owner@example.com', name: 'Owner' });
	});

	it('refuses an unknown or malformed token', async () => {
		expect((await auth.validateSessionToken(auth.generateSessionToken())).session).toBeNull();
		expect((await auth.validateSessionToken('not a token')).session).toBeNull();
	});

	it('extends a session to 30 days once less than half its lifetime remains', async () => {
		const token = auth.generateSessionToken();
		const created = new Date('2026-01-01T00:00:00Z');
		await auth.createSession(token, userId, {}, created);
		const early = new Date(created.getTime() + 10 * DAY);
		const notYet = await auth.validateSessionToken(token, early);
		expect(notYet.session!.expiresAt.getTime()).toBe(created.getTime() + 30 * DAY);
		const late = new Date(created.getTime() + 16 * DAY);
		const slid = await auth.validateSessionToken(token, late);
		expect(slid.session!.expiresAt.getTime()).toBe(late.getTime() + 30 * DAY);
	});

	it('deletes and refuses an expired session', async () => {
		const token = auth.generateSessionToken();
		const created = new Date('2026-01-01T00:00:00Z');
		await auth.createSession(token, userId, {}, created);
		const expired = new Date(created.getTime() + 31 * DAY);
		expect((await auth.validateSessionToken(token, expired)).session).toBeNull();
		expect((await auth.validateSessionToken(token, created)).session).toBeNull();
	});
});

describe('invalidating sessions', () => {
	it('ends one session', async () => {
		const token = auth.generateSessionToken();
		const session = await auth.createSession(token, userId);
		await auth.invalidateSession(session.id);
		expect((await auth.validateSessionToken(token)).session).toBeNull();
	});

	it('ends every other session of a user and keeps the current one', async () => {
		const keep = auth.generateSessionToken();
		const other = auth.generateSessionToken();
		const kept = await auth.createSession(keep, userId);
		await auth.createSession(other, userId);
		await auth.invalidateUserSessions(userId, kept.id);
		expect((await auth.validateSessionToken(keep)).session).not.toBeNull();
		expect((await auth.validateSessionToken(other)).session).toBeNull();
	});

	it('lets a user end only their own sessions', async () => {
		const stranger = await registerUser(
			{
				email: 'stranger@example.com',
				name: 'Stranger',
				password: 'another sturdy passphrase'
			},
			CONTEXT
		);
		const token = auth.generateSessionToken();
		const session = await auth.createSession(token, userId);
		expect(await auth.invalidateUserSession(stranger.id, session.id)).toBe(false);
		expect((await auth.validateSessionToken(token)).session).not.toBeNull();
		expect(await auth.invalidateUserSession(userId, session.id)).toBe(true);
	});
});
