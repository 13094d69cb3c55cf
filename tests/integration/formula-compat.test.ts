import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_KINDS } from '../helpers/databases';
import { ApiClient, uniqueEmail } from '../helpers/http-client';
import { startTestServer, type TestServer } from '../helpers/server';

interface Cell {
	ref: string;
	input: string;
	value: unknown;
	display: string;
	error?: { code: string };
}

describe.each(DATABASE_KINDS)('Excel-compatible formulas through the cells API on %s', (kind) => {
	let server: TestServer;
	let api: ApiClient;
	let workbookId: string;

	beforeAll(async () => {
		server = await startTestServer(kind);
		api = new ApiClient(server.url);
		await api.register(uniqueEmail('formulas'));
		workbookId = (await api.post<{ id: string }>('/api/v1/workbooks', { title: 'Formulas' })).body
			.id;
	});

	afterAll(async () => {
		await server?.stop();
		await server?.database.drop();
	});

	it('computes issue 28’s cases on the server with Excel’s answers', async () => {
		const cashFlows = [-100000, 20000, 25000, 30000, 35000, 40000, 45000, 50000];
		const formulas: [ref: string, input: string][] = [
			['A1', '=TEXT(0.0725,"0.00%")'],
			['A2', '=TEXT(-1234.5,"$#,##0.00;($#,##0.00)")'],
			['A3', '="Unit ""B"" rent: "&C2'],
			['A4', '=VDB(2400,300,10*12,0,1)'],
			['A5', '=ROUND(1.005,2)'],
			['A6', '=VLOOKUP(2,{1,"one";2,"two";3,"three"},2,FALSE)'],
			['A7', '=EDATE(DATE(2024,1,29),1)'],
			['A8', '=NOMINAL(0,12)'],
			['A9', '=SUMPRODUCT(C2:C8/(1+0.08)^(ROW(C2:C8)-1))+C1-(NPV(0.08,C2:C8)+C1)']
		];
		const written = await api.post(`/api/v1/workbooks/${workbookId}/cells`, {
			sheet: 'Sheet1',
			updates: [
				...cashFlows.map((flow, i) => ({ ref: `C${i + 1}`, input: String(flow) })),
				...formulas.map(([ref, input]) => ({ ref, input }))
			]
		});
		expect(written.status).toBe(200);

		const { body } = await api.get<{ cells: Cell[][] }>(
			`/api/v1/workbooks/${workbookId}/cells?sheet=Sheet1&range=A1:A9`
		);
		const cells = body.cells.map(([cell]) => cell);
		expect(cells.map((cell) => cell.input)).toEqual(formulas.map(([, input]) => input));
		expect(cells.slice(0, 7).map((cell) => cell.value)).toEqual([
			'7.25%',
			'($1,234.50)',
			'Unit "B" rent: 20000',
			40,
			1.01,
			'two',
			45351
		]);
		expect(cells[7]).toMatchObject({ display: '#NUM!', error: { code: '#NUM!' } });
		expect(cells[8].value).toBeCloseTo(0, 9);
	});
});
