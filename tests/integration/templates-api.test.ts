import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_KINDS } from '../helpers/databases';
import { ApiClient, uniqueEmail } from '../helpers/http-client';
import { startTestServer, type TestServer } from '../helpers/server';

interface NameReading {
	name: string;
	value: unknown;
}

describe.each(DATABASE_KINDS)('workbook templates over the API on %s', (kind) => {
	let server: TestServer;
	let client: ApiClient;

	beforeAll(async () => {
		server = await startTestServer(kind);
		client = new ApiClient(server.url);
		await client.register(uniqueEmail('investor'));
	});

	afterAll(async () => {
		await server?.stop();
		await server?.database.drop();
	});

	it('lists blank and the five templates', async () => {
		const response = await client.get<{ templates: { id: string }[] }>('/api/v1/templates');
		expect(response.body.templates.map((template) => template.id)).toEqual([
			'blank',
			'property',
			'budget',
			'forecast',
			'networth',
			'portfolio'
		]);
	});

	it('creates a property workbook whose outputs follow its inputs', async () => {
		const created = await client.post<{ id: string }>('/api/v1/workbooks', {
			title: '12 Elm St',
			template: 'property'
		});
		expect(created.status).toBe(201);
		const base = `/api/v1/workbooks/${created.body.id}`;
		const sheets = await client.get<{ sheets: { name: string }[] }>(base);
		expect(sheets.body.sheets.map((sheet) => sheet.name)).toEqual(
			expect.arrayContaining(['Assumptions', 'Units', 'Cash flow', 'Loan', 'Projection'])
		);
		const names = async () => {
			const response = await client.get<{ names: NameReading[] }>(`${base}/names`);
			return Object.fromEntries(response.body.names.map((entry) => [entry.name, entry.value]));
		};
		const before = await names();
		expect(before.NOI).toBeCloseTo(
			(before.EffectiveGrossIncome as number) - (before.OperatingExpenses as number),
			6
		);
		expect(before.CapRate).toBeCloseTo(
			(before.NOI as number) / (before.PurchasePrice as number),
			9
		);
		const update = await client.post(`${base}/cells`, {
			updates: [{ ref: 'PurchasePrice', input: '500000' }]
		});
		expect(update.status).toBe(200);
		const after = await names();
		expect(after.PurchasePrice).toBe(500000);
		expect(after.CapRate).toBeCloseTo((after.NOI as number) / 500000, 9);
		expect(after.MonthlyPayment).not.toBe(before.MonthlyPayment);
	});

	it('refuses an unknown template with 400 and creates nothing', async () => {
		const before = await client.get<{ workbooks: unknown[] }>('/api/v1/workbooks');
		const response = await client.post('/api/v1/workbooks', { title: 'X', template: 'castle' });
		expect(response.status).toBe(400);
		const after = await client.get<{ workbooks: unknown[] }>('/api/v1/workbooks');
		expect(after.body.workbooks).toHaveLength(before.body.workbooks.length);
	});
});
