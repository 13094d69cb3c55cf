/**
 * The account and session holes of the security review (issue 27, items 3, 6, 7), tried as an
 * attacker would against the real server: sockets that outlived their session, the open
 * redirect, 4403-vs-4404, unauthenticated form posts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyCellUpdates } from '../../src/lib/core/workbook-api';
import { closeCodeOf, connectClient, nextCloseCode } from '../helpers/collab-client';
import { DATABASE_KINDS } from '../helpers/databases';
import { ApiClient, uniqueEmail } from '../helpers/http-client';
import { startTestServer, type TestServer } from '../helpers/server';
import { waitFor } from '../helpers/wait';

const PASSWORD = 'a sturdy passphrase';

describe.each(DATABASE_KINDS)('sessions, redirects and refusals on %s', (kind) => {
	let server: TestServer;

	beforeAll(async () => {
		server = await startTestServer(kind);
	});

	afterAll(async () => {
		await server?.stop();
		await server?.database.drop();
	});

	/** A person with a workbook of their own, signed in on `client`. */
	async function personWithWorkbook() {
		const client = new ApiClient(server.url);
		const email = uniqueEmail('socket');
		await client.register(email, PASSWORD);
		const workbookId = (await client.post<{ id: string }>('/api/v1/workbooks', { title: 'Elm' }))
			.body.id;
		return { client, email, workbookId };
	}

	/** What a fresh session of `email` reads in `ref` of the workbook. */
	async function storedInput(email: string, workbookId: string, ref: string) {
		const reader = new ApiClient(server.url);
		expect((await reader.post('/api/v1/auth/login', { email, password: PASSWORD })).status).toBe(
			200
		);
		const cells = await reader.get<{ cells: { input: string }[][] }>(
			`/api/v1/workbooks/${workbookId}/cells?sheet=Sheet1&range=${ref}`
		);
		return cells.body.cells[0][0].input;
	}

	/**
	 * Opens a live editor socket for the session on `client`, ends that session with `end`, and
	 * checks the socket closes with 4401 within a second and an edit it sends then is not stored.
	 */
	async function expectSocketEndsWith(
		person: { client: ApiClient; email: string; workbookId: string },
		end: () => Promise<void>
	) {
		const live = connectClient(server.url, person.workbookId, {
			cookie: person.client.sessionCookie
		});
		try {
			await waitFor(() => live.provider.synced);
			const closed = nextCloseCode(live.provider);
			await end();
			// The session ended just before the answer; the socket has a second from there.
			const endedAt = Date.now();
			// The socket's own write, sent the moment the session ended.
			applyCellUpdates(live.doc, { sheet: 'Sheet1', updates: [{ ref: 'C3', input: '666' }] });
			expect(await closed).toBe(4401);
			expect(Date.now() - endedAt).toBeLessThan(1000);
		} finally {
			live.provider.destroy();
		}
		expect(await storedInput(person.email, person.workbookId, 'C3')).toBe('');
	}

	it('closes the open socket of a session that logs out, and stores nothing it sends', async () => {
		const person = await personWithWorkbook();
		await expectSocketEndsWith(person, async () => {
			expect((await person.client.post('/api/v1/auth/logout')).status).toBe(204);
		});
	});

	it('closes the other sessions’ sockets on a password change, but keeps this one’s', async () => {
		const person = await personWithWorkbook();
		const other = new ApiClient(server.url);
		await other.post('/api/v1/auth/login', { email: person.email, password: PASSWORD });
		const mine = connectClient(server.url, person.workbookId, {
			cookie: person.client.sessionCookie
		});
		try {
			await waitFor(() => mine.provider.synced);
			await expectSocketEndsWith({ ...person, client: other }, async () => {
				const changed = await person.client.post('/api/v1/me/password', {
					currentPassword: PASSWORD,
					newPassword: PASSWORD
				});
				expect(changed.status).toBe(204);
			});
			expect(mine.provider.wsconnected).toBe(true);
		} finally {
			mine.provider.destroy();
		}
	});

	it('closes a revoked session’s socket when another session ends it', async () => {
		const person = await personWithWorkbook();
		const laptop = new ApiClient(server.url);
		await laptop.post('/api/v1/auth/login', { email: person.email, password: PASSWORD });
		const sessions = await laptop.get<{ sessions: { id: string; current: boolean }[] }>(
			'/api/v1/me/sessions'
		);
		const laptopSession = sessions.body.sessions.find((session) => session.current)!;
		await expectSocketEndsWith({ ...person, client: laptop }, async () => {
			const ended = await person.client.delete(`/api/v1/me/sessions/${laptopSession.id}`);
			expect(ended.status).toBe(204);
		});
	});

	it('answers 4404 for a workbook you may not see, whether or not it exists', async () => {
		const { workbookId } = await personWithWorkbook();
		const stranger = new ApiClient(server.url);
		await stranger.register(uniqueEmail('stranger'));
		const ws = server.url.replace(/^http/, 'ws');
		const cookie = { cookie: stranger.sessionCookie! };
		expect(await closeCodeOf(`${ws}/collab/${workbookId}`, cookie)).toEqual({
			code: 4404,
			messages: 0
		});
		expect(await closeCodeOf(`${ws}/collab/doesnotexist123`, cookie)).toEqual({
			code: 4404,
			messages: 0
		});
	});

	it('keeps /login?redirectTo= on the site whatever the target hides', async () => {
		const email = uniqueEmail('redirect');
		await new ApiClient(server.url).register(email, PASSWORD);
		for (const target of ['/%09/evil.test/phish', '//evil.test', '/%5Cevil.test', '/\\evil.test']) {
			const response = await fetch(`${server.url}/login?redirectTo=${target}`, {
				method: 'POST',
				headers: {
					'content-type': 'application/x-www-form-urlencoded',
					accept: 'text/html',
					origin: server.url
				},
				body: new URLSearchParams({ email, password: PASSWORD }),
				redirect: 'manual'
			});
			expect(response.status).toBe(303);
			const location = response.headers.get('location')!;
			expect(new URL(location, server.url).origin).toBe(new URL(server.url).origin);
			expect(location).toBe('/');
		}
	});

	it('sends an unauthenticated form post to the login page instead of failing', async () => {
		for (const path of ['/?/create', '/settings?/name', '/settings?/password']) {
			const response = await fetch(`${server.url}${path}`, {
				method: 'POST',
				headers: {
					'content-type': 'application/x-www-form-urlencoded',
					accept: 'text/html',
					origin: server.url
				},
				body: new URLSearchParams({ title: 'x', name: 'x' }),
				redirect: 'manual'
			});
			expect(response.status, path).toBe(303);
			expect(response.headers.get('location'), path).toMatch(/^\/login\?redirectTo=/);
		}
	});

	it('answers a link guesser 429 on the view-only link page, never 500', async () => {
		const headers = { 'x-forwarded-for': '10.0.0.91', accept: 'text/html' };
		const guess = () => fetch(`${server.url}/s/${'a'.repeat(32)}`, { headers, redirect: 'manual' });
		const answers: number[] = [];
		for (let attempt = 0; attempt < 21; attempt++) answers.push((await guess()).status);
		expect(answers.slice(0, 20)).toEqual(Array(20).fill(404));
		expect(answers[20]).toBe(429);
	});
});
