/**
 * Invitations, address verification and password reset through the email outbox, and the
 * throttles on them (issue 27 items 2 and 7, issue 24's email): as an attacker and as the people
 * they target would meet them, against the real server on both databases.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectClient, nextCloseCode } from '../helpers/collab-client';
import { DATABASE_KINDS } from '../helpers/databases';
import { ApiClient, uniqueEmail } from '../helpers/http-client';
import { acceptInvitation, inviteByEmail, tokenOf } from '../helpers/invitations';
import { newestMailTo, readOutbox } from '../helpers/outbox';
import { startTestServer, type TestServer } from '../helpers/server';
import { waitFor } from '../helpers/wait';

const PASSWORD = 'a sturdy passphrase';

describe.each(DATABASE_KINDS)('invitations and email on %s', (kind) => {
	let server: TestServer;
	let owner: ApiClient;
	let viewer: ApiClient;
	let workbookId: string;
	let base: string;

	beforeAll(async () => {
		server = await startTestServer(kind);
		owner = new ApiClient(server.url);
		viewer = new ApiClient(server.url);
		await owner.register(uniqueEmail('owner'), PASSWORD, 'Olive Owner');
		const viewerEmail = uniqueEmail('viewer');
		await viewer.register(viewerEmail, PASSWORD);
		workbookId = (await owner.post<{ id: string }>('/api/v1/workbooks', { title: 'Elm St' })).body
			.id;
		base = `/api/v1/workbooks/${workbookId}`;
		await acceptInvitation(
			viewer,
			await inviteByEmail(server, owner, workbookId, viewerEmail, 'viewer')
		);
	});

	afterAll(async () => {
		await server?.stop();
		await server?.database.drop();
	});

	it('emails an invitation whose link names the workbook, and stores only its hash', async () => {
		const email = uniqueEmail('invitee');
		const link = await inviteByEmail(server, owner, workbookId, email, 'editor');
		const mail = await newestMailTo(server, email);
		expect(mail.subject).toBe('Olive Owner shared “Elm St” with you');
		expect(link).toMatch(new RegExp(`^${server.url}/invites/[a-z2-7]{32}$`));
		const page = await fetch(link);
		expect(page.status).toBe(200);
		expect(await page.text()).toContain('Elm St');
	});

	it('does not let a viewer take over a pending invitation by registering its address', async () => {
		const target = uniqueEmail('target');
		await inviteByEmail(server, owner, workbookId, target, 'editor');
		const seen = await viewer.get<{ invites: unknown[] }>(`${base}/members`);
		expect(seen.status).toBe(200);
		expect(seen.body.invites).toEqual([]);
		const ownerView = await owner.get<{ invites: { email: string }[] }>(`${base}/members`);
		expect(ownerView.body.invites.map((invite) => invite.email)).toContain(target);

		// Even knowing the address, registering it (never verified) gives nothing.
		const taker = new ApiClient(server.url);
		await taker.register(target);
		expect((await taker.get(base)).status).toBe(404);
		const write = await taker.post(`${base}/cells`, {
			sheet: 'Sheet1',
			updates: [{ ref: 'A1', input: 'mine' }]
		});
		expect(write.status).toBe(404);
	});

	it('answers an invitation the same whether or not the address has an account', async () => {
		const registered = uniqueEmail('known');
		await new ApiClient(server.url).register(registered);
		const unknown = uniqueEmail('unknown');
		const answers = [];
		for (const email of [registered, unknown]) {
			const response = await owner.post<Record<string, unknown>>(`${base}/members`, {
				email,
				role: 'viewer'
			});
			answers.push({ status: response.status, keys: Object.keys(response.body).sort() });
			expect(response.body.status).toBe('invited');
		}
		expect(answers[0]).toEqual(answers[1]);
	});

	it('accepts an invitation link once, only for a signed-in person', async () => {
		const email = uniqueEmail('once');
		const link = await inviteByEmail(server, owner, workbookId, email, 'editor');
		const invitee = new ApiClient(server.url);
		expect((await invitee.post('/api/v1/invites/accept', { token: tokenOf(link) })).status).toBe(
			401
		);
		await invitee.register(email);
		await acceptInvitation(invitee, link);
		expect((await invitee.get<{ role: string }>(base)).body.role).toBe('editor');
		const again = await new ApiClient(server.url).post('/api/v1/auth/login', {
			email,
			password: PASSWORD
		});
		expect(again.status).toBe(200);
		const reuse = await invitee.post('/api/v1/invites/accept', { token: tokenOf(link) });
		expect(reuse.status).toBe(404);
		expect((await fetch(link)).status).toBe(404);
	});

	it('resets a password end to end through the emailed link, ending every session', async () => {
		const email = uniqueEmail('forgetful');
		const person = new ApiClient(server.url);
		await person.register(email, PASSWORD);
		const mine = (await person.post<{ id: string }>('/api/v1/workbooks', { title: 'Mine' })).body
			.id;
		const live = connectClient(server.url, mine, { cookie: person.sessionCookie });
		try {
			await waitFor(() => live.provider.synced);
			const anonymous = new ApiClient(server.url);
			const known = await anonymous.post('/api/v1/auth/password-reset', { email });
			const unknown = await anonymous.post('/api/v1/auth/password-reset', {
				email: uniqueEmail('nobody')
			});
			expect(known.status).toBe(202);
			expect(unknown).toMatchObject({ status: 202, body: known.body });

			const mail = await newestMailTo(server, email, /Reset your InvestFlow password/);
			const token = tokenOf(mail.link);
			expect(mail.link).toBe(`${server.url}/reset-password/${token}`);
			expect((await fetch(mail.link!)).status).toBe(200);
			const weak = await anonymous.post('/api/v1/auth/password-reset/confirm', {
				token,
				password: 'short'
			});
			expect(weak.status).toBe(400);

			const closed = nextCloseCode(live.provider);
			const newPassword = 'a brand new passphrase';
			const confirmed = await anonymous.post('/api/v1/auth/password-reset/confirm', {
				token,
				password: newPassword
			});
			expect(confirmed.status).toBe(204);
			expect(await closed).toBe(4401);
			expect((await person.get('/api/v1/me')).status).toBe(401);
			const login = (password: string) =>
				new ApiClient(server.url).post('/api/v1/auth/login', { email, password });
			expect((await login(PASSWORD)).status).toBe(401);
			expect((await login(newPassword)).status).toBe(200);

			const reused = await anonymous.post('/api/v1/auth/password-reset/confirm', {
				token,
				password: 'yet another passphrase'
			});
			expect(reused.status).toBe(400);
			expect(reused.body).toMatchObject({ error: { code: 'invalid_token' } });
			expect((await login(newPassword)).status).toBe(200);
		} finally {
			live.provider.destroy();
		}
	});

	it('emails a fresh verification link on request, voiding the earlier one, until the address is confirmed', async () => {
		const email = uniqueEmail('resend');
		const person = new ApiClient(server.url);
		await person.register(email, PASSWORD);
		const me = await person.get<{ user: { emailVerified: boolean } }>('/api/v1/me');
		expect(me.body.user.emailVerified).toBe(false);
		const first = tokenOf((await newestMailTo(server, email, /Confirm your email/)).link);
		const resent = await person.post<{ sent: boolean }>('/api/v1/me/verification-email', {});
		expect(resent.status).toBe(202);
		const second = tokenOf(
			(
				await waitFor(async () => {
					const mail = await newestMailTo(server, email, /Confirm your email/);
					return tokenOf(mail.link) !== first ? mail : undefined;
				})
			).link
		);
		expect((await person.post('/api/v1/auth/verify-email', { token: first })).status).toBe(400);
		expect((await person.post('/api/v1/auth/verify-email', { token: second })).status).toBe(200);
		expect(
			(await person.get<{ user: { emailVerified: boolean } }>('/api/v1/me')).body.user.emailVerified
		).toBe(true);
		const again = await person.post<{ error: { code: string } }>(
			'/api/v1/me/verification-email',
			{}
		);
		expect(again.status).toBe(409);
		expect(again.body.error.code).toBe('already_verified');
	});

	it('writes no reset email for an address without an account', async () => {
		const nobody = uniqueEmail('ghost');
		const response = await new ApiClient(server.url).post('/api/v1/auth/password-reset', {
			email: nobody
		});
		expect(response.status).toBe(202);
		// Another request whose email is certain to arrive: once it has, the first had its chance.
		const email = uniqueEmail('real');
		await new ApiClient(server.url).register(email);
		await new ApiClient(server.url).post('/api/v1/auth/password-reset', { email });
		await newestMailTo(server, email, /Reset/);
		expect(readOutbox(server).filter((mail) => mail.to === nobody)).toEqual([]);
	});

	it('refuses a taken email with 409 and tells its owner by email', async () => {
		const email = uniqueEmail('taken');
		await new ApiClient(server.url).register(email);
		const again = await new ApiClient(server.url).post('/api/v1/auth/register', {
			email,
			name: 'Someone Else',
			password: 'another sturdy passphrase'
		});
		expect(again.status).toBe(409);
		const notice = await newestMailTo(server, email, /tried to create an account/);
		expect(notice.link).toBe(`${server.url}/forgot-password`);
	});

	it('tells the owner of a taken email at most three times an hour, however often it is tried', async () => {
		const email = uniqueEmail('flooded');
		await new ApiClient(server.url).register(email);
		for (let attempt = 0; attempt < 5; attempt++) {
			const prober = new ApiClient(server.url, { 'x-forwarded-for': `10.0.8.${attempt + 1}` });
			const again = await prober.post('/api/v1/auth/register', {
				email,
				name: 'Prober',
				password: 'another sturdy passphrase'
			});
			expect(again.status).toBe(409);
		}
		const notices = readOutbox(server).filter(
			(mail) => mail.to === email && /tried to create an account/.test(mail.subject)
		);
		expect(notices).toHaveLength(3);
	});

	it('throttles a wrong current password per session, even when the right one follows', async () => {
		const person = new ApiClient(server.url);
		await person.register(uniqueEmail('guesser'), PASSWORD);
		const change = (currentPassword: string) =>
			person.post('/api/v1/me/password', { currentPassword, newPassword: PASSWORD });
		for (let attempt = 0; attempt < 5; attempt++) {
			expect((await change(`wrong guess ${attempt}`)).status).toBe(400);
		}
		const throttled = await change(PASSWORD);
		expect(throttled.status).toBe(429);
		expect(Number(throttled.headers.get('retry-after'))).toBeGreaterThan(0);
	});

	it('throttles guessed invitation tokens per address', async () => {
		const guesser = new ApiClient(server.url);
		await guesser.register(uniqueEmail('tokens'));
		const statuses: number[] = [];
		for (let guess = 0; guess < 21; guess++) {
			const token = 'a'.repeat(31) + 'bcdefghijklmnopqrstuvwxyz234567'[guess];
			statuses.push((await guesser.post('/api/v1/invites/accept', { token })).status);
		}
		// Earlier tests' spent links count too: 404s until the limit of 20, then 429 only.
		const firstThrottled = statuses.indexOf(429);
		expect(firstThrottled).toBeGreaterThan(0);
		expect(statuses.slice(0, firstThrottled).every((status) => status === 404)).toBe(true);
		expect(statuses.slice(firstThrottled).every((status) => status === 429)).toBe(true);
	});
});

describe('registration throttle', () => {
	let server: TestServer;

	beforeAll(async () => {
		server = await startTestServer('pglite', { env: { REGISTRATION_LIMIT_PER_ADDRESS: '3' } });
	});

	afterAll(async () => {
		await server?.stop();
		await server?.database.drop();
	});

	it('answers 429 with Retry-After once an address has tried to register too often', async () => {
		const statuses: number[] = [];
		for (let attempt = 0; attempt < 4; attempt++) {
			const response = await new ApiClient(server.url).post('/api/v1/auth/register', {
				email: uniqueEmail('flood'),
				name: 'Flood',
				password: PASSWORD
			});
			statuses.push(response.status);
			if (response.status === 429) {
				expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(3000);
			}
		}
		expect(statuses).toEqual([201, 201, 201, 429]);
	});
});
