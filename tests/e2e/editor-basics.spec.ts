import { expect, test } from './fixtures';
import { cell, createWorkbook, openAsSecondBrowser, typeInto } from './editor-helpers';

test('A types, B sees it, and formulas compute in both browsers', async ({ browser, page }) => {
	const url = await createWorkbook(page);
	const other = await openAsSecondBrowser(browser, page, url);

	await typeInto(page, 'A1', '1200');
	await typeInto(page, 'A2', '=A1*12');
	await expect(cell(page, 'A2')).toHaveText('14400');
	await expect(cell(other.page, 'A1')).toHaveText('1200');
	await expect(cell(other.page, 'A2')).toHaveText('14400');

	await typeInto(other.page, 'A1', '1500');
	await expect(cell(page, 'A2')).toHaveText('18000');
	await expect(cell(other.page, 'A2')).toHaveText('18000');
	await other.context.close();
});

test('a reload shows exactly what was there', async ({ page }) => {
	await createWorkbook(page);
	await typeInto(page, 'B2', 'Rent');
	await typeInto(page, 'C2', '2500');
	await typeInto(page, 'C3', '=C2*0.05');
	await typeInto(page, 'C4', '=1/0');
	await expect(cell(page, 'C3')).toHaveText('125');
	await page.reload();
	await expect(cell(page, 'B2')).toHaveText('Rent');
	await expect(cell(page, 'C2')).toHaveText('2500');
	await expect(cell(page, 'C3')).toHaveText('125');
	await expect(cell(page, 'C4')).toHaveText('#DIV/0!');
	await expect(cell(page, 'C4')).toHaveAttribute('title', /.+/);
	await page.getByRole('gridcell', { name: '125' }).click();
	await expect(page.getByLabel('Formula bar')).toHaveValue('=C2*0.05');
});

test('an unknown workbook shows a clear not-found page', async ({ page }) => {
	await createWorkbook(page);
	await page.goto('/workbooks/doesnotexist123');
	await expect(page.getByRole('heading', { name: 'Workbook not found' })).toBeVisible();
});
