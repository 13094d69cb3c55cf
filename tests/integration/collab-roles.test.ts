/**
 * Roles below owner, before the sharing API exists: members are inserted straight into the
 * test's PostgreSQL database (PGlite cannot be opened while the server holds it), so this suite
 * runs on PostgreSQL only.
 */
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, uniqueEmail } from '../helpers/http-client';
import { connectClient } from '../helpers/collab-client';
import { startTestServer, type TestServer } from '../helpers/server';
import { waitFor } from '../helpers/wait';

describe.runIf(process.env.TEST_DATABASE_URL)('viewer and editor roles on postgres', () => {
	let server: TestServer;
	let owner: ApiClient;
	let viewer: ApiClient;
	let editor: ApiClient;
	let workbookId: string;

	beforeAll(async () => {
		server = await startTestServer('postgres');
		owner = new ApiClient(server.url);
		await owner.register(uniqueEmail('owner'));
		viewer = new ApiClient(server.url);
		const viewerUser = await viewer.register(uniqueEmail('viewer'), undefined, 'Vera Viewer');
		editor = new ApiClient(server.url);
		const editorUser = await editor.register(uniqueEmail('editor'), undefined, 'Ed Editor');
		workbookId = (await owner.post<{ id: string }>('/api/v1/workbooks', { title: 'Shared' })).body
			.id;
		const sql = postgres(server.database.env.DATABASE_URL, { max: 1, onnotice: () => {} });
		await sql`insert into workbook_member (workbook_id, user_id, role) values
			(${workbookId}, ${viewerUser.id}, 'viewer'), (${workbookId}, ${editorUser.id}, 'editor')`;
		await sql.end();
	});

	afterAll(async () => {
		await server?.stop();
		await server?.database.drop();
	});

	it('never applies or relays a viewer’s edits, while the viewer still sees others’', async () => {
		const ownerClient = connectClient(server.url, workbookId, { cookie: owner.sessionCookie });
		const viewerClient = connectClient(server.url, workbookId, { cookie: viewer.sessionCookie });
		try {
			await waitFor(() => ownerClient.provider.synced && viewerClient.provider.synced);
			viewerClient.doc.getMap('scratch').set('viewer', 'sneaky');
			ownerClient.doc.getMap('scratch').set('owner', 'hello');
			await waitFor(() => viewerClient.doc.getMap('scratch').get('owner') === 'hello');
			// The owner's edit went through the same pipeline after the viewer's: had the viewer's
			// been accepted, it would have been relayed first.
			const fresh = connectClient(server.url, workbookId, { cookie: owner.sessionCookie });
			try {
				await waitFor(() => fresh.provider.synced);
				expect(fresh.doc.getMap('scratch').toJSON()).toEqual({ owner: 'hello' });
				expect(ownerClient.doc.getMap('scratch').has('viewer')).toBe(false);
			} finally {
				fresh.provider.destroy();
			}
		} finally {
			ownerClient.provider.destroy();
			viewerClient.provider.destroy();
		}
	});

	it('lets a viewer read but answers 403 to their writes', async () => {
		const path = `/api/v1/workbooks/${workbookId}`;
		expect((await viewer.get(path)).body).toMatchObject({ role: 'viewer' });
		expect((await viewer.get(`${path}/cells?sheet=Sheet1&range=A1`)).status).toBe(200);
		expect((await viewer.patch(path, { title: 'Mine' })).status).toBe(403);
		expect(
			(await viewer.post(`${path}/cells`, { updates: [{ ref: 'A1', input: '1' }] })).status
		).toBe(403);
		expect(
			(await viewer.post(`${path}/ops`, { ops: [{ op: 'addSheet', name: 'X' }] })).status
		).toBe(403);
		expect((await viewer.delete(path)).status).toBe(403);
	});

	it('lets an editor write and rename but not delete', async () => {
		const path = `/api/v1/workbooks/${workbookId}`;
		expect(
			(await editor.post(`${path}/cells`, { updates: [{ ref: 'A1', input: '5' }] })).status
		).toBe(200);
		expect((await editor.patch(path, { title: 'Renamed' })).status).toBe(200);
		expect((await editor.delete(path)).status).toBe(403);
		const list = await editor.get<{
			workbooks: { id: string; role: string; lastEditedBy: { name: string } | null }[];
		}>('/api/v1/workbooks');
		expect(list.body.workbooks.find((w) => w.id === workbookId)?.role).toBe('editor');
	});
});
