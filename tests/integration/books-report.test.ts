import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_KINDS } from '../helpers/databases';
import { ApiClient, uniqueEmail } from '../helpers/http-client';
import { startTestServer, type TestServer } from '../helpers/server';

interface Report {
	year: number;
	property: string;
	lines: Record<string, number>;
	owners: { name: string; share: number; lines: Record<string, number> }[];
	error?: { code: string; message: string };
}

const CHASE_MAPPING = {
	date: 'Transaction Date',
	description: 'Description',
	debit: 'Debit',
	credit: 'Credit'
};

describe.each(DATABASE_KINDS)('the Schedule E report on %s', (kind) => {
	let server: TestServer;
	let owner: ApiClient;
	let link: ApiClient;
	let id: string;
	let depreciation2026: number;

	beforeAll(async () => {
		server = await startTestServer(kind);
		owner = new ApiClient(server.url);
		await owner.register(uniqueEmail('owner'));
		const created = await owner.post<{ id: string }>('/api/v1/workbooks', {
			title: '12 Elm St',
			template: 'property'
		});
		id = created.body.id;
		const made = await owner.post<{ token: string }>(`/api/v1/workbooks/${id}/links`, {
			label: 'CPA'
		});
		link = new ApiClient(server.url, { authorization: `Bearer ${made.body.token}` });
		// The sample's insurer and tax office already have rules; add rents and utilities.
		await owner.post(`/api/v1/workbooks/${id}/ledger/rules`, { contains: 'State Farm', line: '9' });
		await owner.post(`/api/v1/workbooks/${id}/ledger/rules`, {
			contains: 'Zelle from',
			line: '3',
			sign: 'in'
		});
		await owner.post(`/api/v1/workbooks/${id}/ledger/rules`, { contains: 'utilities', line: '17' });
		await owner.post(`/api/v1/workbooks/${id}/ledger/rules`, {
			contains: 'home depot',
			line: '15'
		});
		const imported = await owner.request(
			'POST',
			`/api/v1/workbooks/${id}/ledger/import?mapping=${encodeURIComponent(JSON.stringify(CHASE_MAPPING))}`,
			readFileSync('tests/fixtures/statements/chase.csv', 'utf8'),
			{ 'content-type': 'text/csv' }
		);
		expect(imported.status).toBe(201);
		const cells = await owner.get<{ cells: { value: number }[][] }>(
			`/api/v1/workbooks/${id}/cells?sheet=Depreciation&range=F11:F11`
		);
		depreciation2026 = cells.body.cells[0][0].value;
	});

	afterAll(async () => {
		await server?.stop();
		await server?.database.drop();
	});

	it('computes a year from the ledger, per owner by share, equal to a hand computation', async () => {
		const response = await link.get<Report>(`/api/v1/workbooks/${id}/reports/schedule-e?year=2026`);
		expect(response.status).toBe(200);
		const { lines, owners } = response.body;
		expect(response.body).toMatchObject({ year: 2026, property: '12 Elm St' });
		const expenses = 1200 + 2 * 45.1 + 95 + depreciation2026;
		expect(lines['3']).toBe(1650);
		expect(lines['9']).toBe(1200);
		expect(lines['15']).toBeCloseTo(90.2, 2);
		expect(lines['17']).toBe(95);
		expect(lines['18']).toBeCloseTo(depreciation2026, 2);
		expect(lines['20']).toBeCloseTo(expenses, 2);
		expect(lines['21']).toBeCloseTo(1650 - expenses, 2);
		expect(owners.map((o) => [o.name, o.share])).toEqual([
			['Owner A', 0.6],
			['Owner B', 0.4]
		]);
		expect(owners[0].lines['3']).toBeCloseTo(990, 2);
		expect(owners[1].lines['21']).toBeCloseTo(0.4 * (1650 - expenses), 2);
		// The workbook's own tax year is untouched by asking for another.
		const year = await owner.get<{ cells: { value: number }[][] }>(
			`/api/v1/workbooks/${id}/cells?sheet=Schedule%20E&range=B1:B1`
		);
		expect(year.body.cells[0][0].value).toBe(2025);
	});

	it('reads the sample year and drills down into the rows behind a line', async () => {
		const report = await owner.get<Report>(`/api/v1/workbooks/${id}/reports/schedule-e?year=2025`);
		expect(report.body.lines['3']).toBe(6400);
		const rows = await link.get<{ rows: { payee: string; amount: number }[] }>(
			`/api/v1/workbooks/${id}/reports/schedule-e?year=2026&line=9`
		);
		expect(rows.body.rows.map((row) => [row.payee, row.amount])).toEqual([
			['STATE FARM INSURANCE', 1200]
		]);
	});

	it('downloads CSV, XLSX and PDF files of the report', async () => {
		const base = `${server.url}/api/v1/workbooks/${id}/reports/schedule-e?year=2026&format=`;
		const get = (format: string) =>
			fetch(base + format, { headers: { cookie: owner.sessionCookie ?? '' } });
		const csv = await get('csv');
		expect(csv.headers.get('content-type')).toContain('text/csv');
		const text = await csv.text();
		expect(text.split('\r\n')[0]).toBe('Line,Schedule E,12 Elm St,Owner A (60%),Owner B (40%)');
		expect(text).toContain('9,Insurance,1200,720,480');
		const xlsx = await get('xlsx');
		const book = new ExcelJS.Workbook();
		await book.xlsx.load(await xlsx.arrayBuffer());
		expect(book.worksheets[0].getCell('C2').value).toBe(1650);
		const pdf = await get('pdf');
		expect(
			Buffer.from(await pdf.arrayBuffer())
				.subarray(0, 5)
				.toString()
		).toBe('%PDF-');
		expect(pdf.headers.get('content-disposition')).toContain('Schedule E 2026.pdf');
	});

	it('refuses shares that do not total 100 %, bad years, strangers and bad formats', async () => {
		const base = `/api/v1/workbooks/${id}/reports/schedule-e`;
		expect((await owner.get(`${base}?year=twenty`)).status).toBe(400);
		expect((await owner.get(`${base}?year=2026&format=doc`)).status).toBe(400);
		expect((await owner.get(`${base}?year=2026&line=2`)).status).toBe(400);
		const stranger = new ApiClient(server.url);
		await stranger.register(uniqueEmail('stranger'));
		expect((await stranger.get(`${base}?year=2026`)).status).toBe(404);
		await owner.post(`/api/v1/workbooks/${id}/cells`, {
			sheet: 'Owners',
			updates: [{ ref: 'C3', input: '30%' }]
		});
		const bad = await owner.get<Report>(`${base}?year=2026`);
		expect(bad.status).toBe(422);
		expect(bad.body.error?.message).toContain('90%');
	});
});
