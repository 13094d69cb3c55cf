import { test as base, expect, type Page } from '@playwright/test';
import { newestMailTo } from '../helpers/outbox';

/** `test` with `baseURL` pointing at the server the global setup started. */
export const test = base.extend({
	// Playwright requires the destructuring pattern even when no fixture is used.
	// eslint-disable-next-line no-empty-pattern
	baseURL: async ({}, use) => {
		await use(process.env.E2E_BASE_URL);
	}
});

export { expect };

/** A unique email for an end-to-end account. */
export function uniqueEmail(prefix = 'e2e'): string {
	return `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 7)}@example.com`;
}

/** Registers through the form, as a person would; leaves the page on the workbooks home. */
export async function registerThroughForm(
	page: Page,
	account: { email: string; name: string; password: string }
): Promise<void> {
	await page.goto('/register');
	await page.getByLabel('Your name').fill(account.name);
	await page.getByLabel('Email').fill(account.email);
	await page.getByLabel('Password').fill(account.password);
	await page.getByRole('button', { name: 'Create account' }).click();
	await expect(page.getByRole('heading', { name: 'Workbooks', exact: true })).toBeVisible();
}

/**
 * Logs in through the form (on the page already open when it is the login page, so a
 * `redirectTo` is kept) and waits until the app has left the login page.
 */
export async function logInThroughForm(
	page: Page,
	account: { email: string; password: string }
): Promise<void> {
	if (!new URL(page.url(), 'http://x').pathname.startsWith('/login')) await page.goto('/login');
	await page.getByLabel('Email').fill(account.email);
	await page.getByLabel('Password').fill(account.password);
	await page.getByRole('button', { name: 'Log in' }).click();
	await expect(page).not.toHaveURL(/\/login/);
}

/** The link in the newest email to `email` whose subject matches, as its recipient would open it. */
export async function linkInNewestMail(email: string, subject: RegExp): Promise<string> {
	const mail = await newestMailTo(process.env.E2E_OUTBOX_DIR!, email, subject);
	if (!mail.link) throw new Error(`no link in the email to ${email}`);
	return mail.link;
}

/** Opens an invitation link on `page` (signed in) and accepts it; ends in the workbook. */
export async function acceptInvitationThroughLink(page: Page, link: string): Promise<void> {
	await page.goto(link);
	await page.getByRole('button', { name: 'Accept invitation' }).click();
	await expect(page).toHaveURL(/\/workbooks\/[a-z0-9]+$/);
}
