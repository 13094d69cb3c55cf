import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_KINDS } from '../helpers/databases';
import { connectClient } from '../helpers/collab-client';
import { ApiClient, uniqueEmail } from '../helpers/http-client';
import { shareWith } from '../helpers/invitations';
import { startTestServer, type TestServer } from '../helpers/server';
import { waitFor } from '../helpers/wait';
import { readLedgerState } from '../../src/lib/core/books/ledger-doc';

const fixture = (name: string) => readFileSync(`tests/fixtures/statements/${name}`);
const CHASE_MAPPING = {
	date: 'Transaction Date',
	description: 'Description',
	debit: 'Debit',
	credit: 'Credit',
	memo: 'Memo'
};

interface ImportAnswer {
	added: number;
	duplicates: number;
	uncategorised: number;
	preview: { description: string; line: string | null; suggested: string | null }[];
}

interface Cell {
	ref: string;
	input: string;
	value: unknown;
}

describe.each(DATABASE_KINDS)('bank statements into the ledger on %s', (kind) => {
	let server: TestServer;
	let owner: ApiClient;
	let viewer: ApiClient;
	let id: string;

	async function importCsv(
		client: ApiClient,
		body: Buffer | string,
		query = '',
		type = 'text/csv'
	) {
		return client.request<ImportAnswer & { error?: { code: string; message: string } }>(
			'POST',
			`/api/v1/workbooks/${id}/ledger/import${query}`,
			typeof body === 'string' ? body : body.toString('latin1'),
			{ 'content-type': type }
		);
	}

	async function ledgerRows(from: number, to: number): Promise<Cell[][]> {
		const response = await owner.get<{ cells: Cell[][] }>(
			`/api/v1/workbooks/${id}/cells?sheet=Ledger&range=A${from}:Q${to}`
		);
		return response.body.cells;
	}

	beforeAll(async () => {
		server = await startTestServer(kind);
		owner = new ApiClient(server.url);
		viewer = new ApiClient(server.url);
		await owner.register(uniqueEmail('owner'));
		const viewerEmail = uniqueEmail('viewer');
		await viewer.register(viewerEmail);
		const created = await owner.post<{ id: string }>('/api/v1/workbooks', {
			title: '12 Elm St',
			template: 'property'
		});
		id = created.body.id;
		await shareWith(server, owner, id, { client: viewer, email: viewerEmail }, 'viewer');
	});

	afterAll(async () => {
		await server?.stop();
		await server?.database.drop();
	});

	it('asks for a mapping the first time, and previews without writing on a dry run', async () => {
		const missing = await importCsv(owner, fixture('chase.csv'));
		expect(missing.status).toBe(400);
		expect(missing.body.error?.code).toBe('mapping_required');
		expect(missing.body.error?.message).toContain('Transaction Date');

		const mapping = encodeURIComponent(JSON.stringify(CHASE_MAPPING));
		const dry = await importCsv(owner, fixture('chase.csv'), `?dryRun=1&mapping=${mapping}`);
		expect(dry.status).toBe(200);
		expect(dry.body).toMatchObject({ added: 5, duplicates: 0, uncategorised: 5 });
		expect(dry.body.preview.map((row) => row.description)).toContain('STATE FARM INSURANCE');
		const rows = await ledgerRows(12, 12);
		expect(rows[0][0].input).toBe('');
	});

	it('imports rows live for a co-owner, then dedupes a re-import by the remembered mapping', async () => {
		const watcher = connectClient(server.url, id, { cookie: viewer.sessionCookie });
		await waitFor(() => watcher.provider.synced);
		const before = readLedgerState(watcher.doc).nextRow;

		const rule = await owner.post(`/api/v1/workbooks/${id}/ledger/rules`, {
			contains: 'State Farm',
			line: '9'
		});
		expect(rule.status).toBe(201);
		const mapping = encodeURIComponent(JSON.stringify(CHASE_MAPPING));
		const first = await importCsv(owner, fixture('chase.csv'), `?mapping=${mapping}`);
		expect(first.status).toBe(201);
		expect(first.body).toMatchObject({ added: 5, duplicates: 0, uncategorised: 4 });

		await waitFor(() => readLedgerState(watcher.doc).nextRow === before + 5);
		watcher.provider.destroy();

		const rows = await ledgerRows(before + 1, before + 5);
		expect(rows.map((row) => [row[1].value, row[2].value, row[3].value, row[13].value])).toEqual([
			['STATE FARM INSURANCE', 1200, 9, 'out'],
			['HOME DEPOT #1234', 45.1, null, 'out'],
			['HOME DEPOT #1234', 45.1, null, 'out'],
			['ZELLE FROM J RIVERA', 1650, null, 'in'],
			['CITY UTILITIES', 95, null, 'out']
		]);

		const again = await importCsv(owner, fixture('chase.csv'));
		expect(again.status).toBe(201);
		expect(again.body).toMatchObject({ added: 0, duplicates: 5 });
	});

	it('imports a European file through a multipart form with its mapping', async () => {
		const form = new FormData();
		form.set('file', new Blob([fixture('european.csv')], { type: 'text/csv' }), 'konto.csv');
		form.set(
			'mapping',
			JSON.stringify({
				date: 'Buchungstag',
				description: 'Empfänger',
				amount: 'Betrag',
				dateFormat: 'DD.MM.YYYY',
				decimal: ','
			})
		);
		const response = await fetch(`${server.url}/api/v1/workbooks/${id}/ledger/import`, {
			method: 'POST',
			headers: { cookie: owner.sessionCookie ?? '', origin: server.url },
			body: form
		});
		expect(response.status).toBe(201);
		expect(await response.json()).toMatchObject({ added: 3, duplicates: 0 });
	});

	it('refuses viewers, bad mappings and unreadable files, changing nothing', async () => {
		const mapping = encodeURIComponent(JSON.stringify(CHASE_MAPPING));
		const denied = await importCsv(viewer, fixture('chase.csv'), `?mapping=${mapping}`);
		expect(denied.status).toBe(403);
		const bad = await importCsv(owner, fixture('chase.csv'), '?mapping=%7Bnope');
		expect(bad.status).toBe(400);
		expect(bad.body.error?.code).toBe('invalid_mapping');
		const wrong = await importCsv(
			owner,
			fixture('chase.csv'),
			`?mapping=${encodeURIComponent(JSON.stringify({ ...CHASE_MAPPING, date: 'Datum' }))}`
		);
		expect(wrong.status).toBe(422);
		const empty = await importCsv(owner, '');
		expect(empty.status).toBe(400);
	});

	it('lists, adds and deletes rules; viewers read them but cannot change them', async () => {
		const listed = await viewer.get<{ rules: { id: string; contains: string; line: string }[] }>(
			`/api/v1/workbooks/${id}/ledger/rules`
		);
		expect(listed.status).toBe(200);
		expect(listed.body.rules).toContainEqual(
			expect.objectContaining({ contains: 'State Farm', line: '9' })
		);
		const before = listed.body.rules.length;
		const invalid = await owner.post(`/api/v1/workbooks/${id}/ledger/rules`, {
			contains: 'x',
			line: '2'
		});
		expect(invalid.status).toBe(400);
		const forbidden = await viewer.post(`/api/v1/workbooks/${id}/ledger/rules`, {
			contains: 'x',
			line: '5'
		});
		expect(forbidden.status).toBe(403);
		const added = await owner.post<{ id: string; sign: string }>(
			`/api/v1/workbooks/${id}/ledger/rules`,
			{ contains: 'Home Depot', line: '14', sign: 'out' }
		);
		expect(added.body).toMatchObject({ contains: 'Home Depot', line: '14', sign: 'out' });
		const gone = await owner.delete(`/api/v1/workbooks/${id}/ledger/rules/${added.body.id}`);
		expect(gone.status).toBe(204);
		const again = await owner.delete(`/api/v1/workbooks/${id}/ledger/rules/${added.body.id}`);
		expect(again.status).toBe(404);
		const after = await owner.get<{ rules: unknown[] }>(`/api/v1/workbooks/${id}/ledger/rules`);
		expect(after.body.rules).toHaveLength(before);
	});
});
