import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { registerThroughForm, uniqueEmail } from './fixtures';
import { cell, createWorkbook, typeInto } from './editor-helpers';

test.use({ viewport: { width: 1440, height: 900 } });

/** Whether the centre of cell `ref` is on screen and shows that cell, not something over it. */
async function cellUncovered(page: Page, ref: string): Promise<boolean> {
	return cell(page, ref).evaluate((el) => {
		const box = el.getBoundingClientRect();
		const [x, y] = [box.left + box.width / 2, box.top + box.height / 2];
		if (x < 0 || y < 0 || x > innerWidth || y > innerHeight) return false;
		const hit = document.elementFromPoint(x, y);
		return hit !== null && (hit === el || el.contains(hit));
	});
}

async function createPropertyWorkbook(page: Page): Promise<void> {
	await registerThroughForm(page, {
		email: uniqueEmail('charts'),
		name: 'Cary Charts',
		password: 'sturdy charts passphrase'
	});
	await page.getByLabel('New workbook title').fill('12 Oak Street');
	await page.getByLabel('Template').selectOption('property');
	await page.getByRole('button', { name: 'Create workbook' }).click();
	await expect(page.getByRole('grid')).toBeVisible({ timeout: 30_000 });
	await expect(page.getByTestId('connection-status')).toHaveAttribute('data-status', 'connected');
}

test('formula results take Sheets-like formats, and 7% typed into 0.00% keeps two decimals', async ({
	page
}) => {
	await createWorkbook(page, 'Formats');
	await typeInto(page, 'A1', '$250,000.00');
	await typeInto(page, 'A2', '6.5%');
	await typeInto(page, 'A3', '=PMT(A2/12,360,-A1)');
	await expect(cell(page, 'A3')).toHaveText('$1,580.17');
	await typeInto(page, 'A4', '=RATE(360,-A3,A1)*12');
	await expect(cell(page, 'A4')).toHaveText('6.50%');

	await cell(page, 'B1').click();
	await page.getByRole('button', { name: 'Format as percent' }).click();
	await typeInto(page, 'B1', '7%');
	await expect(cell(page, 'B1')).toHaveText('7.00%');
});

test('long text spills over empty neighbours, and the sheet grows past its last row', async ({
	page
}) => {
	await createWorkbook(page, 'Growth');
	await typeInto(page, 'A1', 'Schedule E summary for the 2025 tax year');
	const a1 = (await cell(page, 'A1').boundingBox())!;
	const b1 = (await cell(page, 'B1').boundingBox())!;
	expect(a1.width).toBeGreaterThan(b1.x + b1.width - a1.x - 1);
	await typeInto(page, 'B1', 'x');
	await expect
		.poll(async () => (await cell(page, 'A1').boundingBox())!.width)
		.toBeLessThan(b1.x - a1.x + 1);

	const grid = page.getByRole('grid');
	await expect(grid).toHaveAttribute('aria-rowcount', '100');
	await page.getByLabel('Cell address').fill('A100');
	await page.getByLabel('Cell address').press('Enter');
	await page.keyboard.press('ArrowDown');
	await expect(grid).toHaveAttribute('aria-rowcount', '101');
	await expect(page.getByLabel('Cell address')).toHaveValue('A101');
	await page.keyboard.type('last');
	await page.keyboard.press('Enter');
	await expect(grid).toHaveAttribute('aria-rowcount', '102');
	await expect(page.getByLabel('Cell address')).toHaveValue('A102');

	await grid.evaluate((el) => (el.scrollTop = el.scrollHeight));
	await page.getByRole('button', { name: 'Add 1,000 more rows at the bottom' }).click();
	await expect(grid).toHaveAttribute('aria-rowcount', '1102');
});

test('charts: closed on a sheet without charts, complete legends, ranges with their sheet, a new chart shown', async ({
	page
}) => {
	await createPropertyWorkbook(page);
	const toggle = page.getByRole('button', { name: 'Charts' });
	await expect(toggle).toHaveAttribute('aria-pressed', 'false');
	await page.screenshot({ path: '/tmp/h6-desktop-editor.png' });

	await page.getByRole('tab', { name: 'Ledger' }).click();
	// The Ledger's summary runs under the panel's place, so the panel waits for a click.
	await expect(toggle).toHaveAttribute('aria-pressed', 'false');
	await toggle.click();
	await expect(toggle).toHaveAttribute('aria-pressed', 'true');
	const panel = page.getByRole('complementary', { name: 'Charts' });
	const legend = panel.getByRole('list', { name: /Legend of Expenses by Schedule E line/ });
	await expect(legend.getByRole('listitem')).toHaveCount(15);
	const colours = await legend
		.locator('.swatch')
		.evaluateAll((swatches) => swatches.map((s) => getComputedStyle(s).backgroundColor));
	expect(new Set(colours).size).toBe(15);
	await expect(legend).toContainText('$');
	await page.screenshot({ path: '/tmp/h6-desktop-ledger.png' });

	await panel.getByRole('button', { name: /Edit chart Expenses by Schedule E line/ }).click();
	await expect(page.getByLabel('Series 1 range')).toHaveValue(/^Ledger!J\d+:J\d+$/);
	await page.keyboard.press('Escape');

	await cell(page, 'B1').click();
	await cell(page, 'C5').click({ modifiers: ['Shift'] });
	await panel.getByRole('button', { name: 'Insert chart' }).click();
	await expect(page.getByText('Chart added.')).toBeVisible();
	await expect(panel.locator('article.chart.fresh')).toBeInViewport();
	await expect(panel.locator('article.chart')).toHaveCount(4);
});

test('on the Ledger at 1440 × 900 the charts leave the Schedule E summary in view and open with one click', async ({
	page
}) => {
	await createPropertyWorkbook(page);
	await page.getByRole('tab', { name: 'Ledger' }).click();
	await expect(cell(page, 'I4')).toHaveText('Rents received');
	const toggle = page.getByRole('button', { name: /^Charts \(\d+\)$/ });
	await expect(toggle).toHaveAttribute('aria-pressed', 'false');
	await expect(page.getByRole('complementary', { name: 'Charts' })).toHaveCount(0);
	for (const ref of ['H3', 'H5', 'I5', 'J5', 'K5'])
		expect(await cellUncovered(page, ref), ref).toBe(true);
	await expect(cell(page, 'J5')).toHaveText(/^\$[\d,]+\.\d\d$/);
	await page.screenshot({ path: '/tmp/h9-ledger-closed.png' });

	// Column L ends past 1,440 px with or without the panel: the grid scrolls to it, uncovered.
	await cell(page, 'K5').click();
	await page.keyboard.press('ArrowRight');
	await expect(page.getByLabel('Cell address')).toHaveValue('L5');
	await expect.poll(() => cellUncovered(page, 'L5')).toBe(true);

	await toggle.click();
	const panel = page.getByRole('complementary', { name: 'Charts' });
	await expect(
		panel.getByRole('list', { name: /Legend of Expenses by Schedule E line/ })
	).toBeVisible();
	await expect(toggle).toHaveAttribute('aria-pressed', 'true');
	await page.screenshot({ path: '/tmp/h9-ledger-open.png' });
	await toggle.click();
	await expect(panel).toHaveCount(0);
	expect(await cellUncovered(page, 'L5')).toBe(true);
});

test('the chart panel widens by dragging its edge or with the arrow keys, and stays within bounds', async ({
	page
}) => {
	await createPropertyWorkbook(page);
	await page.getByRole('button', { name: /^Charts \(\d+\)$/ }).click();
	const edge = page.getByRole('separator', { name: 'Resize the chart panel' });
	await expect(edge).toHaveAttribute('aria-valuenow', '380');
	const box = (await edge.boundingBox())!;
	await page.mouse.move(box.x + 2, box.y + 100);
	await page.mouse.down();
	await page.mouse.move(box.x - 98, box.y + 100, { steps: 4 });
	await page.mouse.up();
	await expect(edge).toHaveAttribute('aria-valuenow', '480');
	// Released: moving the pointer again resizes nothing.
	await page.mouse.move(box.x - 300, box.y + 100);
	await expect(edge).toHaveAttribute('aria-valuenow', '480');

	await edge.focus();
	await page.keyboard.press('ArrowLeft');
	await expect(edge).toHaveAttribute('aria-valuenow', '500');
	for (let step = 0; step < 20; step++) await page.keyboard.press('ArrowRight');
	await expect(edge).toHaveAttribute('aria-valuenow', '240');
});
