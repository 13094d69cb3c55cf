import { expect, test } from './fixtures';
import { cell, createWorkbook, typeInto, workbookIdOf } from './editor-helpers';

for (const [label, viewport] of [
	['desktop', { width: 1440, height: 900 }],
	['phone', { width: 390, height: 844 }]
] as const) {
	test(`screens ${label}`, async ({ page, browser }) => {
		test.setTimeout(120_000);
		await page.setViewportSize(viewport);
		const url = await createWorkbook(page);
		await typeInto(page, 'A1', '100');
		await typeInto(page, 'A2', '=A1*2');
		await page.getByRole('button', { name: 'History' }).click();
		const panel = page.getByRole('complementary', { name: 'Version history' });
		await panel.getByLabel('Name the current version').fill('Q3 close');
		await panel.getByRole('button', { name: 'Name', exact: true }).click();
		await expect(panel.getByRole('button', { name: 'Open version Q3 close' })).toBeVisible();
		await typeInto(page, 'A1', '150');
		await page.screenshot({ path: `/tmp/hs-${label}-panel.png` });
		await panel.getByRole('button', { name: 'Open version Q3 close' }).click();
		const version = page.getByRole('region', { name: 'Version Q3 close' });
		await version.getByRole('button', { name: 'Show changes' }).click();
		await expect(version.getByRole('complementary')).toContainText('100');
		await page.screenshot({ path: `/tmp/hs-${label}-version.png` });
		await version.getByRole('button', { name: 'Back to the live workbook' }).click();
		await cell(page, 'A1').click({ button: 'right' });
		await page.getByRole('menuitem', { name: 'Show edit history' }).click();
		await expect(page.getByRole('dialog').getByRole('listitem')).toHaveCount(2);
		await page.screenshot({ path: `/tmp/hs-${label}-cell.png` });
		const id = workbookIdOf(url);
		const versions = await (await page.request.get(`/api/v1/workbooks/${id}/versions`)).json();
		const named = versions.versions.find((v: { kind: string }) => v.kind === 'named');
		const link = await (
			await page.request.post(`/api/v1/workbooks/${id}/links`, { data: { versionId: named.id } })
		).json();
		const guest = await browser.newPage({ viewport });
		await guest.goto(link.url);
		await expect(cell(guest, 'A1')).toHaveText('100');
		await guest.screenshot({ path: `/tmp/hs-${label}-pinned.png` });
		await guest.close();
	});
}
