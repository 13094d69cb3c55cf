import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_KINDS } from '../helpers/databases';
import { ApiClient, uniqueEmail } from '../helpers/http-client';
import { shareWith } from '../helpers/invitations';
import { startTestServer, type TestServer } from '../helpers/server';
import { waitFor } from '../helpers/wait';

interface Property {
	workbookId: string;
	title: string;
	role: string;
	outputs: Record<string, unknown>;
	computedAt: string | null;
	stale: boolean;
}
interface Portfolio {
	properties: Property[];
	totals: Record<string, number | number[] | null>;
}
interface NameReading {
	name: string;
	value: unknown;
}

const SUMMED = ['MonthlyRent', 'NOI', 'CashFlow', 'PropertyValue', 'LoanBalance', 'Equity'];

describe.each(DATABASE_KINDS)('portfolio and published outputs on %s', (kind) => {
	let server: TestServer;
	let investor: ApiClient;
	let partner: ApiClient;
	let stranger: ApiClient;
	const ids: string[] = [];
	let partnersId: string;
	let strangersId: string;

	const create = async (client: ApiClient, title: string) => {
		const created = await client.post<{ id: string }>('/api/v1/workbooks', {
			title,
			template: 'property'
		});
		expect(created.status).toBe(201);
		return created.body.id;
	};
	const names = async (client: ApiClient, id: string) => {
		const response = await client.get<{ names: NameReading[] }>(`/api/v1/workbooks/${id}/names`);
		return Object.fromEntries(response.body.names.map((entry) => [entry.name, entry.value]));
	};
	const portfolio = async (client: ApiClient) =>
		(await client.get<Portfolio>('/api/v1/portfolio')).body;
	const fresh = async (client: ApiClient, count: number) =>
		waitFor(
			async () => {
				const body = await portfolio(client);
				return body.properties.length === count && body.properties.every((p) => !p.stale)
					? body
					: null;
			},
			20_000,
			'fresh outputs'
		);

	beforeAll(async () => {
		server = await startTestServer(kind);
		[investor, partner, stranger] = [0, 1, 2].map(() => new ApiClient(server.url));
		const investorEmail = uniqueEmail('investor');
		await investor.register(investorEmail);
		await partner.register(uniqueEmail('partner'));
		await stranger.register(uniqueEmail('stranger'));
		ids.push(await create(investor, 'A — 12 Elm St'), await create(investor, 'B — 4 Oak Ave'));
		partnersId = await create(partner, 'C — 9 Pine Rd (partner)');
		strangersId = await create(stranger, 'Stranger’s duplex');
		await shareWith(
			server,
			partner,
			partnersId,
			{ client: investor, email: investorEmail },
			'viewer'
		);
		// Different numbers per property, so a total that drops or doubles one shows.
		await investor.post(`/api/v1/workbooks/${ids[1]}/cells`, {
			updates: [
				{ ref: 'MonthlyRent', input: '2400' },
				{ ref: 'PurchasePrice', input: '420000' }
			]
		});
		await partner.post(`/api/v1/workbooks/${partnersId}/cells`, {
			updates: [{ ref: 'MonthlyRent', input: '1900' }]
		});
	}, 120_000);

	afterAll(async () => {
		await server?.stop();
		await server?.database.drop();
	});

	it('lists own and shared property workbooks with roles; a stranger’s never appears', async () => {
		const body = await fresh(investor, 3);
		const byId = new Map(body.properties.map((p) => [p.workbookId, p]));
		expect(byId.get(ids[0])?.role).toBe('owner');
		expect(byId.get(partnersId)?.role).toBe('viewer');
		expect(byId.has(strangersId)).toBe(false);
		const strangers = await portfolio(stranger);
		expect(strangers.properties.map((p) => p.workbookId)).toEqual([strangersId]);
		expect(JSON.stringify(strangers)).not.toContain(ids[0]);
	});

	it('totals equal the sum of each workbook’s names, rates weighted', async () => {
		const body = await fresh(investor, 3);
		const readings = await Promise.all(
			[...ids, partnersId].map((id) => names(id === partnersId ? partner : investor, id))
		);
		for (const name of SUMMED) {
			const sum = readings.reduce((total, values) => total + (values[name] as number), 0);
			expect(body.totals[name], name).toBeCloseTo(sum, 6);
		}
		const noi = readings.reduce((total, values) => total + (values.NOI as number), 0);
		const value = readings.reduce((total, values) => total + (values.PropertyValue as number), 0);
		expect(body.totals.CapRate).toBeCloseTo(noi / value, 9);
		for (const property of body.properties) {
			const reading = readings[[...ids, partnersId].indexOf(property.workbookId)];
			expect(property.outputs.NOI).toBeCloseTo(reading.NOI as number, 6);
			expect(property.computedAt).not.toBeNull();
		}
	});

	it('an edit moves the totals within 3 seconds, without reading the workbook', async () => {
		const before = await fresh(investor, 3);
		const edited = await investor.post(`/api/v1/workbooks/${ids[0]}/cells`, {
			updates: [{ ref: 'MonthlyRent', input: '5000' }]
		});
		expect(edited.status).toBe(200);
		const started = Date.now();
		const after = await waitFor(
			async () => {
				const body = await portfolio(investor);
				return body.totals.MonthlyRent !== before.totals.MonthlyRent ? body : null;
			},
			3_000,
			'the totals to move'
		);
		expect(Date.now() - started).toBeLessThan(3_000);
		const rentBefore = before.properties.find((p) => p.workbookId === ids[0])!.outputs
			.MonthlyRent as number;
		expect(after.totals.MonthlyRent).toBeCloseTo(
			(before.totals.MonthlyRent as number) - rentBefore + 5000,
			6
		);
	});

	it('serves one workbook’s outputs to its viewers, 404 to strangers; editors choose them', async () => {
		const base = `/api/v1/workbooks/${ids[0]}/outputs`;
		const read = await investor.get<{ outputs: Record<string, unknown> }>(base);
		expect(read.status).toBe(200);
		expect(typeof read.body.outputs.NOI).toBe('number');
		expect((await stranger.get(base)).status).toBe(404);
		expect((await stranger.request('PUT', base, { names: ['NOI'] })).status).toBe(404);
		expect((await investor.request('PUT', base, { names: ['NoSuchName'] })).status).toBe(400);
		expect((await investor.request('PUT', base, { names: 'NOI' })).status).toBe(400);
		expect((await investor.request('PUT', base, { names: ['NOI', 'PurchasePrice'] })).status).toBe(
			200
		);
		const chosen = await waitFor(async () => {
			const body = (await investor.get<{ outputs: Record<string, unknown>; stale: boolean }>(base))
				.body;
			return !body.stale && 'PurchasePrice' in body.outputs ? body : null;
		});
		expect(Object.keys(chosen.outputs).sort()).toEqual(['NOI', 'PurchasePrice']);
		expect((await investor.request('PUT', base, { names: null })).status).toBe(200);
	});

	it('combines Schedule E per property and in total for a tax year', async () => {
		await fresh(investor, 3);
		const response = await investor.get<{
			year: number;
			properties: { workbookId: string; lines: Record<string, number> }[];
			total: Record<string, number>;
		}>('/api/v1/portfolio/schedule-e?year=2025');
		expect(response.status).toBe(200);
		expect(response.body.properties).toHaveLength(3);
		// The template's sample ledger: two months of two rents, and six bills.
		const first = response.body.properties.find((p) => p.workbookId === ids[0])!;
		expect(first.lines[3]).toBe(6400);
		expect(first.lines[21]).toBeCloseTo(6400 - (1500 + 2100 + 380 + 95 + 64.5 + 45), 6);
		expect(response.body.total[3]).toBe(3 * 6400);
		expect((await investor.get('/api/v1/portfolio/schedule-e?year=20x5')).status).toBe(400);
		expect((await new ApiClient(server.url).get('/api/v1/portfolio')).status).toBe(401);
	});

	it('WORKBOOK() reads a viewable workbook’s outputs, #REF! for an unshared one, #CYCLE! for a loop', async () => {
		const created = await investor.post<{ id: string }>('/api/v1/workbooks', {
			title: 'Net worth links'
		});
		const id = created.body.id;
		const base = `/api/v1/workbooks/${id}`;
		expect(
			(
				await investor.post(`${base}/cells`, {
					updates: [
						{ ref: 'A1', input: '=WORKBOOK("a — 12 elm st", "NOI")' },
						{ ref: 'A2', input: `=WORKBOOK("${strangersId}", "NOI")` },
						{ ref: 'A3', input: `=WORKBOOK("${partnersId}", "EquityByYear", 2)` },
						{ ref: 'A4', input: `=WORKBOOK("${ids[1]}", "Links")` }
					]
				})
			).status
		).toBe(200);
		const ops = ['A1', 'A2', 'A3'].map((ref, index) => ({
			op: 'defineName',
			name: ['ElmNOI', 'StrangerNOI', 'PineEquityYearTwo'][index],
			ref: `Sheet1!$${ref[0]}$${ref[1]}`
		}));
		expect((await investor.post(`${base}/ops`, { ops })).status).toBe(200);
		const read = () =>
			investor.get<{ outputs: Record<string, unknown>; stale: boolean }>(`${base}/outputs`);
		let last: unknown;
		const outputs = await waitFor(
			async () => {
				const body = (await read()).body;
				last = body;
				return !body.stale && typeof body.outputs.ElmNOI === 'number' ? body.outputs : null;
			},
			20_000,
			'the links to resolve'
		).catch((error: Error) => {
			throw new Error(`${error.message}: ${JSON.stringify(last)} ${server.output().slice(-3000)}`);
		});
		const elm = (await investor.get<Portfolio>('/api/v1/portfolio')).body.properties.find(
			(p) => p.workbookId === ids[0]
		)!;
		expect(outputs.ElmNOI).toBeCloseTo(elm.outputs.NOI as number, 6);
		expect(outputs.StrangerNOI).toMatchObject({ error: '#REF!' });
		expect(JSON.stringify(outputs.StrangerNOI)).not.toMatch(/\d{4}/);
		const pine = (
			await partner.get<{ outputs: Record<string, number[]> }>(
				`/api/v1/workbooks/${partnersId}/outputs`
			)
		).body.outputs.EquityByYear;
		expect(outputs.PineEquityYearTwo).toBeCloseTo(pine[1], 6);

		// A property that reads this workbook back makes a cycle: both sides show #CYCLE!.
		const loop = `/api/v1/workbooks/${ids[1]}`;
		await investor.post(`${loop}/cells`, {
			sheet: 'Assumptions',
			updates: [{ ref: 'H1', input: `=WORKBOOK("${id}", "Links")` }]
		});
		await investor.post(`${loop}/ops`, {
			ops: [{ op: 'defineName', name: 'Links', ref: 'Assumptions!$H$1' }]
		});
		await investor.request('PUT', `${loop}/outputs`, { names: ['NOI', 'Links'] });
		await investor.post(`${base}/ops`, {
			ops: [{ op: 'defineName', name: 'Links', ref: 'Sheet1!$A$4' }]
		});
		const cycled = await waitFor(
			async () => {
				const [mine, theirs] = await Promise.all([
					read(),
					investor.get<{ outputs: Record<string, unknown> }>(`${loop}/outputs`)
				]);
				const both = [mine.body.outputs.Links, theirs.body.outputs.Links];
				return both.every((value) => JSON.stringify(value).includes('#CYCLE!')) ? both : null;
			},
			20_000,
			'#CYCLE! on both sides'
		);
		expect(cycled).toHaveLength(2);
		await investor.request('PUT', `${loop}/outputs`, { names: null });
	});
});
