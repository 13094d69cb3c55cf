import { test as base, expect, type Page } from '@playwright/test';

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
