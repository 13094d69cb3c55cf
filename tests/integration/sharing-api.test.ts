import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_KINDS } from '../helpers/databases';
import { ApiClient, uniqueEmail } from '../helpers/http-client';
import { acceptInvitation, inviteByEmail, shareWith, tokenOf } from '../helpers/invitations';
import { newestMailTo } from '../helpers/outbox';
import { startTestServer, type TestServer } from '../helpers/server';

interface Workbook {
	id: string;
}

describe.each(DATABASE_KINDS)('sharing over the HTTP API on %s', (kind) => {
	let server: TestServer;
	let owner: ApiClient;
	let editor: ApiClient;
	let viewer: ApiClient;
	let stranger: ApiClient;
	let anonymous: ApiClient;
	let editorId: string;
	let viewerId: string;
	let workbookId: string;

	beforeAll(async () => {
		server = await startTestServer(kind);
		[owner, editor, viewer, stranger, anonymous] = Array.from(
			{ length: 5 },
			() => new ApiClient(server.url)
		);
		await owner.register(uniqueEmail('owner'));
		const editorEmail = uniqueEmail('editor');
		const viewerEmail = uniqueEmail('viewer');
		editorId = (await editor.register(editorEmail)).id;
		viewerId = (await viewer.register(viewerEmail)).id;
		await stranger.register(uniqueEmail('stranger'));
		const created = await owner.post<Workbook>('/api/v1/workbooks', { title: 'Elm St duplex' });
		workbookId = created.body.id;
		await shareWith(server, owner, workbookId, { client: editor, email: editorEmail }, 'editor');
		// The address as typed by the owner, in another case: it is the same address.
		const viewerLink = await inviteByEmail(
			server,
			owner,
			workbookId,
			viewerEmail.toUpperCase(),
			'viewer'
		);
		await acceptInvitation(viewer, viewerLink);
	});

	afterAll(async () => {
		await server?.stop();
		await server?.database.drop();
	});

	it('answers each role with the status its power allows', async () => {
		const base = `/api/v1/workbooks/${workbookId}`;
		const cases: [string, Record<string, number>][] = [
			[
				'read the workbook',
				{ owner: 200, editor: 200, viewer: 200, stranger: 404, anonymous: 401 }
			],
			['list members', { owner: 200, editor: 200, viewer: 200, stranger: 404, anonymous: 401 }],
			['write cells', { owner: 200, editor: 200, viewer: 403, stranger: 404, anonymous: 401 }],
			['invite', { owner: 201, editor: 403, viewer: 403, stranger: 404, anonymous: 401 }],
			['create a link', { owner: 201, editor: 403, viewer: 403, stranger: 404, anonymous: 401 }],
			[
				'read the audit trail',
				{ owner: 200, editor: 403, viewer: 403, stranger: 404, anonymous: 401 }
			],
			['delete the workbook', { editor: 403, viewer: 403, stranger: 404, anonymous: 401 }]
		];
		const clients = { owner, editor, viewer, stranger, anonymous };
		const actions: Record<string, (client: ApiClient) => Promise<{ status: number }>> = {
			'read the workbook': (c) => c.get(base),
			'list members': (c) => c.get(`${base}/members`),
			'write cells': (c) =>
				c.post(`${base}/cells`, { sheet: 'Sheet1', updates: [{ ref: 'A1', input: '1' }] }),
			invite: (c) => c.post(`${base}/members`, { email: uniqueEmail('guest'), role: 'viewer' }),
			'create a link': (c) => c.post(`${base}/links`, { label: 'CPA' }),
			'read the audit trail': (c) => c.get(`${base}/share-events`),
			'delete the workbook': (c) => c.delete(base)
		};
		const outcomes: string[] = [];
		for (const [action, expected] of cases) {
			for (const [who, status] of Object.entries(expected)) {
				const response = await actions[action](clients[who as keyof typeof clients]);
				if (response.status !== status) {
					outcomes.push(`${who} → ${action}: expected ${status}, got ${response.status}`);
				}
			}
		}
		expect(outcomes).toEqual([]);
	});

	it('grants an invitation to someone who registers later and verifies that email', async () => {
		const email = uniqueEmail('later');
		await inviteByEmail(server, owner, workbookId, email, 'editor');
		const members = await owner.get<{ invites: { email: string }[] }>(
			`/api/v1/workbooks/${workbookId}/members`
		);
		expect(members.body.invites.map((invite) => invite.email)).toContain(email);
		const newcomer = new ApiClient(server.url);
		await newcomer.register(email.toUpperCase());
		const verification = await newestMailTo(server, email, /Confirm your email/);
		const token = tokenOf(verification.link);
		// A mail scanner opening the link, a stranger's request and another account's all
		// verify nothing.
		expect((await fetch(verification.link!.replace(/^https?:\/\/[^/]+/, server.url))).status).toBe(
			200
		);
		const anonymous = new ApiClient(server.url);
		expect((await anonymous.post('/api/v1/auth/verify-email', { token })).status).toBe(401);
		const other = new ApiClient(server.url);
		await other.register(uniqueEmail('other'));
		const wrong = await other.post<{ error: { code: string } }>('/api/v1/auth/verify-email', {
			token
		});
		expect(wrong.status).toBe(403);
		expect(wrong.body.error.code).toBe('wrong_account');
		const before = await newcomer.get<{ workbooks: { id: string }[] }>('/api/v1/workbooks');
		expect(before.body.workbooks.map((listed) => listed.id)).not.toContain(workbookId);
		const verified = await newcomer.post('/api/v1/auth/verify-email', { token });
		expect(verified.status).toBe(200);
		const list = await newcomer.get<{ workbooks: { id: string; role: string }[] }>(
			'/api/v1/workbooks'
		);
		expect(list.body.workbooks).toContainEqual(
			expect.objectContaining({ id: workbookId, role: 'editor' })
		);
	});

	it('lets the owner change a role, and a member leave, but not the owner leave', async () => {
		const base = `/api/v1/workbooks/${workbookId}`;
		expect((await owner.patch(`${base}/members/${viewerId}`, { role: 'editor' })).status).toBe(200);
		expect(
			(
				await viewer.post(`${base}/cells`, {
					sheet: 'Sheet1',
					updates: [{ ref: 'B1', input: '2' }]
				})
			).status
		).toBe(200);
		expect((await owner.patch(`${base}/members/${viewerId}`, { role: 'viewer' })).status).toBe(200);
		expect((await owner.patch(`${base}/members/${viewerId}`, { role: 'owner' })).status).toBe(400);
		const me = await owner.get<{ user: { id: string } }>('/api/v1/me');
		expect((await owner.delete(`${base}/members/${me.body.user.id}`)).status).toBe(409);

		const leaver = new ApiClient(server.url);
		const leaverEmail = uniqueEmail('leaver');
		const leaverId = (await leaver.register(leaverEmail)).id;
		await shareWith(server, owner, workbookId, { client: leaver, email: leaverEmail }, 'viewer');
		expect((await leaver.get(base)).status).toBe(200);
		expect((await leaver.delete(`${base}/members/${leaverId}`)).status).toBe(204);
		expect((await leaver.get(base)).status).toBe(404);
	});

	it('creates view-only links whose token is shown once and stored only as a hash', async () => {
		const base = `/api/v1/workbooks/${workbookId}`;
		const created = await owner.post<{ id: string; token: string; url: string; label: string }>(
			`${base}/links`,
			{ label: 'CPA — 2026 return', expiresAt: new Date(Date.now() + 86_400_000).toISOString() }
		);
		expect(created.status).toBe(201);
		expect(created.body.token).toMatch(/^[a-z2-7]{32}$/);
		expect(created.body.url).toBe(`${server.url}/s/${created.body.token}`);
		const listed = await owner.get<{ links: Record<string, unknown>[] }>(`${base}/links`);
		const link = listed.body.links.find((l) => l.id === created.body.id)!;
		expect(link.label).toBe('CPA — 2026 return');
		expect(JSON.stringify(listed.body)).not.toContain(created.body.token);
		expect((await owner.post(`${base}/links`, { role: 'editor' })).status).toBe(400);
		expect((await owner.post(`${base}/links`, { expiresAt: '2001-01-01T00:00:00Z' })).status).toBe(
			400
		);
		expect((await owner.delete(`${base}/links/${created.body.id}`)).status).toBe(204);
		expect((await owner.delete(`${base}/links/${created.body.id}`)).status).toBe(404);
		const after = await owner.get<{ links: { id: string }[] }>(`${base}/links`);
		expect(after.body.links.map((l) => l.id)).not.toContain(created.body.id);
	});

	it('transfers ownership to a member, who then shares while the old owner edits', async () => {
		const created = await owner.post<Workbook>('/api/v1/workbooks', { title: 'To hand over' });
		const base = `/api/v1/workbooks/${created.body.id}`;
		const editorEmail = (await editor.get<{ user: { email: string } }>('/api/v1/me')).body.user
			.email;
		await shareWith(
			server,
			owner,
			created.body.id,
			{ client: editor, email: editorEmail },
			'editor'
		);
		expect((await owner.request('PUT', `${base}/owner`, { userId: editorId })).status).toBe(200);
		expect((await editor.post(`${base}/links`, { label: 'mine now' })).status).toBe(201);
		expect((await owner.post(`${base}/links`, { label: 'not mine' })).status).toBe(403);
		const mine = await owner.get<{ role: string }>(base);
		expect(mine.body.role).toBe('editor');
	});

	it('records invitations, role changes, removals and links in the audit trail', async () => {
		const events = await owner.get<{ events: { kind: string }[] }>(
			`/api/v1/workbooks/${workbookId}/share-events`
		);
		const kinds = new Set(events.body.events.map((event) => event.kind));
		for (const kind of ['invite', 'role_change', 'leave', 'link_created', 'link_revoked']) {
			expect(kinds).toContain(kind);
		}
	});
});
