import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_KINDS } from '../helpers/databases';
import { ApiClient, uniqueEmail } from '../helpers/http-client';
import { closeCodeOf, connectClient } from '../helpers/collab-client';
import { shareWith } from '../helpers/invitations';
import { startTestServer, type TestServer } from '../helpers/server';
import { waitFor } from '../helpers/wait';

interface Summary {
	id: string;
	title: string;
	role: string;
	updatedAt: string;
	lastEditedBy: { id: string; name: string } | null;
	sheets?: { id: string; name: string }[];
}

describe.each(DATABASE_KINDS)('workbooks API on %s', (kind) => {
	let server: TestServer;
	let alice: ApiClient;
	let bob: ApiClient;
	let bobEmail: string;

	beforeAll(async () => {
		server = await startTestServer(kind);
		alice = new ApiClient(server.url);
		await alice.register(uniqueEmail('alice'), undefined, 'Alice');
		bob = new ApiClient(server.url);
		bobEmail = uniqueEmail('bob');
		await bob.register(bobEmail, undefined, 'Bob');
	});

	afterAll(async () => {
		await server?.stop();
		await server?.database.drop();
	});

	it('creates a blank workbook seeded on the server with one sheet', async () => {
		const created = await alice.post<Summary>('/api/v1/workbooks', { title: '  12 Elm St  ' });
		expect(created.status).toBe(201);
		expect(created.body).toMatchObject({ title: '12 Elm St', role: 'owner' });
		const fetched = await alice.get<Summary>(`/api/v1/workbooks/${created.body.id}`);
		expect(fetched.status).toBe(200);
		expect(fetched.body.sheets).toMatchObject([{ id: expect.any(String), name: 'Sheet1' }]);
	});

	it('lists my workbooks with my role and who edited last', async () => {
		const created = await alice.post<Summary>('/api/v1/workbooks', { title: 'Listed' });
		const list = await alice.get<{ workbooks: Summary[] }>('/api/v1/workbooks');
		expect(list.status).toBe(200);
		const entry = list.body.workbooks.find((w) => w.id === created.body.id);
		expect(entry).toMatchObject({ title: 'Listed', role: 'owner' });
		expect(entry?.lastEditedBy?.name).toBe('Alice');
		const bobs = await bob.get<{ workbooks: Summary[] }>('/api/v1/workbooks');
		expect(bobs.body.workbooks.map((w) => w.id)).not.toContain(created.body.id);
	});

	it('records who edited last even when two people edit within the same second', async () => {
		const created = await alice.post<Summary>('/api/v1/workbooks', { title: 'Two editors' });
		const path = `/api/v1/workbooks/${created.body.id}`;
		await shareWith(server, alice, created.body.id, { client: bob, email: bobEmail }, 'editor');
		const lastEditor = async () =>
			(await alice.get<{ workbooks: Summary[] }>('/api/v1/workbooks')).body.workbooks.find(
				(w) => w.id === created.body.id
			)?.lastEditedBy?.name;
		expect(
			(await alice.post(`${path}/cells`, { updates: [{ ref: 'A1', input: '1' }] })).status
		).toBe(200);
		expect((await bob.post(`${path}/cells`, { updates: [{ ref: 'A2', input: '2' }] })).status).toBe(
			200
		);
		// The list reads the update log, so the last editor shows as soon as the edit is answered.
		expect(await lastEditor()).toBe('Bob');
	});

	it('refuses a missing title or an unknown template with 400', async () => {
		expect((await alice.post('/api/v1/workbooks', {})).status).toBe(400);
		expect((await alice.post('/api/v1/workbooks', { title: 'x'.repeat(201) })).status).toBe(400);
		const template = await alice.post<{ error: { code: string } }>('/api/v1/workbooks', {
			title: 'T',
			template: 'mansion'
		});
		expect(template.status).toBe(400);
		expect(template.body.error.code).toBe('unknown_template');
	});

	it('requires a session', async () => {
		const anonymous = new ApiClient(server.url);
		expect((await anonymous.get('/api/v1/workbooks')).status).toBe(401);
		expect((await anonymous.post('/api/v1/workbooks', { title: 'x' })).status).toBe(401);
	});

	it('renames a workbook', async () => {
		const created = await alice.post<Summary>('/api/v1/workbooks', { title: 'Old' });
		const renamed = await alice.patch<Summary>(`/api/v1/workbooks/${created.body.id}`, {
			title: 'New'
		});
		expect(renamed.status).toBe(200);
		expect(renamed.body.title).toBe('New');
		expect((await alice.patch(`/api/v1/workbooks/${created.body.id}`, { title: '' })).status).toBe(
			400
		);
	});

	it('answers 404 for a workbook someone cannot see, whatever they try', async () => {
		const created = await alice.post<Summary>('/api/v1/workbooks', { title: 'Private' });
		const path = `/api/v1/workbooks/${created.body.id}`;
		expect((await bob.get(path)).status).toBe(404);
		expect((await bob.patch(path, { title: 'Mine' })).status).toBe(404);
		expect((await bob.delete(path)).status).toBe(404);
		expect((await alice.get('/api/v1/workbooks/doesnotexist')).status).toBe(404);
		expect((await alice.get(path)).body).toMatchObject({ title: 'Private' });
	});

	it('deletes a workbook with its document and closes its sockets with 4404', async () => {
		const created = await alice.post<Summary>('/api/v1/workbooks', { title: 'Doomed' });
		const id = created.body.id;
		const { provider } = connectClient(server.url, id, { cookie: alice.sessionCookie });
		await waitFor(() => provider.synced);
		let closedWith: number | undefined;
		provider.on('connection-close', (event) => {
			closedWith ??= event?.code;
		});
		const deleted = await alice.delete(`/api/v1/workbooks/${id}`);
		expect(deleted.status).toBe(204);
		await waitFor(() => closedWith !== undefined);
		expect(closedWith).toBe(4404);
		provider.destroy();
		expect((await alice.get(`/api/v1/workbooks/${id}`)).status).toBe(404);
		const reopened = await closeCodeOf(`${server.url.replace('http', 'ws')}/collab/${id}`, {
			cookie: alice.sessionCookie!
		});
		expect(reopened.code).toBe(4404);
	});
});
