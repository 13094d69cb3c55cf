import type { Browser, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { cell, createWorkbook, openAsSecondPerson, typeInto, workbookIdOf } from './editor-helpers';

test.use({ viewport: { width: 1440, height: 900 } });

/** Drags the fill handle of the current selection onto the cell `to`. */
async function dragFillHandle(page: Page, to: string): Promise<void> {
	const handle = page.getByLabel('Fill handle');
	const from = (await handle.boundingBox())!;
	const target = (await cell(page, to).boundingBox())!;
	await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
	await page.mouse.down();
	await page.mouse.move(target.x + target.width / 2, target.y + target.height / 2, { steps: 5 });
	await page.mouse.up();
}

function columnHeader(page: Page, letters: string) {
	return page.getByRole('columnheader').filter({ hasText: new RegExp(`^\\s*${letters}\\s*$`) });
}

function rowHeader(page: Page, row: number) {
	return page.getByRole('rowheader').filter({ hasText: new RegExp(`^${row}$`) });
}

async function texts(page: Page, refs: string[]): Promise<string[]> {
	return Promise.all(refs.map((ref) => cell(page, ref).innerText()));
}

test('the fill handle continues 1, 2 as 3, 4, Jan as Feb, and Unit 1 as Unit 2; undo takes it back', async ({
	page
}) => {
	await createWorkbook(page, 'Fill series');
	await typeInto(page, 'A1', '1');
	await typeInto(page, 'A2', '2');
	await cell(page, 'A1').click();
	await page.keyboard.press('Shift+ArrowDown');
	await dragFillHandle(page, 'A4');
	await expect(cell(page, 'A4')).toHaveText('4');
	expect(await texts(page, ['A1', 'A2', 'A3', 'A4'])).toEqual(['1', '2', '3', '4']);

	await typeInto(page, 'B1', 'Jan');
	await cell(page, 'B1').click();
	await dragFillHandle(page, 'B3');
	await expect(cell(page, 'B3')).toHaveText('Mar');
	expect(await texts(page, ['B2'])).toEqual(['Feb']);

	await typeInto(page, 'C1', 'Unit 1');
	await cell(page, 'C1').click();
	await dragFillHandle(page, 'E1');
	await expect(cell(page, 'E1')).toHaveText('Unit 3');
	await expect(cell(page, 'D1')).toHaveText('Unit 2');
	await expect(cell(page, 'F1')).toHaveText('');

	// One undo removes the whole last fill.
	await page.keyboard.press('Control+z');
	await expect(cell(page, 'D1')).toHaveText('');
	await expect(cell(page, 'E1')).toHaveText('');
	await expect(cell(page, 'C1')).toHaveText('Unit 1');
});

test('Ctrl+D copies the cell above, moving its formula', async ({ page }) => {
	await createWorkbook(page, 'Ctrl D');
	await typeInto(page, 'A1', '5');
	await typeInto(page, 'A2', '6');
	await typeInto(page, 'B1', '=A1*2');
	await cell(page, 'B2').click();
	await page.keyboard.press('Control+d');
	await expect(cell(page, 'B2')).toHaveText('12');
	await expect(page.getByLabel('Formula bar')).toHaveValue('=A2*2');
});

test('Tab, Tab, Enter returns to the column where the Tabs started', async ({ page }) => {
	await createWorkbook(page, 'Tab rows');
	await cell(page, 'B2').click();
	for (const [i, value] of ['a', 'b', 'c'].entries()) {
		await page.keyboard.type(value);
		await page.keyboard.press(i < 2 ? 'Tab' : 'Enter');
	}
	await expect(page.getByLabel('Cell address')).toHaveValue('B3');
	await expect(cell(page, 'D2')).toHaveText('c');
});

test('clicking a column header selects it without scrolling to the last row', async ({ page }) => {
	await createWorkbook(page, 'Headers');
	const grid = page.getByRole('grid');
	await grid.evaluate((el) => (el.scrollTop = 210));
	await expect(cell(page, 'A12')).toBeInViewport();
	await columnHeader(page, 'C').click();
	await expect(page.getByLabel('Cell address')).toHaveValue('C1:C100');
	expect(await grid.evaluate((el) => el.scrollTop)).toBe(210);
	await expect(cell(page, 'A12')).toBeInViewport();
});

test('building a formula: Shift-click and Shift+arrow extend the range, Enter closes the parenthesis', async ({
	page
}) => {
	await createWorkbook(page, 'Point mode');
	await typeInto(page, 'C1', '10');
	await typeInto(page, 'C2', '20');
	await typeInto(page, 'C3', '30');
	await cell(page, 'A1').click();
	await page.keyboard.type('=SUM(');
	await cell(page, 'C1').click();
	await cell(page, 'C2').click({ modifiers: ['Shift'] });
	await expect(page.getByLabel('Cell editor')).toHaveValue('=SUM(C1:C2');
	await page.keyboard.press('Shift+ArrowDown');
	await expect(page.getByLabel('Cell editor')).toHaveValue('=SUM(C1:C3');
	await page.keyboard.press('Enter');
	await expect(cell(page, 'A1')).toHaveText('60');
	await cell(page, 'A1').click();
	await expect(page.getByLabel('Formula bar')).toHaveValue('=SUM(C1:C3)');
});

test('Ctrl+Space and Shift+Space select the column and the row; F2 edits, Escape cancels, Ctrl+arrow jumps', async ({
	page
}) => {
	await createWorkbook(page, 'Keys');
	await typeInto(page, 'B2', 'kept');
	await cell(page, 'B2').click();
	await page.keyboard.press('Control+Space');
	await expect(rowHeader(page, 30)).toHaveClass(/selected/);
	await expect(columnHeader(page, 'C')).not.toHaveClass(/selected/);
	await cell(page, 'B2').click();
	await page.keyboard.press('Shift+Space');
	await expect(columnHeader(page, 'F')).toHaveClass(/selected/);
	await expect(rowHeader(page, 3)).not.toHaveClass(/selected/);
	await cell(page, 'B2').click();
	await page.keyboard.press('F2');
	await page.keyboard.type(' more');
	await page.keyboard.press('Escape');
	await expect(cell(page, 'B2')).toHaveText('kept');
	await cell(page, 'A2').click();
	await page.keyboard.press('Control+ArrowRight');
	await expect(page.getByLabel('Cell address')).toHaveValue('B2');
});

/**
 * A workbook of `page`'s person with `value` in A1, open in a second person's (Bea's) browser
 * until a copy is kept on her device; `hasCopy` says whether it still is, `removeBea` takes her
 * membership away through the API.
 */
async function sharedWithBea(browser: Browser, page: Page, title: string, value: string) {
	const url = await createWorkbook(page, title);
	await typeInto(page, 'A1', value);
	const bea = await openAsSecondPerson(browser, page, url);
	await expect(cell(bea.page, 'A1')).toHaveText(value);
	const database = `investflow:${bea.user.id}:${workbookIdOf(url)}`;
	const hasCopy = () =>
		bea.page.evaluate(
			async (name) => (await indexedDB.databases()).some((db) => db.name === name),
			database
		);
	await expect.poll(hasCopy).toBe(true);
	const removeBea = async () => {
		const removed = await page.request.delete(
			new URL(`/api/v1/workbooks/${workbookIdOf(url)}/members/${bea.user.id}`, url).href
		);
		expect(removed.status()).toBe(204);
	};
	return { url, bea, hasCopy, removeBea };
}

test('a removed member sees "You no longer have access" and the workbook leaves their device', async ({
	browser,
	page
}) => {
	const { bea, hasCopy, removeBea } = await sharedWithBea(
		browser,
		page,
		'Private figures',
		'424242'
	);
	await removeBea();
	await expect(bea.page.getByRole('heading', { name: 'You no longer have access' })).toBeVisible();
	await expect(bea.page.getByRole('grid')).toHaveCount(0);
	await expect(bea.page.getByText('424242')).toHaveCount(0);
	await expect.poll(hasCopy).toBe(false);
	await bea.context.close();
});

test('a revoked view-only link blanks the page for its visitor', async ({ browser, page }) => {
	const url = await createWorkbook(page, 'Linked figures');
	await typeInto(page, 'A1', '777111');
	const api = (path: string) => new URL(`/api/v1/workbooks/${workbookIdOf(url)}${path}`, url).href;
	const created = await page.request.post(api('/links'), { data: { label: 'CPA' } });
	expect(created.status()).toBe(201);
	const link = (await created.json()) as { id: string; url: string };

	const guestContext = await browser.newContext();
	const guest = await guestContext.newPage();
	await guest.goto(new URL(link.url, url).href);
	await expect(cell(guest, 'A1')).toHaveText('777111');

	expect((await page.request.delete(api(`/links/${link.id}`))).status()).toBe(204);
	await expect(guest.getByRole('heading', { name: 'You no longer have access' })).toBeVisible();
	await expect(guest.getByText('777111')).toHaveCount(0);
	await expect(guest.getByRole('link', { name: 'Back to your workbooks' })).toHaveCount(0);
	await guestContext.close();
});

test('someone removed while away finds the workbook gone from their device on their next visit', async ({
	browser,
	page
}) => {
	const { url, bea, hasCopy, removeBea } = await sharedWithBea(
		browser,
		page,
		'Away figures',
		'303030'
	);
	await bea.page.goto('/');
	expect(await hasCopy()).toBe(true);
	await removeBea();
	await bea.page.goto(url);
	await expect(bea.page.getByRole('heading', { name: 'Workbook not found' })).toBeVisible();
	await expect.poll(hasCopy).toBe(false);
	await bea.context.close();
});
