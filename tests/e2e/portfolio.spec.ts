import { expect, registerThroughForm, test, uniqueEmail } from './fixtures';
import { cell, openAsSecondPerson } from './editor-helpers';

test('a co-owner’s rent edit moves the open dashboard in another browser, without a reload', async ({
	page,
	browser
}) => {
	test.setTimeout(120_000);
	await page.setViewportSize({ width: 1440, height: 900 });
	await registerThroughForm(page, {
		email: uniqueEmail('portfolio'),
		name: 'Ada Investor',
		password: 'sturdy portfolio passphrase'
	});
	await page.getByLabel('New workbook title').fill('12 Elm St duplex');
	await page.getByLabel('Template').selectOption('property');
	await page.getByRole('button', { name: 'Create workbook' }).click();
	await expect(page).toHaveURL(/\/workbooks\/[a-z0-9]+$/);
	const url = page.url();
	const bea = await openAsSecondPerson(browser, page, url, 'Bea Co-owner');

	await page.goto('/');
	await expect(page.getByRole('heading', { name: 'Portfolio' })).toBeVisible();
	await expect(page.getByRole('heading', { name: 'Workbooks' })).toBeVisible();
	const row = page.locator('tr', { has: page.getByRole('link', { name: '12 Elm St duplex' }) });
	await expect(row.getByText('Updating…')).toHaveCount(0, { timeout: 20_000 });
	// The template's two sample units rent for $1,650 and $1,550.
	const rent = row.locator('[data-output="MonthlyRent"]');
	await expect(rent).toHaveText('$3,200');
	await expect(page.locator('[data-total="MonthlyRent"]')).toContainText('$3,200');
	await expect(page.getByText('Live', { exact: true })).toBeVisible();
	await page.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true));

	await bea.page.getByRole('tab', { name: 'Units' }).click();
	await cell(bea.page, 'E2').click();
	await bea.page.keyboard.type('1900');
	await bea.page.keyboard.press('Enter');

	await expect(rent).toHaveText('$3,450', { timeout: 5_000 });
	await expect(page.locator('[data-total="MonthlyRent"]')).toContainText('$3,450');
	expect(
		await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)
	).toBe(true);
	await expect(page.getByRole('table', { name: 'Schedule E 2025' })).toBeVisible();
	await page.screenshot({ path: test.info().outputPath('dashboard-desktop.png'), fullPage: true });
	await page.setViewportSize({ width: 390, height: 844 });
	await page.screenshot({ path: test.info().outputPath('dashboard-phone.png'), fullPage: true });

	// Every number opens the cell behind it.
	await rent.click();
	await expect(page).toHaveURL(/\?name=MonthlyRent$/);
	await expect(page.getByLabel('Cell address')).toHaveValue(/B\d+/);

	// Another workbook pulls the property's output in with WORKBOOK(), and follows it.
	await page.setViewportSize({ width: 1440, height: 900 });
	await page.goto('/');
	await page.getByLabel('New workbook title').fill('Net worth');
	await page.getByLabel('Template').selectOption('blank');
	await page.getByRole('button', { name: 'Create workbook' }).click();
	await expect(page).toHaveURL(/\/workbooks\/[a-z0-9]+$/);
	await cell(page, 'A1').click();
	await page.keyboard.type('=WORKBOOK("12 Elm St duplex", "MonthlyRent")');
	await page.keyboard.press('Enter');
	await expect(cell(page, 'A1')).toHaveText(/3,?450/);
	await cell(bea.page, 'E2').click();
	await bea.page.keyboard.type('2000');
	await bea.page.keyboard.press('Enter');
	await expect(cell(page, 'A1')).toHaveText(/3,?550/, { timeout: 8_000 });
	await bea.context.close();
});

test('a signed-out visitor gets the landing page', async ({ page }) => {
	await page.goto('/');
	await expect(page.getByRole('heading', { name: 'Your rental portfolio, live.' })).toBeVisible();
	await expect(page.getByRole('link', { name: 'Log in' })).toBeVisible();
	await page.setViewportSize({ width: 390, height: 844 });
	await page.screenshot({ path: test.info().outputPath('landing-phone.png'), fullPage: true });
	await page.getByRole('link', { name: 'Create a free account' }).click();
	await expect(page).toHaveURL(/\/register$/);
});
