import type { Page } from '@playwright/test';
import { expect, registerThroughForm, test, uniqueEmail } from './fixtures';
import { cell } from './editor-helpers';

/** Moves to `ref` through the address box and types `text` there, as a person would. */
async function typeAt(page: Page, ref: string, text: string): Promise<void> {
	const address = page.getByLabel('Cell address');
	await address.fill(ref);
	await address.press('Enter');
	await expect(address).toHaveValue(ref);
	await page.keyboard.type(text);
	await page.keyboard.press('Enter');
}

async function typeObligation(page: Page, row: number, values: string[]): Promise<void> {
	for (const [i, value] of values.entries()) {
		await typeAt(page, `${String.fromCharCode(65 + i)}${row}`, value);
	}
}

test('an obligation typed in the last row and past the initial size moves the weekly totals', async ({
	page
}) => {
	test.setTimeout(300_000);
	await registerThroughForm(page, {
		email: uniqueEmail('forecaster'),
		name: 'Flo Forecaster',
		password: 'sturdy forecast passphrase'
	});
	await page.getByLabel('New workbook title').fill('Cash plan');
	await page.getByLabel('Template').selectOption('forecast');
	await page.getByRole('button', { name: 'Create workbook' }).click();
	await expect(page).toHaveURL(/\/workbooks\/[a-z0-9]+$/);
	await expect(page.getByRole('grid')).toBeVisible({ timeout: 120_000 });
	await expect(page.getByTestId('connection-status')).toHaveAttribute('data-status', 'connected');

	// Week 2 (12–18 Jan 2026): only the cleaning crew’s 250 goes out.
	await expect(cell(page, 'E11')).toHaveText('$250.00', { timeout: 60_000 });
	await page.screenshot({ path: '/tmp/forecast-desktop.png' });

	await page.getByRole('tab', { name: 'Obligations' }).click();
	// Row 30 is the last of the 30 rows the sheet starts with.
	await typeObligation(page, 30, ['Locksmith', 'Outflow', '100', 'USD', 'one-off', '2026-01-13']);
	await page.getByRole('button', { name: 'Add 1,000 more rows at the bottom' }).click();
	await typeObligation(page, 31, ['Sign maker', 'Outflow', '50', 'EUR', 'one-off', '2026-01-14']);
	await page.screenshot({ path: '/tmp/forecast-obligations.png' });

	await page.getByRole('tab', { name: 'Forecast' }).click();
	// 250 + 100 + €50 × 1.08 = 404.
	await expect(cell(page, 'E11')).toHaveText('$404.00', { timeout: 30_000 });
});
