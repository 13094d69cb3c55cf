import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { listCharts } from '../../src/lib/core/charts';
import { connectClient } from '../helpers/collab-client';
import { DATABASE_KINDS } from '../helpers/databases';
import { ApiClient, uniqueEmail } from '../helpers/http-client';
import { shareWith } from '../helpers/invitations';
import { startTestServer, type TestServer } from '../helpers/server';
import { waitFor } from '../helpers/wait';

interface ChartReading {
	id: string;
	type: string;
	title: string;
	sheet: string | null;
	labels: string | null;
	series: { name: string; range: string }[];
	data: { labels: string[]; datasets: { label: string; data: (number | null)[] }[] };
}

describe.each(DATABASE_KINDS)('charts API on %s', (kind) => {
	let server: TestServer;
	let owner: ApiClient;
	let viewer: ApiClient;
	let stranger: ApiClient;
	let workbookId: string;

	const base = () => `/api/v1/workbooks/${workbookId}`;
	const list = async (client = owner) =>
		(await client.get<{ charts: ChartReading[] }>(`${base()}/charts`)).body.charts;
	const rentChart = {
		type: 'bar',
		title: 'Rent by month',
		sheet: 'Sheet1',
		labels: 'A2:A4',
		series: [{ name: 'Rent', range: 'B2:B4' }]
	};

	beforeAll(async () => {
		server = await startTestServer(kind);
		[owner, viewer, stranger] = [0, 1, 2].map(() => new ApiClient(server.url));
		await owner.register(uniqueEmail('charts-owner'));
		const viewerEmail = uniqueEmail('charts-viewer');
		await viewer.register(viewerEmail);
		await stranger.register(uniqueEmail('charts-stranger'));
		workbookId = (await owner.post<{ id: string }>('/api/v1/workbooks', { title: 'Charts' })).body
			.id;
		await shareWith(server, owner, workbookId, { client: viewer, email: viewerEmail }, 'viewer');
		const written = await owner.post(`${base()}/cells`, {
			sheet: 'Sheet1',
			updates: [
				['A2', 'Jan'],
				['A3', 'Feb'],
				['A4', 'Mar'],
				['B2', '1500'],
				['B3', '=B2+100'],
				['B4', '1700']
			].map(([ref, input]) => ({ ref, input }))
		});
		expect(written.status).toBe(200);
	});

	afterAll(async () => {
		await server?.stop();
		await server?.database.drop();
	});

	it('creates a chart and lists it with its computed data', async () => {
		const created = await owner.post<ChartReading>(`${base()}/charts`, rentChart);
		expect(created.status).toBe(201);
		expect(created.body).toMatchObject({
			type: 'bar',
			title: 'Rent by month',
			labels: 'Sheet1!A2:A4',
			series: [{ name: 'Rent', range: 'Sheet1!B2:B4' }],
			data: {
				labels: ['Jan', 'Feb', 'Mar'],
				datasets: [{ label: 'Rent', data: [1500, 1600, 1700] }]
			}
		});
		expect((await list()).map((chart) => chart.id)).toContain(created.body.id);
	});

	it('recomputes chart data after cells change and follows inserted rows', async () => {
		const id = (await owner.post<ChartReading>(`${base()}/charts`, rentChart)).body.id;
		await owner.post(`${base()}/cells`, {
			sheet: 'Sheet1',
			updates: [{ ref: 'B2', input: '2000' }]
		});
		const ops = await owner.post(`${base()}/ops`, {
			ops: [{ op: 'insertRows', sheet: 'Sheet1', at: 3, count: 1 }]
		});
		expect(ops.status).toBe(200);
		const chart = (await list()).find((entry) => entry.id === id)!;
		expect(chart.series[0].range).toBe('Sheet1!B2:B5');
		expect(chart.data.datasets[0].data).toEqual([2000, null, 2100, 1700]);
	});

	it('edits and deletes a chart', async () => {
		const id = (await owner.post<ChartReading>(`${base()}/charts`, rentChart)).body.id;
		const patched = await owner.patch<ChartReading>(`${base()}/charts/${id}`, {
			type: 'line',
			title: 'Rents'
		});
		expect(patched.status).toBe(200);
		expect(patched.body).toMatchObject({ id, type: 'line', title: 'Rents' });
		expect((await owner.delete(`${base()}/charts/${id}`)).status).toBe(204);
		expect((await list()).map((chart) => chart.id)).not.toContain(id);
		expect((await owner.delete(`${base()}/charts/${id}`)).status).toBe(404);
		expect((await owner.patch(`${base()}/charts/${id}`, { title: 'x' })).status).toBe(404);
	});

	it('refuses bad input with 400 and adds nothing', async () => {
		const before = (await list()).length;
		for (const body of [
			{ ...rentChart, type: 'radar' },
			{ ...rentChart, series: [] },
			{ ...rentChart, sheet: 'Nope' },
			{ ...rentChart, series: [{ name: 'x', range: 'B:B' }] },
			{ ...rentChart, labels: 'not a range' }
		]) {
			const response = await owner.post<{ error: { code: string } }>(`${base()}/charts`, body);
			expect(response.status, JSON.stringify(body)).toBe(400);
			expect(response.body.error.code).toEqual(expect.any(String));
		}
		expect((await owner.post(`${base()}/charts`, '[1]')).status).toBe(400);
		expect((await list()).length).toBe(before);
	});

	it('lets viewers read but not write, and hides the workbook from strangers', async () => {
		const id = (await owner.post<ChartReading>(`${base()}/charts`, rentChart)).body.id;
		expect((await list(viewer)).map((chart) => chart.id)).toContain(id);
		expect((await viewer.post(`${base()}/charts`, rentChart)).status).toBe(403);
		expect((await viewer.patch(`${base()}/charts/${id}`, { title: 'x' })).status).toBe(403);
		expect((await viewer.delete(`${base()}/charts/${id}`)).status).toBe(403);
		expect((await stranger.get(`${base()}/charts`)).status).toBe(404);
		expect((await stranger.post(`${base()}/charts`, rentChart)).status).toBe(404);
		expect((await stranger.delete(`${base()}/charts/${id}`)).status).toBe(404);
		expect((await new ApiClient(server.url).get(`${base()}/charts`)).status).toBe(401);
	});

	it('shows a chart added over the API live in an open client', async () => {
		const { doc, provider } = connectClient(server.url, workbookId, {
			cookie: owner.sessionCookie
		});
		try {
			await waitFor(() => provider.synced);
			const id = (await owner.post<ChartReading>(`${base()}/charts`, rentChart)).body.id;
			await waitFor(
				() => listCharts(doc).some((chart) => chart.id === id),
				10_000,
				'chart arrives live'
			);
			expect(doc.getMap('charts').get(id)).toBeInstanceOf(Y.Map);
		} finally {
			provider.destroy();
		}
	});

	it('creates template workbooks with their charts, every series drawing numbers', async () => {
		const created = await owner.post<{ id: string }>('/api/v1/workbooks', {
			title: 'Budget',
			template: 'budget'
		});
		const charts = (
			await owner.get<{ charts: ChartReading[] }>(`/api/v1/workbooks/${created.body.id}/charts`)
		).body.charts;
		expect(charts.length).toBeGreaterThan(0);
		for (const chart of charts) {
			for (const dataset of chart.data.datasets) {
				expect(dataset.data.some((value) => value !== null)).toBe(true);
			}
		}
	});
});
