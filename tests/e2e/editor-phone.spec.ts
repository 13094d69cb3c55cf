import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { registerThroughForm, uniqueEmail } from './fixtures';
import { cell, workbookIdOf } from './editor-helpers';

test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

/** Whether the page itself can scroll sideways (it must not: only the grid scrolls). */
function scrollsSideways(page: Page): Promise<boolean> {
	return page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
}

async function createFromTemplate(page: Page, title: string, template: string): Promise<string> {
	await registerThroughForm(page, {
		email: uniqueEmail('phone'),
		name: 'Pat Phone',
		password: 'sturdy phone passphrase'
	});
	const create = page.getByRole('button', { name: 'Create workbook' });
	await expect(create).toBeInViewport({ ratio: 1 });
	expect(await scrollsSideways(page)).toBe(false);
	await page.screenshot({ path: '/tmp/h6-phone-list.png' });
	await page.getByLabel('New workbook title').fill(title);
	await page.getByLabel('Template').selectOption(template);
	await create.tap();
	await expect(page).toHaveURL(/\/workbooks\/[a-z0-9]+$/);
	await expect(page.getByRole('grid')).toBeVisible({ timeout: 30_000 });
	await expect(page.getByTestId('connection-status')).toHaveAttribute('data-status', 'connected');
	return page.url();
}

test('on a phone the grid takes the width, title and Share stay on screen, and a tap selects', async ({
	page
}) => {
	await createFromTemplate(page, '12 Oak Street, Unit 4', 'property');
	await expect(page.getByRole('heading', { name: '12 Oak Street, Unit 4' })).toBeInViewport();
	await expect(page.getByRole('button', { name: 'Share' })).toBeInViewport({ ratio: 1 });
	const grid = (await page.getByRole('grid').boundingBox())!;
	expect(grid.width).toBeGreaterThanOrEqual(380);
	expect(await scrollsSideways(page)).toBe(false);
	// The template has charts, but on a phone they wait behind the Charts button.
	await expect(page.getByRole('dialog', { name: 'Charts' })).toHaveCount(0);
	await page.screenshot({ path: '/tmp/h6-phone-editor.png' });

	await cell(page, 'B3').tap();
	await expect(page.getByLabel('Cell address')).toHaveValue('B3');

	await page.getByRole('button', { name: 'Charts' }).tap();
	const sheet = page.getByRole('dialog', { name: 'Charts' });
	await expect(sheet).toBeInViewport();
	await page.screenshot({ path: '/tmp/h6-phone-charts.png' });
	await sheet.getByRole('button', { name: 'Close charts' }).tap();
	await expect(sheet).toHaveCount(0);
	expect(await scrollsSideways(page)).toBe(false);
});

test('the view-only link page is readable on a phone', async ({ page, browser }) => {
	const url = await createFromTemplate(page, 'Maple Ave', 'budget');
	const created = await page.request.post(
		new URL(`/api/v1/workbooks/${workbookIdOf(url)}/links`, url).href,
		{ data: { label: 'Phone check' } }
	);
	expect(created.status(), await created.text()).toBe(201);
	const { url: link } = (await created.json()) as { url: string };

	const guestContext = await browser.newContext({
		viewport: { width: 390, height: 844 },
		hasTouch: true,
		isMobile: true
	});
	const guest = await guestContext.newPage();
	await guest.goto(new URL(link, url).href);
	await expect(guest.getByRole('heading', { name: 'Maple Ave' })).toBeInViewport();
	await expect(guest.getByTestId('role-badge')).toHaveText('View only');
	await expect(cell(guest, 'A1')).toBeInViewport();
	expect((await guest.getByRole('grid').boundingBox())!.width).toBeGreaterThanOrEqual(380);
	expect(await scrollsSideways(guest)).toBe(false);
	await guest.screenshot({ path: '/tmp/h6-phone-link.png' });
	await guestContext.close();
});
