import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { scenariosMap } from '../../src/lib/core/document';
import { listScenarios } from '../../src/lib/core/scenarios';
import { connectClient } from '../helpers/collab-client';
import { DATABASE_KINDS } from '../helpers/databases';
import { ApiClient, uniqueEmail } from '../helpers/http-client';
import { shareWith } from '../helpers/invitations';
import { startTestServer, type TestServer } from '../helpers/server';
import { waitFor } from '../helpers/wait';

interface Scenario {
	id: string;
	name: string;
	overrides: { ref: string; input: string }[];
	createdBy: string;
	updatedAt: string;
}

interface Comparison {
	names: string[];
	columns: {
		scenario: { id: string; name: string } | null;
		values: Record<string, number>;
		differences?: Record<string, number>;
	}[];
}

function payment(rate: number, years: number, loan: number): number {
	const r = rate / 12;
	return (loan * r) / (1 - (1 + r) ** -(years * 12));
}

describe.each(DATABASE_KINDS)('scenarios API on %s', (kind) => {
	let server: TestServer;
	let owner: ApiClient;
	let viewer: ApiClient;
	let stranger: ApiClient;
	let anonymous: ApiClient;
	let workbookId: string;
	let linkToken: string;
	let ownerId: string;

	const base = () => `/api/v1/workbooks/${workbookId}`;
	const nameValue = async (name: string): Promise<number> => {
		const names = await owner.get<{ names: { name: string; value: number }[] }>(`${base()}/names`);
		return names.body.names.find((entry) => entry.name === name)!.value;
	};
	const nameRef = async (name: string): Promise<string> => {
		const names = await owner.get<{ names: { name: string; ref: string }[] }>(`${base()}/names`);
		return names.body.names.find((entry) => entry.name === name)!.ref;
	};

	beforeAll(async () => {
		server = await startTestServer(kind);
		[owner, viewer, stranger, anonymous] = [0, 1, 2, 3].map(() => new ApiClient(server.url));
		await owner.register(uniqueEmail('scenario-owner'));
		ownerId = (await owner.get<{ user: { id: string } }>('/api/v1/me')).body.user.id;
		const viewerEmail = uniqueEmail('scenario-viewer');
		await viewer.register(viewerEmail);
		await stranger.register(uniqueEmail('scenario-stranger'));
		workbookId = (
			await owner.post<{ id: string }>('/api/v1/workbooks', {
				title: 'Duplex',
				template: 'property'
			})
		).body.id;
		await shareWith(server, owner, workbookId, { client: viewer, email: viewerEmail }, 'viewer');
		linkToken = (await owner.post<{ token: string }>(`${base()}/links`, {})).body.token;
	}, 120_000);

	afterAll(async () => {
		await server?.stop();
		await server?.database.drop();
	});

	it('creates a scenario with an override and compares it with the base as computed by hand', async () => {
		const created = await owner.post<Scenario>(`${base()}/scenarios`, {
			name: 'Rate 7.5 %',
			overrides: [{ ref: 'InterestRate', input: '7.5%' }]
		});
		expect(created.status).toBe(201);
		expect(created.body).toMatchObject({
			name: 'Rate 7.5 %',
			overrides: [
				{ ref: await nameRef('InterestRate').then((ref) => ref.replace(/\$/g, '')), input: '0.075' }
			],
			createdBy: ownerId
		});
		const compare = await owner.get<Comparison>(
			`${base()}/scenarios/compare?names=MonthlyPayment,NOI,CashFlow,DSCR`
		);
		expect(compare.status).toBe(200);
		expect(compare.body.names).toEqual(['MonthlyPayment', 'NOI', 'CashFlow', 'DSCR']);
		const [baseColumn, scenario] = compare.body.columns;
		expect(baseColumn.scenario).toBeNull();
		expect(scenario.scenario).toEqual({ id: created.body.id, name: 'Rate 7.5 %' });
		const loan = (await nameValue('PurchasePrice')) * (1 - (await nameValue('DownPaymentPct')));
		const years = await nameValue('LoanTermYears');
		const noi = await nameValue('NOI');
		expect(baseColumn.values.MonthlyPayment).toBeCloseTo(payment(0.065, years, loan), 6);
		expect(scenario.values.MonthlyPayment).toBeCloseTo(payment(0.075, years, loan), 6);
		expect(scenario.values.NOI).toBeCloseTo(noi, 6);
		expect(scenario.values.CashFlow).toBeCloseTo(noi - 12 * payment(0.075, years, loan), 6);
		expect(scenario.values.DSCR).toBeCloseTo(noi / (12 * payment(0.075, years, loan)), 9);
		expect(scenario.differences!.NOI).toBeCloseTo(0, 9);
		// The base is untouched.
		expect(await nameValue('InterestRate')).toBe(0.065);
		const defaults = await viewer.get<Comparison>(`${base()}/scenarios/compare`);
		expect(defaults.body.names).toEqual([
			'MonthlyPayment',
			'NOI',
			'CashFlow',
			'CapRate',
			'CashOnCash',
			'DSCR',
			'IRR'
		]);
	});

	it('keeps an override on its cell when a row is inserted above it', async () => {
		const created = await owner.post<Scenario>(`${base()}/scenarios`, {
			name: 'Taxes up',
			overrides: [{ ref: 'PropertyTaxes', input: '6000' }]
		});
		const before = created.body.overrides[0].ref;
		const row = Number(/\d+$/.exec(before)![0]);
		const inserted = await owner.post(`${base()}/ops`, {
			ops: [{ op: 'insertRows', sheet: 'Assumptions', at: 2, count: 1 }]
		});
		expect(inserted.status).toBe(200);
		const listed = await owner.get<{ scenarios: Scenario[] }>(`${base()}/scenarios`);
		const taxes = listed.body.scenarios.find((s) => s.id === created.body.id)!;
		expect(taxes.overrides).toEqual([
			{ ref: before.replace(/\d+$/, String(row + 1)), input: '6000' }
		]);
		const compare = await owner.get<Comparison>(`${base()}/scenarios/compare?names=NOI`);
		const column = compare.body.columns.find((c) => c.scenario?.id === created.body.id)!;
		expect(column.differences!.NOI).toBeCloseTo(-(6000 - 4200), 6);
	});

	it('changes, applies and deletes scenarios; refuses bad input with a clear error', async () => {
		const created = await owner.post<Scenario>(`${base()}/scenarios`, { name: 'Offer at 240k' });
		const id = created.body.id;
		const patched = await owner.patch<Scenario>(`${base()}/scenarios/${id}`, {
			name: 'Offer at 240,000',
			set: [{ ref: 'PurchasePrice', input: '240000' }]
		});
		expect(patched.status).toBe(200);
		expect(patched.body).toMatchObject({
			name: 'Offer at 240,000',
			overrides: [{ input: '240000' }]
		});
		const refusals = {
			unknownName: await owner.patch(`${base()}/scenarios/${id}`, {
				set: [{ ref: 'NoSuchName', input: '1' }]
			}),
			formula: await owner.patch(`${base()}/scenarios/${id}`, {
				set: [{ ref: 'PurchasePrice', input: '=1+1' }]
			}),
			deletedSheet: await owner.patch(`${base()}/scenarios/${id}`, {
				set: [{ ref: 'Gone!B2', input: '1' }]
			}),
			tooMany: await owner.patch(`${base()}/scenarios/${id}`, {
				set: Array.from({ length: 1000 }, (_, i) => ({ ref: `Z${i + 1}`, input: '1' }))
			}),
			duplicate: await owner.post(`${base()}/scenarios`, { name: 'rate 7.5 %' }),
			noName: await owner.post(`${base()}/scenarios`, {}),
			missing: await owner.patch(`${base()}/scenarios/nope`, { name: 'x' })
		};
		expect(Object.fromEntries(Object.entries(refusals).map(([k, r]) => [k, r.status]))).toEqual({
			unknownName: 400,
			formula: 400,
			deletedSheet: 400,
			tooMany: 413,
			duplicate: 409,
			noName: 400,
			missing: 404
		});
		expect(refusals.formula.body).toMatchObject({ error: { code: 'invalid_operation' } });
		// Nothing changed by the refusals.
		const after = await owner.get<{ scenarios: Scenario[] }>(`${base()}/scenarios`);
		expect(after.body.scenarios.find((s) => s.id === id)!.overrides).toHaveLength(1);

		const applied = await owner.post(`${base()}/scenarios/${id}/apply`);
		expect(applied.status).toBe(200);
		expect(await nameValue('PurchasePrice')).toBe(240000);
		expect((await owner.delete(`${base()}/scenarios/${id}`)).status).toBe(204);
		expect((await owner.delete(`${base()}/scenarios/${id}`)).status).toBe(404);
	});

	it('tabulates sensitivity and seeks a goal, answering 422 when there is no solution', async () => {
		const table = await viewer.get<{
			input: string;
			outputs: string[];
			rows: { value: number; results: Record<string, number> }[];
		}>(
			`${base()}/sensitivity?input=InterestRate&values=5%25:8%25:0.5%25&outputs=DSCR,MonthlyPayment`
		);
		expect(table.status).toBe(200);
		expect(table.body.rows.map((row) => row.value)).toEqual([
			0.05, 0.055, 0.06, 0.065, 0.07, 0.075, 0.08
		]);
		const dscr = table.body.rows.map((row) => row.results.DSCR);
		for (let i = 1; i < dscr.length; i++) expect(dscr[i]).toBeLessThan(dscr[i - 1]);
		const seek = await viewer.get<{ value: number }>(
			`${base()}/goal-seek?input=MonthlyRent&output=DSCR&target=1.25`
		);
		expect(seek.status).toBe(200);
		const check = await viewer.get<{ rows: { results: Record<string, number> }[] }>(
			`${base()}/sensitivity?input=MonthlyRent&values=${seek.body.value}&outputs=DSCR`
		);
		expect(check.body.rows[0].results.DSCR).toBeCloseTo(1.25, 6);
		const none = await viewer.get(
			`${base()}/goal-seek?input=MonthlyRent&output=DSCR&target=1.25&min=0&max=10`
		);
		expect(none.status).toBe(422);
		expect(none.body).toMatchObject({ error: { code: 'no_solution' } });
		expect(
			(await viewer.get(`${base()}/sensitivity?input=Nope&values=1&outputs=DSCR`)).status
		).toBe(400);
		expect(
			(await viewer.get(`${base()}/sensitivity?input=InterestRate&values=0:1000:1&outputs=DSCR`))
				.status
		).toBe(413);
	});

	it('lets viewers and view-only links read scenarios and compare, never change them (HTTP)', async () => {
		const link = { authorization: `Bearer ${linkToken}` };
		expect((await anonymous.get(`${base()}/scenarios`, link)).status).toBe(200);
		expect((await anonymous.get(`${base()}/scenarios/compare?names=NOI`, link)).status).toBe(200);
		expect(
			(await anonymous.get(`${base()}/goal-seek?input=MonthlyRent&output=DSCR&target=1.25`, link))
				.status
		).toBe(200);
		const listed = await viewer.get<{ scenarios: Scenario[] }>(`${base()}/scenarios`);
		const id = listed.body.scenarios[0].id;
		const writes = [
			await viewer.post(`${base()}/scenarios`, { name: 'Mine' }),
			await viewer.patch(`${base()}/scenarios/${id}`, { name: 'Mine' }),
			await viewer.delete(`${base()}/scenarios/${id}`),
			await viewer.post(`${base()}/scenarios/${id}/apply`)
		];
		expect(writes.map((r) => r.status)).toEqual([403, 403, 403, 403]);
		expect((await anonymous.post(`${base()}/scenarios`, { name: 'x' }, link)).status).toBe(401);
		expect((await stranger.get(`${base()}/scenarios`)).status).toBe(404);
	});

	it('shows scenario changes live on sockets and never applies a viewer’s or link’s', async () => {
		const ownerClient = connectClient(server.url, workbookId, { cookie: owner.sessionCookie });
		const viewerClient = connectClient(server.url, workbookId, { cookie: viewer.sessionCookie });
		const linkClient = connectClient(server.url, workbookId, { params: { link: linkToken } });
		try {
			await waitFor(
				() =>
					ownerClient.provider.synced && viewerClient.provider.synced && linkClient.provider.synced
			);
			const [first] = listScenarios(viewerClient.doc);
			// A viewer and a link try to rename a scenario over the socket.
			first.map.set('name', 'Hijacked');
			listScenarios(linkClient.doc)[0].map.set('name', 'Hijacked too');
			const created = await owner.post<Scenario>(`${base()}/scenarios`, { name: 'Live one' });
			await waitFor(() => scenariosMap(viewerClient.doc).has(created.body.id));
			await waitFor(() => scenariosMap(linkClient.doc).has(created.body.id));
			const fresh = connectClient(server.url, workbookId, { cookie: owner.sessionCookie });
			try {
				await waitFor(() => fresh.provider.synced && scenariosMap(fresh.doc).has(created.body.id));
				expect(listScenarios(fresh.doc).map((s) => s.name)).not.toContain('Hijacked');
				expect(listScenarios(fresh.doc).map((s) => s.name)).not.toContain('Hijacked too');
			} finally {
				fresh.provider.destroy();
			}
		} finally {
			ownerClient.provider.destroy();
			viewerClient.provider.destroy();
			linkClient.provider.destroy();
		}
	});

	it('refuses malformed scenario data from an editor’s socket and keeps the document whole', async () => {
		const client = connectClient(server.url, workbookId, { cookie: owner.sessionCookie });
		try {
			await waitFor(() => client.provider.synced);
			const [first] = listScenarios(client.doc);
			(first.overrides as unknown as Y.Map<unknown>).set('not-a-key', 5);
			// A valid edit after it: either the socket was closed for the bad frame, or both went
			// through the same pipeline in order and the valid one shows whether the bad one landed.
			first.map.set('updatedAt', 1);
			await waitFor(
				async () =>
					!client.provider.wsconnected ||
					(await owner.get<{ scenarios: Scenario[] }>(`${base()}/scenarios`)).body.scenarios.some(
						(s) => s.updatedAt === new Date(1).toISOString()
					)
			);
		} finally {
			client.provider.destroy();
		}
		const listed = await owner.get<{ scenarios: Scenario[] }>(`${base()}/scenarios`);
		expect(listed.status).toBe(200);
		const fresh = connectClient(server.url, workbookId, { cookie: owner.sessionCookie });
		try {
			await waitFor(() => fresh.provider.synced);
			const stored = listScenarios(fresh.doc)[0].overrides;
			expect(stored.has('not-a-key')).toBe(false);
		} finally {
			fresh.provider.destroy();
		}
	});

	it('copies a whole workbook, scenarios included, for any member with an account', async () => {
		const copy = await viewer.post<{ id: string; title: string; role: string }>(`${base()}/copy`, {
			title: 'My what-ifs'
		});
		expect(copy.status).toBe(201);
		expect(copy.body).toMatchObject({ title: 'My what-ifs', role: 'owner' });
		const scenarios = await viewer.get<{ scenarios: Scenario[] }>(
			`/api/v1/workbooks/${copy.body.id}/scenarios`
		);
		const original = await owner.get<{ scenarios: Scenario[] }>(`${base()}/scenarios`);
		expect(scenarios.body.scenarios.map((s) => s.name)).toEqual(
			original.body.scenarios.map((s) => s.name)
		);
		const members = await viewer.get<{ members: unknown[] }>(
			`/api/v1/workbooks/${copy.body.id}/members`
		);
		expect(members.body.members).toHaveLength(1);
		expect((await owner.get(`/api/v1/workbooks/${copy.body.id}`)).status).toBe(404);
		expect((await stranger.post(`${base()}/copy`, { title: 'x' })).status).toBe(404);
		expect(
			(
				await anonymous.post(
					`${base()}/copy`,
					{ title: 'x' },
					{ authorization: `Bearer ${linkToken}` }
				)
			).status
		).toBe(401);
	});
});
