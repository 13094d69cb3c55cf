import type { Browser, BrowserContext, Page } from '@playwright/test';
import {
	acceptInvitationThroughLink,
	expect,
	linkInNewestMail,
	registerThroughForm,
	uniqueEmail
} from './fixtures';

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

/** A person with their own account, in their own browser context, with a workbook open. */
export interface SecondPerson {
	context: BrowserContext;
	page: Page;
	user: { id: string; name: string; email: string };
}

/** The id of the workbook a `/workbooks/:id` URL opens. */
export function workbookIdOf(url: string): string {
	const id = new URL(url).pathname.match(/^\/workbooks\/([a-z0-9]+)$/)?.[1];
	if (!id) throw new Error(`not a workbook URL: ${url}`);
	return id;
}

/**
 * A second, distinct person: registers their own account (through the API) in a fresh browser
 * context, is invited to the workbook at `url` as an editor by its owner (the person signed in
 * on `owner`) through the sharing API, accepts the emailed invitation link, then opens the
 * workbook and waits until it is live.
 */
export async function openAsSecondPerson(
	browser: Browser,
	owner: Page,
	url: string,
	name = 'Bea Editor'
): Promise<SecondPerson> {
	const context = await browser.newContext({ baseURL: process.env.E2E_BASE_URL });
	const email = uniqueEmail('second');
	const registered = await context.request.post('/api/v1/auth/register', {
		data: { email, name, password: 'second person passphrase' }
	});
	expect(registered.status(), await registered.text()).toBe(201);
	const { user } = (await registered.json()) as { user: SecondPerson['user'] };

	const invited = await owner.request.post(
		new URL(`/api/v1/workbooks/${workbookIdOf(url)}/members`, url).href,
		{ data: { email, role: 'editor' } }
	);
	expect(invited.status(), await invited.text()).toBe(201);
	expect(await invited.json()).toMatchObject({ status: 'invited', email, role: 'editor' });

	const page = await context.newPage();
	await acceptInvitationThroughLink(page, await linkInNewestMail(email, /shared/));
	await page.goto(url);
	await expect(page.getByRole('grid')).toBeVisible();
	await expect(page.getByTestId('role-badge')).toHaveText('Editor');
	await expect(page.getByTestId('connection-status')).toHaveAttribute('data-status', 'connected');
	return { context, page, user };
}
