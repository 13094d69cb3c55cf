import { expect, test } from './fixtures';
import { cell, createWorkbook, typeInto } from './editor-helpers';

test('a chart inserted from a selection redraws in a second browser when a value changes', async ({
	browser,
	page
}) => {
	await createWorkbook(page, 'Rent roll');
	for (const [ref, text] of [
		['A1', 'Month'],
		['B1', 'Rent'],
		['A2', 'Jan'],
		['B2', '100'],
		['A3', 'Feb'],
		['B3', '200']
	]) {
		await typeInto(page, ref, text);
	}
	await cell(page, 'A1').click();
	await cell(page, 'B3').click({ modifiers: ['Shift'] });
	await page.getByRole('button', { name: 'Charts' }).click();
	const panel = page.getByRole('complementary', { name: 'Charts' });
	await panel.getByRole('button', { name: 'Insert chart' }).click();
	await expect(panel.locator('.chart-view table')).toContainText('200');

	// A second person, through a view-only link.
	await page.getByRole('button', { name: 'Share' }).click();
	const dialog = page.getByRole('dialog', { name: 'Share' });
	await dialog.getByRole('button', { name: 'Create link' }).click();
	const url = await dialog.getByLabel('New link (shown once):').inputValue();
	await dialog.getByRole('button', { name: 'Close' }).click();
	const guestContext = await browser.newContext();
	const guest = await guestContext.newPage();
	await guest.goto(url);
	const guestChart = guest
		.getByRole('complementary', { name: 'Charts' })
		.locator('.chart-view table');
	await expect(guestChart).toContainText('200');
	await expect(guest.getByRole('img', { name: /Rent/ })).toBeVisible();

	await typeInto(page, 'B3', '350');
	await expect(guestChart).toContainText('350');
	await expect(guestChart).not.toContainText('200');
	await guestContext.close();
});
