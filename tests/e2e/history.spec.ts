import { expect, test } from './fixtures';
import { cell, createWorkbook, openAsSecondPerson, typeInto, workbookIdOf } from './editor-helpers';

// Ada (the owner, from createWorkbook) and Bea (an editor she invites), each in her own browser.

test('opens history, views a version, restores selected cells, and both browsers see it', async ({
	browser,
	page
}) => {
	test.setTimeout(120_000);
	const url = await createWorkbook(page);
	const bea = await openAsSecondPerson(browser, page, url);
	await typeInto(page, 'A1', '100');
	await typeInto(page, 'A2', '200');
	await expect(cell(bea.page, 'A2')).toHaveText('200');

	await page.getByRole('button', { name: 'History' }).click();
	const panel = page.getByRole('complementary', { name: 'Version history' });
	await panel.getByLabel('Name the current version').fill('Q3 close');
	await panel.getByRole('button', { name: 'Name', exact: true }).click();
	await expect(panel.getByRole('button', { name: 'Open version Q3 close' })).toBeVisible();

	await typeInto(bea.page, 'A1', '999');
	await typeInto(bea.page, 'A2', '555');
	await expect(cell(page, 'A1')).toHaveText('999');

	await panel.getByRole('button', { name: 'Open version Q3 close' }).click();
	const version = page.getByRole('region', { name: 'Version Q3 close' });
	await expect(version.getByTestId('version-banner')).toHaveText('Version: Q3 close');
	const versionCell = (ref: string) => version.locator(`[role="gridcell"][data-ref="${ref}"]`);
	await expect(versionCell('A1')).toHaveText('100');
	await expect(versionCell('A2')).toHaveText('200');

	await version.getByRole('button', { name: 'Show changes' }).click();
	const changes = version.getByRole('complementary', { name: 'Changes since this version' });
	await expect(
		changes.getByRole('button', { name: /Sheet1!A1\s*100 → 999\s*Bea Editor/ })
	).toBeVisible();
	await expect(changes.getByRole('button', { name: /Sheet1!A2\s*200 → 555/ })).toBeVisible();

	await versionCell('A1').click();
	await version.getByRole('button', { name: 'Restore selected cells' }).click();
	await expect(page.getByText('Restored 1 cell.')).toBeVisible();
	await version.getByRole('button', { name: 'Back to the live workbook' }).click();
	await expect(version).toBeHidden();

	for (const p of [page, bea.page]) {
		await expect(cell(p, 'A1')).toHaveText('100');
		await expect(cell(p, 'A2')).toHaveText('555');
	}
	// The restore is Ada's own change: her undo takes it back, for everyone.
	await cell(page, 'B5').click();
	await page.keyboard.press('Control+z');
	for (const p of [page, bea.page]) await expect(cell(p, 'A1')).toHaveText('999');

	// "Before restore" was cut first, and the cell's edit history names who did what.
	await panel.getByRole('button', { name: 'Close', exact: true }).click();
	await page.getByRole('button', { name: 'History' }).click();
	await expect(panel.getByRole('button', { name: 'Open version Before restore' })).toBeVisible();
	await cell(page, 'A1').click({ button: 'right' });
	await page.getByRole('menuitem', { name: 'Show edit history' }).click();
	const history = page.getByRole('dialog', { name: 'Edit history of Sheet1!A1' });
	await expect(history.getByRole('listitem')).toHaveCount(4);
	await expect(history.getByRole('listitem').nth(2)).toContainText('Bea Editor');
	await expect(history.getByRole('listitem').nth(2)).toContainText('100 → 999');
	await history.getByRole('button', { name: 'Close', exact: true }).click();
	await bea.context.close();
});

test('a link pinned to a named version shows that version, marked, while the owner edits', async ({
	browser,
	page
}) => {
	const url = await createWorkbook(page);
	await typeInto(page, 'B2', '2025');
	const workbookId = workbookIdOf(url);
	const named = await page.request.post(`/api/v1/workbooks/${workbookId}/versions`, {
		data: { name: '2025 as filed' }
	});
	expect(named.status()).toBe(201);
	const { id: versionId } = (await named.json()) as { id: string };
	const link = await page.request.post(`/api/v1/workbooks/${workbookId}/links`, {
		data: { label: 'CPA', versionId }
	});
	expect(link.status()).toBe(201);
	const { url: linkUrl } = (await link.json()) as { url: string };
	await typeInto(page, 'B2', '2026');

	const cpa = await browser.newContext();
	const guest = await cpa.newPage();
	await guest.goto(linkUrl);
	await expect(guest.getByTestId('version-label')).toContainText('Version: 2025 as filed, 20');
	await expect(cell(guest, 'B2')).toHaveText('2025');
	await typeInto(page, 'B3', 'later');
	await expect(cell(guest, 'B3')).toHaveText('');
	await cpa.close();

	// On a phone the version sits on a line of its own: the title stays in sight beside it.
	const phone = await browser.newContext({ viewport: { width: 390, height: 844 } });
	const phoneGuest = await phone.newPage();
	await phoneGuest.goto(linkUrl);
	const label = phoneGuest.getByTestId('version-label');
	await expect(label).toContainText('Version: 2025 as filed');
	const title = phoneGuest.getByRole('heading', { level: 1 });
	await expect(title).toBeVisible();
	const titleBox = (await title.boundingBox())!;
	const labelBox = (await label.boundingBox())!;
	expect(titleBox.width).toBeGreaterThan(60);
	expect(labelBox.y).toBeGreaterThanOrEqual(titleBox.y + titleBox.height - 1);
	await phone.close();
});
