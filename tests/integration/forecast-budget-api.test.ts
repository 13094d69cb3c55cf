import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_KINDS } from '../helpers/databases';
import { ApiClient, uniqueEmail } from '../helpers/http-client';
import { startTestServer, type TestServer } from '../helpers/server';

interface CellReading {
	ref: string;
	value: unknown;
	input: string;
}

/**
 * The forecast and budget templates through the cells API: what a person types over HTTP
 * reaches every total, with expectations computed by hand in the comments.
 */
describe.each(DATABASE_KINDS)('forecast and budget templates over the cells API on %s', (kind) => {
	let server: TestServer;
	let client: ApiClient;

	beforeAll(async () => {
		// The forecast's first read builds its engine (about a second on an idle machine); the
		// default 10 s read budget is too tight when the test machine runs many suites at once.
		server = await startTestServer(kind, { env: { EVAL_TIMEOUT_MS: '60000' } });
		client = new ApiClient(server.url);
		await client.register(uniqueEmail('planner'));
	});

	afterAll(async () => {
		await server?.stop();
		await server?.database.drop();
	});

	async function create(template: string): Promise<string> {
		const created = await client.post<{ id: string }>('/api/v1/workbooks', {
			title: template,
			template
		});
		expect(created.status).toBe(201);
		return `/api/v1/workbooks/${created.body.id}`;
	}

	async function read(base: string, sheet: string, range: string): Promise<unknown[][]> {
		const response = await client.get<{ cells: CellReading[][] }>(
			`${base}/cells?sheet=${encodeURIComponent(sheet)}&range=${range}`
		);
		expect(response.status).toBe(200);
		return response.body.cells.map((row) => row.map((cell) => cell.value));
	}

	async function type(base: string, sheet: string, updates: Record<string, string>) {
		const response = await client.post(`${base}/cells`, {
			sheet,
			updates: Object.entries(updates).map(([ref, input]) => ({ ref, input }))
		});
		expect(response.status).toBe(200);
	}

	it('counts obligations typed past the prepared rows, converted at the FX rate', async () => {
		const base = await create('forecast');
		// Week 2 (12–18 Jan 2026): consulting €4,000 × 1.08 = 4,320 in; cleaning 250 out.
		expect(await read(base, 'Forecast', 'D11:E11')).toEqual([[4320, 250]]);
		// Row 31 is the first past the 30 rows the sheet starts with: ¥10,000 × 0.0064 = 64.
		await type(base, 'Obligations', {
			A31: 'Tokyo storage',
			B31: 'Outflow',
			C31: '10000',
			D31: 'JPY',
			E31: 'one-off',
			F31: '2026-01-13'
		});
		const [[, out]] = (await read(base, 'Forecast', 'D11:E11')) as number[][];
		expect(out).toBeCloseTo(250 + 64, 9);
		// Without a JPY rate, the row and every total that needs it say #N/A, never 1.
		await type(base, 'FX', { B4: '' });
		expect(await read(base, 'Forecast', 'E11:F11')).toEqual([['#N/A', '#N/A']]);
		await type(base, 'FX', { B4: '0.0065' });
		const [[again]] = (await read(base, 'Forecast', 'E11')) as number[][];
		expect(again).toBeCloseTo(250 + 65, 9);
	});

	it('records a payment as the week’s actual and settles its occurrence', async () => {
		const base = await create('forecast');
		// Week 3 (19–25 Jan): nothing paid yet; the Tokyo manager’s ¥45,000 (288) due on the 20th.
		expect(await read(base, 'Status', 'D19')).toEqual([['scheduled']]);
		await type(base, 'Payments', {
			A7: '2026-01-20',
			B7: 'Property manager (Tokyo)',
			C7: '2026-01-20',
			D7: '45000'
		});
		expect(await read(base, 'Status', 'D19')).toEqual([['paid']]);
		await type(base, 'Forecast', { B3: '2026-01-26' });
		const [[actual, variance]] = (await read(base, 'Forecast', 'G12:H12')) as number[][];
		expect(actual).toBeCloseTo(-288, 9);
		// Scheduled net of week 3: −(288 + 250 cleaning + 300 landscaping) = −838.
		expect(variance).toBeCloseTo(-288 + 838, 9);
	});

	it('rolls overspending forward and carries December into January', async () => {
		const base = await create('budget');
		// Entertainment (row 12): 260 spent of 200 in January leaves February 140.
		expect(await read(base, 'Available', 'D12:E12')).toEqual([[200, 140]]);
		await type(base, 'Transactions', {
			A300: '2026-02-10',
			B300: 'Entertainment',
			D300: '40'
		});
		// February: 150 + 40 = 190 spent of 140, so March has 200 − 50 = 150.
		expect(await read(base, 'Available', 'F12')).toEqual([[150]]);
		await type(base, 'Budget', { C12: 'no' });
		expect(await read(base, 'Available', 'E12:F12')).toEqual([[200, 200]]);
		await type(base, 'Budget', { C12: 'yes' });
		await type(base, 'Transactions', { A301: '2026-12-20', B301: 'Entertainment', D301: '500' });
		// December 2026 (column O): 150 in March, then 200 + 150 − 100 = 250 in April, +200 a
		// month to 1,850 in December; January 2027 (column P): 200 + 1,850 − 500 = 1,550.
		expect(await read(base, 'Available', 'O12:P12')).toEqual([[1850, 1550]]);
	});
});
