import { expect, test } from './fixtures';
import { cell, createWorkbook, openAsSecondPerson, typeInto, workbookIdOf } from './editor-helpers';

test('Ada types, Bea (a second account) sees it, and formulas compute in both browsers', async ({
	browser,
	page
}) => {
	const url = await createWorkbook(page);
	const bea = await openAsSecondPerson(browser, page, url);

	await typeInto(page, 'A1', '1200');
	await typeInto(page, 'A2', '=A1*12');
	await expect(cell(page, 'A2')).toHaveText('14400');
	await expect(cell(bea.page, 'A1')).toHaveText('1200');
	await expect(cell(bea.page, 'A2')).toHaveText('14400');

	await typeInto(bea.page, 'A1', '1500');
	await typeInto(bea.page, 'B1', '=A2/100');
	for (const p of [page, bea.page]) {
		await expect(cell(p, 'A2')).toHaveText('18000');
		await expect(cell(p, 'B1')).toHaveText('180');
		await cell(p, 'B1').click();
		await expect(p.getByLabel('Formula bar')).toHaveValue('=A2/100');
	}

	// The server knows who made the last edit: Bea, not Ada.
	await expect
		.poll(async () => {
			const response = await page.request.get(new URL('/api/v1/workbooks', url).href);
			const { workbooks } = (await response.json()) as {
				workbooks: { id: string; lastEditedBy: { name: string } | null }[];
			};
			return workbooks.find((workbook) => workbook.id === workbookIdOf(url))?.lastEditedBy?.name;
		})
		.toBe('Bea Editor');
	await bea.context.close();
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
