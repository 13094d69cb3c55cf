import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { cell, createWorkbook, openAsSecondPerson, workbookIdOf } from './editor-helpers';

/** Opens a new workbook from the property template (Ada is signed in on `page`). */
async function createPropertyWorkbook(page: Page): Promise<string> {
	await createWorkbook(page, 'Scratch');
	const created = await page.request.post('/api/v1/workbooks', {
		data: { title: 'Duplex on Elm', template: 'property' }
	});
	expect(created.status()).toBe(201);
	const { id } = (await created.json()) as { id: string };
	await page.goto(`/workbooks/${id}`);
	await expect(page.getByRole('grid')).toBeVisible({ timeout: 30_000 });
	await expect(page.getByTestId('connection-status')).toHaveAttribute('data-status', 'connected');
	return page.url();
}

/** The A1 address (on Assumptions) of a defined name, from the names API. */
async function addressOfName(page: Page, url: string, name: string): Promise<string> {
	const response = await page.request.get(`/api/v1/workbooks/${workbookIdOf(url)}/names`);
	const { names } = (await response.json()) as { names: { name: string; ref: string }[] };
	const ref = names.find((entry) => entry.name === name)!.ref;
	return ref.replace(/^.*!/, '').replace(/\$/g, '');
}

async function showSheet(page: Page, name: string) {
	await page.getByRole('tab', { name }).click();
}

test('two people model "Rate 7.5 %" live while a third stays in the base', async ({
	browser,
	page
}) => {
	const url = await createPropertyWorkbook(page);
	const rate = await addressOfName(page, url, 'InterestRate');

	// Ada creates the scenario from the switcher; she is in it at once.
	await page.getByRole('button', { name: 'New scenario' }).click();
	await page.getByLabel('Scenario name').fill('Rate 7.5 %');
	await page.getByRole('button', { name: 'Create' }).click();
	await expect(page.getByLabel('Scenario', { exact: true })).toHaveValue(/.+/);

	const bea = await openAsSecondPerson(browser, page, url, 'Bea Editor');
	const carl = await openAsSecondPerson(browser, page, url, 'Carl Base');
	await bea.page.getByLabel('Scenario', { exact: true }).selectOption({ label: 'Rate 7.5 %' });
	await expect(page.getByText('Bea Editor here')).toBeVisible();
	await bea.page.getByRole('button', { name: 'Compare' }).click();
	const compare = bea.page.getByRole('region', { name: 'Compare scenarios' });
	const scenarioPayment = compare.locator(
		'td[data-output="MonthlyPayment"][data-scenario="Rate 7.5 %"] .value'
	);
	const basePayment = compare.locator(
		'td[data-output="MonthlyPayment"][data-scenario="Base case"] .value'
	);
	await expect(scenarioPayment).toHaveText(await basePayment.innerText());

	// Ada types the override; Bea sees it drawn as an override, and the compare view moves.
	for (const p of [page, bea.page, carl.page]) await showSheet(p, 'Assumptions');
	await cell(page, rate).click();
	await page.keyboard.type('7.5%');
	await page.keyboard.press('Enter');
	await expect(cell(bea.page, rate)).toHaveText('7.50%');
	await expect(cell(bea.page, rate)).toHaveClass(/override/);
	await expect(cell(bea.page, rate)).toHaveAttribute('title', /Base: 6\.5%/);
	await expect(scenarioPayment).not.toHaveText(await basePayment.innerText());

	// The numbers the browser shows are the server's.
	const server = await bea.page.request.get(
		`/api/v1/workbooks/${workbookIdOf(url)}/scenarios/compare?names=MonthlyPayment`
	);
	const { columns } = (await server.json()) as {
		columns: { scenario: { name: string } | null; values: Record<string, number> }[];
	};
	const expected = columns.find((c) => c.scenario?.name === 'Rate 7.5 %')!.values.MonthlyPayment;
	await expect(scenarioPayment).toHaveText(
		`$${expected.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`
	);

	// Carl, in the base, still sees the base rate, undrawn.
	await expect(cell(carl.page, rate)).toHaveText('6.50%');
	await expect(cell(carl.page, rate)).not.toHaveClass(/override/);

	// Reset to base in Bea's tab removes the override for everyone in the scenario.
	await cell(bea.page, rate).click();
	await bea.page.keyboard.press('Delete');
	await expect(cell(page, rate)).toHaveText('6.50%');
	await expect(cell(page, rate)).not.toHaveClass(/override/);

	await bea.context.close();
	await carl.context.close();
});
