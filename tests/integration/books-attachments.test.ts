import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_KINDS } from '../helpers/databases';
import { ApiClient, uniqueEmail } from '../helpers/http-client';
import { shareWith } from '../helpers/invitations';
import { startTestServer, type TestServer } from '../helpers/server';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
const PNG = Buffer.concat([
	Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
	Buffer.alloc(64, 7)
]);
/** A Windows executable's header, named like a receipt. */
const EXE = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(126, 0x90)]);

interface Info {
	id: string;
	name: string;
	size: number;
	type: string;
	sha256: string;
	row: string | null;
}

describe.each(DATABASE_KINDS)('receipts and documents on %s', (kind) => {
	let server: TestServer;
	const clients: Record<'owner' | 'editor' | 'viewer' | 'stranger', ApiClient> = {} as never;
	let link: ApiClient;
	let id: string;
	let receipt: Info;

	async function send(
		who: ApiClient | null,
		body: Buffer,
		query: string,
		type = 'application/pdf'
	) {
		const response = await fetch(`${server.url}/api/v1/workbooks/${id}/attachments${query}`, {
			method: 'POST',
			headers: { 'content-type': type, cookie: who?.sessionCookie ?? '' },
			body: new Uint8Array(body)
		});
		return {
			status: response.status,
			body: (await response.json()) as Info & { error?: { code: string; message: string } }
		};
	}

	beforeAll(async () => {
		server = await startTestServer(kind, { env: { ATTACHMENT_QUOTA_BYTES: String(4096) } });
		for (const role of ['owner', 'editor', 'viewer', 'stranger'] as const) {
			clients[role] = new ApiClient(server.url);
		}
		await clients.owner.register(uniqueEmail('owner'));
		const created = await clients.owner.post<{ id: string }>('/api/v1/workbooks', {
			title: '12 Elm St',
			template: 'property'
		});
		id = created.body.id;
		for (const role of ['editor', 'viewer'] as const) {
			const email = uniqueEmail(role);
			await clients[role].register(email);
			await shareWith(server, clients.owner, id, { client: clients[role], email }, role);
		}
		await clients.stranger.register(uniqueEmail('stranger'));
		const made = await clients.owner.post<{ token: string }>(`/api/v1/workbooks/${id}/links`, {
			label: 'CPA'
		});
		link = new ApiClient(server.url, { authorization: `Bearer ${made.body.token}` });
	});

	afterAll(async () => {
		await server?.stop();
		await server?.database.drop();
	});

	it('attaches a PDF to a ledger row, content-hashed, and stores the same file once', async () => {
		const first = await send(clients.editor, PDF, '?name=receipt.pdf&row=4');
		expect(first.status).toBe(201);
		expect(first.body).toMatchObject({
			name: 'receipt.pdf',
			size: PDF.length,
			type: 'application/pdf'
		});
		expect(first.body.sha256).toMatch(/^[0-9a-f]{64}$/);
		receipt = first.body;
		const again = await send(clients.owner, PDF, '?name=copy.pdf');
		expect(again.status).toBe(201);
		expect(again.body.sha256).toBe(first.body.sha256);
		const rowOnly = await clients.owner.get<{ attachments: Info[] }>(
			`/api/v1/workbooks/${id}/attachments?row=4`
		);
		expect(rowOnly.body.attachments.map((a) => a.name)).toEqual(['receipt.pdf']);
		// Quota 4 KiB: two copies of a small PDF count once, so a PNG still fits.
		expect((await send(clients.owner, PNG, '?name=photo.png', 'image/png')).status).toBe(201);
	});

	it('serves the bytes as a download with nosniff, inline only for a preview', async () => {
		const response = await fetch(`${server.url}/api/v1/workbooks/${id}/attachments/${receipt.id}`, {
			headers: { cookie: clients.viewer.sessionCookie ?? '' }
		});
		expect(response.status).toBe(200);
		expect(response.headers.get('content-type')).toBe('application/pdf');
		expect(response.headers.get('content-disposition')).toMatch(
			/^attachment; filename="receipt.pdf"/
		);
		expect(response.headers.get('x-content-type-options')).toBe('nosniff');
		expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
		expect(Buffer.from(await response.arrayBuffer()).equals(PDF)).toBe(true);
		const preview = await fetch(
			`${server.url}/api/v1/workbooks/${id}/attachments/${receipt.id}?inline=1`,
			{ headers: { cookie: clients.viewer.sessionCookie ?? '' } }
		);
		expect(preview.headers.get('content-disposition')).toMatch(/^inline/);
		expect(preview.headers.get('content-security-policy')).not.toContain('script');
	});

	it('lets owner, editor, viewer and link read, and nobody else; only editors change', async () => {
		const base = `/api/v1/workbooks/${id}/attachments`;
		const readers = { ...clients, link };
		const expected = { owner: 200, editor: 200, viewer: 200, link: 200, stranger: 404 };
		for (const [who, status] of Object.entries(expected)) {
			const client = readers[who as keyof typeof readers];
			expect((await client.get(base)).status, `list as ${who}`).toBe(status);
			expect((await client.get(`${base}/${receipt.id}`)).status, `read as ${who}`).toBe(status);
		}
		expect((await new ApiClient(server.url).get(base)).status).toBe(401);
		expect((await send(clients.viewer, PDF, '?name=x.pdf')).status).toBe(403);
		expect((await send(clients.stranger, PDF, '?name=x.pdf')).status).toBe(404);
		expect((await send(null, PDF, '?name=x.pdf')).status).toBe(401);
		expect((await clients.viewer.delete(`${base}/${receipt.id}`)).status).toBe(403);
		expect((await link.delete(`${base}/${receipt.id}`)).status).toBe(401);
	});

	it('refuses an executable named .pdf, a lying type, and an unknown row', async () => {
		const exe = await send(clients.owner, EXE, '?name=receipt.pdf');
		expect(exe.status).toBe(422);
		expect(exe.body.error?.code).toBe('unsupported_type');
		const lying = await send(clients.owner, PNG, '?name=r.pdf', 'application/pdf');
		expect(lying.status).toBe(422);
		const row = await send(clients.owner, PDF, '?name=r.pdf&row=9999');
		expect(row.status).toBe(404);
	});

	it('answers 413 past the quota and past 10 MiB, storing nothing', async () => {
		const big = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(5000, 32)]);
		const over = await send(clients.owner, big, '?name=big.pdf');
		expect(over.status).toBe(413);
		expect(over.body.error?.code).toBe('quota_exceeded');
		const huge = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(10 * 1024 * 1024, 32)]);
		expect((await send(clients.owner, huge, '?name=huge.pdf')).status).toBe(413);
		const listed = await clients.owner.get<{ attachments: Info[] }>(
			`/api/v1/workbooks/${id}/attachments`
		);
		expect(listed.body.attachments).toHaveLength(3);
	});

	it('deletes an attachment, keeping bytes another attachment shares, and all with the workbook', async () => {
		const base = `/api/v1/workbooks/${id}/attachments`;
		expect((await clients.editor.delete(`${base}/${receipt.id}`)).status).toBe(204);
		expect((await clients.owner.get(`${base}/${receipt.id}`)).status).toBe(404);
		const listed = await clients.owner.get<{ attachments: Info[] }>(base);
		const copy = listed.body.attachments.find((a) => a.name === 'copy.pdf')!;
		const bytes = await fetch(`${server.url}${base}/${copy.id}`, {
			headers: { cookie: clients.owner.sessionCookie ?? '' }
		});
		expect(Buffer.from(await bytes.arrayBuffer()).equals(PDF)).toBe(true);
		expect((await clients.owner.delete(`/api/v1/workbooks/${id}`)).status).toBe(204);
		expect((await clients.owner.get(`${base}/${copy.id}`)).status).toBe(404);
	});
});
