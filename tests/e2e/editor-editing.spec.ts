import { expect, test } from './fixtures';
import { cell, createWorkbook, typeInto } from './editor-helpers';

test('copying a formula and pasting it elsewhere shifts its references', async ({
	context,
	page
}) => {
	await context.grantPermissions(['clipboard-read', 'clipboard-write']);
	await createWorkbook(page);
	await typeInto(page, 'A1', '1');
	await typeInto(page, 'A2', '2');
	await typeInto(page, 'A3', '3');
	await typeInto(page, 'B1', '=A1*10');
	await cell(page, 'B1').click();
	await page.keyboard.press('Control+c');
	await cell(page, 'B2').click();
	await page.keyboard.press('Shift+ArrowDown');
	await page.keyboard.press('Control+v');
	await expect(cell(page, 'B2')).toHaveText('20');
	await cell(page, 'B2').click();
	await expect(page.getByLabel('Formula bar')).toHaveValue('=A2*10');

	await cell(page, 'B1').click();
	await page.keyboard.press('Shift+ArrowDown');
	await page.keyboard.press('Shift+ArrowDown');
	await page.keyboard.press('Control+d');
	await expect(cell(page, 'B3')).toHaveText('30');
});

test('keyboard only: create a workbook, open it, type, navigate and point at cells', async ({
	page
}) => {
	await createWorkbook(page, 'First');
	await page.goto('/');
	const title = page.getByLabel('New workbook title');
	for (let i = 0; i < 15 && !(await title.evaluate((el) => el === document.activeElement)); i++) {
		await page.keyboard.press('Tab');
	}
	await expect(title).toBeFocused();
	await page.keyboard.type('Keyboard Duplex');
	await page.keyboard.press('Enter');
	await expect(page.getByRole('heading', { name: 'Keyboard Duplex' })).toBeVisible();
	await expect(page.getByRole('grid')).toBeFocused();

	await page.keyboard.type('100');
	await page.keyboard.press('Enter');
	await page.keyboard.type('250');
	await page.keyboard.press('Tab');
	await expect(page.getByLabel('Cell address')).toHaveValue('B2');
	// Point at A1 and A2 with the arrow keys while typing the formula.
	await page.keyboard.type('=');
	await page.keyboard.press('ArrowLeft');
	await page.keyboard.press('ArrowUp');
	await page.keyboard.type('+');
	await page.keyboard.press('ArrowLeft');
	await page.keyboard.press('Enter');
	await expect(cell(page, 'B2')).toHaveText('350');
	// Enter after a Tab returns to the column the Tab left, as in Sheets: A3.
	await expect(page.getByLabel('Cell address')).toHaveValue('A3');
	await page.keyboard.press('ArrowUp');
	await page.keyboard.press('ArrowRight');
	await expect(page.getByLabel('Formula bar')).toHaveValue('=A1+A2');

	await page.keyboard.press('ArrowLeft');
	await page.keyboard.press('Control+ArrowDown');
	await expect(page.getByLabel('Cell address')).toHaveValue('A100');
	await page.keyboard.press('Control+ArrowUp');
	await expect(page.getByLabel('Cell address')).toHaveValue('A2');
	await page.keyboard.press('Delete');
	await expect(cell(page, 'B2')).toHaveText('100');

	await page.getByLabel('Cell address').focus();
	await page.keyboard.type('C5');
	await page.keyboard.press('Enter');
	await expect(page.getByRole('grid')).toBeFocused();
	await page.keyboard.type('x');
	await page.keyboard.press('Escape');
	await expect(cell(page, 'C5')).toHaveText('');
});

test('the workbooks page lists, renames and deletes after confirming', async ({ page }) => {
	await createWorkbook(page, 'To rename');
	await page.goto('/');
	await expect(page.getByText(/Edited .* by you/)).toBeVisible();
	await page.getByRole('button', { name: 'Rename To rename' }).click();
	await page.getByLabel('New title').fill('Renamed');
	await page.getByLabel('New title').press('Enter');
	await expect(page.getByRole('link', { name: 'Renamed' })).toBeVisible();
	await page.getByRole('button', { name: 'Delete Renamed' }).click();
	await expect(page.getByRole('dialog')).toBeVisible();
	await page.getByRole('button', { name: 'Delete workbook' }).click();
	await expect(page.getByText('No workbooks yet')).toBeVisible();
});

test('a formula over a size limit typed in the grid shows why and changes nothing', async ({
	page
}) => {
	await createWorkbook(page, 'Limits');
	await typeInto(page, 'A1', '=SUM(B1:BXX199999)');
	await expect(
		page.getByRole('status').filter({ hasText: 'a formula can refer to at most 1000000 cells' })
	).toBeVisible();
	// The entry stays open to be corrected, as with any refused entry; leaving it stores nothing.
	await page.keyboard.press('Escape');
	await expect(cell(page, 'A1')).toHaveText('');
	await expect(page.getByLabel('Cell address')).toHaveValue('A1');
	await expect(page.getByLabel('Formula bar')).toHaveValue('');
	// The grid still takes formulas within the limits.
	await typeInto(page, 'A2', '=SUM(SEQUENCE(3,4))');
	await expect(cell(page, 'A2')).toHaveText('78');
});
