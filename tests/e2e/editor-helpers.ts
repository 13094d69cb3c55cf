import type { Browser, BrowserContext, Page } from '@playwright/test';
import { expect, registerThroughForm, uniqueEmail } from './fixtures';

/** A cell of the shown sheet by A1 address. */
export function cell(page: Page, ref: string) {
	return page.locator(`[role="gridcell"][data-ref="${ref}"]`);
}

/** Registers a person and creates a workbook through the home page; returns its URL. */
export async function createWorkbook(page: Page, title = 'Oak Street'): Promise<string> {
	await registerThroughForm(page, {
		email: uniqueEmail('editor'),
		name: 'Ada Owner',
		password: 'sturdy editor passphrase'
	});
	await page.getByLabel('New workbook title').fill(title);
	await page.getByRole('button', { name: 'Create workbook' }).click();
	await expect(page).toHaveURL(/\/workbooks\/[a-z0-9]+$/);
	// The first room a fresh server opens loads the formula engine: allow it a cold start.
	await expect(page.getByRole('grid')).toBeVisible({ timeout: 30_000 });
	await expect(page.getByTestId('connection-status')).toHaveAttribute('data-status', 'connected');
	return page.url();
}

/** Types `text` into a cell (click, type, Enter), as a person would. */
export async function typeInto(page: Page, ref: string, text: string): Promise<void> {
	await cell(page, ref).click();
	await page.keyboard.type(text);
	await page.keyboard.press('Enter');
}

/**
 * A second person in their own browser context, given editor access by sharing the first
 * person's session cookie (sharing lands later); opens `url` and waits until it is live.
 */
export async function openAsSecondBrowser(
	browser: Browser,
	owner: Page,
	url: string
): Promise<{ context: BrowserContext; page: Page }> {
	const context = await browser.newContext({ baseURL: process.env.E2E_BASE_URL });
	await context.addCookies(await owner.context().cookies());
	const page = await context.newPage();
	await page.goto(url);
	await expect(page.getByRole('grid')).toBeVisible();
	await expect(page.getByTestId('connection-status')).toHaveAttribute('data-status', 'connected');
	return { context, page };
}
