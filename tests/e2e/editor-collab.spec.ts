import { expect, test } from './fixtures';
import { cell, createWorkbook, openAsSecondBrowser, typeInto } from './editor-helpers';

test('both insert rows at once and the formula still points at the same cells', async ({
	browser,
	page
}) => {
	const url = await createWorkbook(page);
	const other = await openAsSecondBrowser(browser, page, url);
	await typeInto(page, 'A1', '10');
	await typeInto(page, 'A2', '20');
	await typeInto(page, 'A3', '=A1+A2');
	await expect(cell(other.page, 'A3')).toHaveText('30');

	// B's insert is made without having seen A's: the two are truly concurrent.
	await other.context.setOffline(true);
	await expect(other.page.getByTestId('connection-status')).toHaveAttribute(
		'data-status',
		'offline'
	);
	await cell(other.page, 'A2').click();
	await other.page.keyboard.press('Control+Alt+=');
	await cell(page, 'A1').click();
	await page.keyboard.press('Control+Alt+=');
	await expect(cell(page, 'A2')).toHaveText('10');
	await other.context.setOffline(false);

	for (const p of [page, other.page]) {
		await expect(cell(p, 'A2')).toHaveText('10');
		await expect(cell(p, 'A4')).toHaveText('20');
		await expect(cell(p, 'A5')).toHaveText('30');
		await cell(p, 'A5').click();
		await expect(p.getByLabel('Formula bar')).toHaveValue('=A2+A4');
	}
	await other.context.close();
});

test('B edits offline, comes back, and both agree', async ({ browser, page }) => {
	const url = await createWorkbook(page);
	const other = await openAsSecondBrowser(browser, page, url);
	await typeInto(page, 'A1', '100');
	await expect(cell(other.page, 'A1')).toHaveText('100');

	await other.context.setOffline(true);
	const status = other.page.getByTestId('connection-status');
	await expect(status).toHaveAttribute('data-status', 'offline');
	await typeInto(other.page, 'B1', '=A1*3');
	await typeInto(other.page, 'C1', 'offline note');
	await expect(status).toContainText('2 edits waiting');
	await expect(cell(other.page, 'B1')).toHaveText('300');
	await typeInto(page, 'A1', '200');

	await other.context.setOffline(false);
	await expect(status).toHaveAttribute('data-status', 'connected');
	for (const p of [page, other.page]) {
		await expect(cell(p, 'A1')).toHaveText('200');
		await expect(cell(p, 'B1')).toHaveText('600');
		await expect(cell(p, 'C1')).toHaveText('offline note');
	}
	await other.context.close();
});

test('undo removes only my own edit', async ({ browser, page }) => {
	const url = await createWorkbook(page);
	const other = await openAsSecondBrowser(browser, page, url);
	await typeInto(page, 'A1', 'mine');
	await expect(cell(other.page, 'A1')).toHaveText('mine');
	await typeInto(other.page, 'B1', 'theirs');
	await expect(cell(page, 'B1')).toHaveText('theirs');

	await page.keyboard.press('Control+z');
	for (const p of [page, other.page]) {
		await expect(cell(p, 'A1')).toHaveText('');
		await expect(cell(p, 'B1')).toHaveText('theirs');
	}
	await page.keyboard.press('Control+Shift+z');
	await expect(cell(other.page, 'A1')).toHaveText('mine');
	await other.context.close();
});

test("another person's selection shows with their name, and their avatar jumps there", async ({
	browser,
	page
}) => {
	const url = await createWorkbook(page);
	const other = await openAsSecondBrowser(browser, page, url);
	await cell(other.page, 'D7').click();
	await expect(page.getByText('Ada Owner', { exact: true })).toBeVisible();
	await page.getByRole('button', { name: "Go to Ada Owner's selection" }).click();
	await expect(page.getByLabel('Cell address')).toHaveValue('D7');
	await other.context.close();
});
