import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_KINDS } from '../helpers/databases';
import { ApiClient, uniqueEmail } from '../helpers/http-client';
import { startTestServer, type TestServer } from '../helpers/server';

describe.each(DATABASE_KINDS)('the auth API on %s', (kind) => {
	let server: TestServer;

	beforeAll(async () => {
		server = await startTestServer(kind, { env: { ADDRESS_HEADER: 'x-forwarded-for' } });
	});

	afterAll(async () => {
		await server?.stop();
		await server?.database.drop();
	});

	it('reports a healthy database', async () => {
		const response = await new ApiClient(server.url).get('/healthz');
		expect(response.status).toBe(200);
		expect(response.body).toEqual({ status: 'ok', database: kind });
	});

	it('registers with a normalised email, sets an HttpOnly Lax session cookie and knows me', async () => {
		const client = new ApiClient(server.url);
		const email = uniqueEmail('Reg');
		const response = await client.post<{ user: { email: string; name: string } }>(
			'/api/v1/auth/register',
			{ email: `  ${email.toUpperCase()} `, name: ' Ann  Lee ', password: 'a sturdy passphrase' }
		);
		expect(response.status).toBe(201);
		expect(response.body.user).toMatchObject({ email: email.toLowerCase(), name: 'Ann Lee' });
		const cookie = response.headers.getSetCookie()[0];
		expect(cookie).toMatch(/^session=[a-z2-7]{32};/);
		expect(cookie).toMatch(/HttpOnly/);
		expect(cookie).toMatch(/SameSite=Lax/);
		expect(cookie).toMatch(/Path=\//);
		const me = await client.get<{ user: { email: string } }>('/api/v1/me');
		expect(me.status).toBe(200);
		expect(me.body.user.email).toBe(email.toLowerCase());
	});

	it('refuses a taken email with 409 and bad fields with 400 naming the field', async () => {
		const email = uniqueEmail();
		await new ApiClient(server.url).register(email);
		const client = new ApiClient(server.url);
		const taken = await client.post('/api/v1/auth/register', {
			email,
			name: 'X',
			password: 'a sturdy passphrase'
		});
		expect(taken.status).toBe(409);
		expect(taken.body).toMatchObject({ error: { code: 'email_taken' } });
		const cases = [
			[{ email: 'nope', name: 'X', password: 'a sturdy passphrase' }, 'email'],
			[{ email: uniqueEmail(), name: '  ', password: 'a sturdy passphrase' }, 'name'],
			[{ email: uniqueEmail(), name: 'X', password: 'short' }, 'password'],
			[{ email: uniqueEmail(), name: 'X', password: 'password123' }, 'password']
		] as const;
		for (const [body, field] of cases) {
			const response = await client.post('/api/v1/auth/register', body);
			expect(response.status).toBe(400);
			expect(response.body).toMatchObject({ error: { code: 'invalid_input', field } });
		}
		expect((await client.get('/api/v1/me')).status).toBe(401);
	});

	it('answers malformed JSON with 400 and an error object, never a stack trace', async () => {
		const client = new ApiClient(server.url);
		for (const body of ['{"email":', '[1,2]', 'null']) {
			const response = await client.request('POST', '/api/v1/auth/login', body, {
				'content-type': 'application/json'
			});
			expect(response.status).toBe(400);
			expect(response.body).toMatchObject({ error: { code: expect.any(String) } });
			expect(JSON.stringify(response.body)).not.toMatch(/at .*\.js/);
		}
	});

	it('gives the same status and message for an unknown email and a wrong password', async () => {
		const email = uniqueEmail();
		await new ApiClient(server.url).register(email);
		const client = new ApiClient(server.url, { 'x-forwarded-for': '10.9.9.1' });
		const unknown = await client.post('/api/v1/auth/login', {
			email: uniqueEmail(),
			password: 'a sturdy passphrase'
		});
		const wrong = await client.post('/api/v1/auth/login', { email, password: 'wrong password!' });
		expect(unknown.status).toBe(401);
		expect(wrong.status).toBe(401);
		expect(unknown.body).toEqual(wrong.body);
	});

	it('logs in and out', async () => {
		const email = uniqueEmail();
		await new ApiClient(server.url).register(email);
		const client = new ApiClient(server.url);
		const login = await client.post('/api/v1/auth/login', {
			email,
			password: 'a sturdy passphrase'
		});
		expect(login.status).toBe(200);
		expect((await client.get('/api/v1/me')).status).toBe(200);
		const cookie = client.sessionCookie;
		expect((await client.post('/api/v1/auth/logout')).status).toBe(204);
		const reused = new ApiClient(server.url);
		reused.sessionCookie = cookie;
		expect((await reused.get('/api/v1/me')).status).toBe(401);
	});

	it('clears the cookie of an invalid session token', async () => {
		const client = new ApiClient(server.url);
		client.sessionCookie = 'session=' + 'a'.repeat(32);
		const response = await client.get('/api/v1/me');
		expect(response.status).toBe(401);
		expect(response.headers.getSetCookie().join()).toMatch(
			/session=;.*(Max-Age=0|Expires=Thu, 01 Jan 1970)/
		);
	});

	it('changes the name, and the password ending every other session', async () => {
		const email = uniqueEmail();
		const first = new ApiClient(server.url);
		await first.register(email);
		const second = new ApiClient(server.url);
		await second.post('/api/v1/auth/login', { email, password: 'a sturdy passphrase' });
		const renamed = await first.patch<{ user: { name: string } }>('/api/v1/me', {
			name: 'Renamed'
		});
		expect(renamed.body.user.name).toBe('Renamed');
		const sessions = await first.get<{ sessions: { id: string; current: boolean }[] }>(
			'/api/v1/me/sessions'
		);
		expect(sessions.body.sessions).toHaveLength(2);
		expect(sessions.body.sessions.filter((s) => s.current)).toHaveLength(1);
		const wrongCurrent = await first.post('/api/v1/me/password', {
			currentPassword: 'nope nope nope',
			newPassword: 'a brand new passphrase'
		});
		expect(wrongCurrent.status).toBe(400);
		expect(wrongCurrent.body).toMatchObject({ error: { field: 'currentPassword' } });
		const changed = await first.post('/api/v1/me/password', {
			currentPassword: 'a sturdy passphrase',
			newPassword: 'a brand new passphrase'
		});
		expect(changed.status).toBe(204);
		expect((await first.get('/api/v1/me')).status).toBe(200);
		expect((await second.get('/api/v1/me')).status).toBe(401);
		const relogin = await new ApiClient(server.url).post('/api/v1/auth/login', {
			email,
			password: 'a brand new passphrase'
		});
		expect(relogin.status).toBe(200);
	});

	it('ends another of my sessions by id, and refuses an id that is not mine', async () => {
		const email = uniqueEmail();
		const mine = new ApiClient(server.url);
		await mine.register(email);
		const other = new ApiClient(server.url);
		await other.post('/api/v1/auth/login', { email, password: 'a sturdy passphrase' });
		const list = await mine.get<{ sessions: { id: string; current: boolean }[] }>(
			'/api/v1/me/sessions'
		);
		const target = list.body.sessions.find((s) => !s.current)!;
		const stranger = new ApiClient(server.url);
		await stranger.register(uniqueEmail());
		expect((await stranger.delete(`/api/v1/me/sessions/${target.id}`)).status).toBe(404);
		expect((await mine.delete(`/api/v1/me/sessions/${target.id}`)).status).toBe(204);
		expect((await other.get('/api/v1/me')).status).toBe(401);
	});

	it('refuses a cookie-carrying write from a foreign Origin with 403', async () => {
		const client = new ApiClient(server.url);
		await client.register(uniqueEmail());
		const foreign = await client.request(
			'PATCH',
			'/api/v1/me',
			{ name: 'Evil' },
			{
				origin: 'https://evil.example'
			}
		);
		expect(foreign.status).toBe(403);
		const same = await client.request(
			'PATCH',
			'/api/v1/me',
			{ name: 'Fine' },
			{
				origin: server.url
			}
		);
		expect(same.status).toBe(200);
	});

	it('refuses a cross-site form post', async () => {
		const response = await fetch(`${server.url}/logout`, {
			method: 'POST',
			headers: {
				origin: 'https://evil.example',
				'content-type': 'application/x-www-form-urlencoded'
			},
			body: '',
			redirect: 'manual'
		});
		expect(response.status).toBe(403);
	});

	it('throttles an address after 10 failed logins with 429 and Retry-After', async () => {
		const email = uniqueEmail();
		await new ApiClient(server.url).register(email);
		const client = new ApiClient(server.url, { 'x-forwarded-for': '10.0.0.77' });
		for (let attempt = 0; attempt < 10; attempt++) {
			const response = await client.post('/api/v1/auth/login', { email, password: 'wrong guess!' });
			expect(response.status).toBe(401);
		}
		const blocked = await client.post('/api/v1/auth/login', {
			email,
			password: 'a sturdy passphrase'
		});
		expect(blocked.status).toBe(429);
		expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
	});

	it('answers an unknown API path with a JSON 404', async () => {
		const response = await new ApiClient(server.url).get('/api/v1/nothing-here');
		expect(response.status).toBe(404);
		expect(response.body).toMatchObject({ error: { code: 'not_found' } });
	});

	it('keeps accounts across a restart', async () => {
		const email = uniqueEmail();
		await new ApiClient(server.url).register(email);
		await server.stop();
		server = await server.restart();
		const login = await new ApiClient(server.url).post('/api/v1/auth/login', {
			email,
			password: 'a sturdy passphrase'
		});
		expect(login.status).toBe(200);
	});
});
