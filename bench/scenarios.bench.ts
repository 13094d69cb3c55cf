/**
 * Scenarios benchmark: the property template with 10 scenarios (1–3 overrides each), against the
 * real server (built app) and in real Chromium.
 * - `compareP50Ms` / `compareP95Ms`: `GET …/scenarios/compare` (the key outputs across base and
 *   10 scenarios, evaluated on the evaluation workers), 40 sequential requests after 3 warm-ups
 *   (target ≤ 50 ms p95);
 * - `sensitivity50P50Ms` / `…P95Ms`: `GET …/sensitivity` of DSCR and CashFlow at 50 interest
 *   rates, 15 requests after 2 warm-ups (target ≤ 200 ms); every rate recomputes the 360-month
 *   loan schedule and the yearly SUMIFS over it. `sensitivity50Vacancy…`: the same at 50 vacancy
 *   rates, whose dependents are the operating figures only;
 * - `comparePaintMs`: Enter on an override in the browser to the next frame after the compare
 *   view showed the new value, median of 9 edits (target ≤ 100; the slowest is `…MaxMs`).
 */
import { chromium, type Page } from 'playwright-core';
import { ApiClient, uniqueEmail } from '../tests/helpers/http-client';
import { startTestServer } from '../tests/helpers/server';
import { round1 } from './latency';
import { printResults, type BenchResults } from './results';

const PASSWORD = 'bench scenarios passphrase';
const COMPARE_SAMPLES = 40;
const SENSITIVITY_SAMPLES = 15;
const EDIT_SAMPLES = 9;

function percentile(values: number[], p: number): number {
	const sorted = [...values].sort((a, b) => a - b);
	return round1(sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]);
}

async function timed(api: ApiClient, path: string): Promise<number> {
	const started = performance.now();
	const response = await api.get(path);
	if (response.status !== 200)
		throw new Error(`${path}: ${response.status} ${JSON.stringify(response.body)}`);
	return performance.now() - started;
}

const OVERRIDES = [
	[{ ref: 'InterestRate', input: '7.5%' }],
	[{ ref: 'PurchasePrice', input: '240000' }],
	[{ ref: 'VacancyRate', input: '8%' }],
	[
		{ ref: 'InterestRate', input: '5.5%' },
		{ ref: 'DownPaymentPct', input: '30%' }
	],
	[{ ref: 'PropertyTaxes', input: '6000' }],
	[{ ref: 'MonthlyRent', input: '3600' }],
	[
		{ ref: 'Insurance', input: '2200' },
		{ ref: 'RepairsMaintenance', input: '3600' }
	],
	[{ ref: 'LoanTermYears', input: '15' }],
	[
		{ ref: 'PurchasePrice', input: '320000' },
		{ ref: 'InterestRate', input: '6%' },
		{ ref: 'MonthlyRent', input: '3400' }
	],
	[{ ref: 'ManagementFeePct', input: '10%' }]
];

/** Milliseconds from Enter in the rate cell to the frame after the compare view changed. */
async function comparePaint(page: Page, ref: string, text: string): Promise<number> {
	await page.evaluate(() => {
		const w = window as unknown as { __painted?: Promise<number>; __enter?: number };
		const target = () =>
			document.querySelector('td[data-output="MonthlyPayment"][data-scenario="S1"] .value')
				?.textContent ?? '';
		const before = target();
		w.__painted = new Promise((resolve) => {
			const observer = new MutationObserver(() => {
				if (target() === before) return;
				observer.disconnect();
				requestAnimationFrame(() => resolve(Date.now() + (performance.now() % 1)));
			});
			observer.observe(document.querySelector('[aria-label="Compare scenarios"]')!, {
				subtree: true,
				childList: true,
				characterData: true
			});
		});
	});
	await page.locator(`[role="gridcell"][data-ref="${ref}"]`).click();
	await page.keyboard.type(text);
	await page.evaluate(() => {
		const w = window as unknown as { __enter?: number };
		window.addEventListener(
			'keydown',
			(event) => {
				if (event.key === 'Enter') w.__enter = Date.now() + (performance.now() % 1);
			},
			{ capture: true, once: true }
		);
	});
	await page.keyboard.press('Enter');
	return page.evaluate(async () => {
		const w = window as unknown as { __painted: Promise<number>; __enter: number };
		return (await w.__painted) - w.__enter;
	});
}

/** Runs the scenarios benchmark; returns flat metrics. */
export async function runScenariosBench(): Promise<BenchResults> {
	const server = await startTestServer('pglite');
	const browser = await chromium.launch({
		executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
		args: ['--no-sandbox', '--disable-gpu', '--no-first-run']
	});
	try {
		const api = new ApiClient(server.url);
		const email = uniqueEmail('bench-scenarios');
		await api.register(email, PASSWORD, 'Bench Person');
		const created = await api.post<{ id: string }>('/api/v1/workbooks', {
			title: 'Bench property',
			template: 'property'
		});
		const id = created.body.id;
		for (const [index, overrides] of OVERRIDES.entries()) {
			const response = await api.post(`/api/v1/workbooks/${id}/scenarios`, {
				name: `S${index + 1}`,
				overrides
			});
			if (response.status !== 201) throw new Error(`scenario: ${response.status}`);
		}
		const compare = `/api/v1/workbooks/${id}/scenarios/compare`;
		for (let i = 0; i < 3; i++) await timed(api, compare);
		const compares: number[] = [];
		for (let i = 0; i < COMPARE_SAMPLES; i++) compares.push(await timed(api, compare));

		const sensitivity = `/api/v1/workbooks/${id}/sensitivity?input=InterestRate&values=3%25:7.9%25:0.1%25&outputs=DSCR,CashFlow`;
		const probe = await api.get<{ rows: unknown[] }>(sensitivity);
		if (probe.body.rows?.length !== 50)
			throw new Error(`sensitivity: ${JSON.stringify(probe.body)}`);
		for (let i = 0; i < 2; i++) await timed(api, sensitivity);
		const tables: number[] = [];
		for (let i = 0; i < SENSITIVITY_SAMPLES; i++) tables.push(await timed(api, sensitivity));

		// A lighter input: only the operating figures depend on the vacancy rate.
		const vacancy = `/api/v1/workbooks/${id}/sensitivity?input=VacancyRate&values=0%25:4.9%25:0.1%25&outputs=DSCR,CashFlow`;
		for (let i = 0; i < 2; i++) await timed(api, vacancy);
		const vacancyTables: number[] = [];
		for (let i = 0; i < SENSITIVITY_SAMPLES; i++) vacancyTables.push(await timed(api, vacancy));

		const context = await browser.newContext({
			baseURL: server.url,
			viewport: { width: 1440, height: 900 }
		});
		await context.addInitScript('globalThis.__name = (fn) => fn;');
		await context.request.post('/api/v1/auth/login', { data: { email, password: PASSWORD } });
		const page = await context.newPage();
		await page.goto(`/workbooks/${id}`);
		await page.getByRole('tab', { name: 'Assumptions' }).click({ timeout: 60_000 });
		await page.getByLabel('Scenario', { exact: true }).selectOption({ label: 'S1' });
		await page.getByRole('button', { name: 'Compare' }).click();
		await page.waitForSelector('td[data-output="MonthlyPayment"][data-scenario="S1"]');
		const names = (
			await api.get<{ names: { name: string; ref: string }[] }>(`/api/v1/workbooks/${id}/names`)
		).body.names;
		const rateRef = names.find((n) => n.name === 'InterestRate')!.ref.replace(/^.*!|\$/g, '');
		await comparePaint(page, rateRef, '7.6%'); // warm-up
		const paints: number[] = [];
		for (let i = 0; i < EDIT_SAMPLES; i++) {
			paints.push(await comparePaint(page, rateRef, `${(7 + i * 0.1).toFixed(1)}%`));
		}
		await context.close();
		return {
			compareP50Ms: percentile(compares, 0.5),
			compareP95Ms: percentile(compares, 0.95),
			sensitivity50P50Ms: percentile(tables, 0.5),
			sensitivity50P95Ms: percentile(tables, 0.95),
			sensitivity50VacancyP50Ms: percentile(vacancyTables, 0.5),
			sensitivity50VacancyP95Ms: percentile(vacancyTables, 0.95),
			comparePaintMs: percentile(paints, 0.5),
			comparePaintMaxMs: round1(Math.max(...paints))
		};
	} finally {
		await browser.close();
		await server.stop();
		await server.database.drop();
	}
}

if (import.meta.url === `file://${process.argv[1]}`) {
	printResults('scenarios', await runScenariosBench());
}
