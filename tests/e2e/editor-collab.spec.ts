import type { Locator, Page } from '@playwright/test';
import { colorForUser } from '../../src/lib/collab/awareness-filter';
import { expect, test } from './fixtures';
import { cell, createWorkbook, openAsSecondPerson, typeInto } from './editor-helpers';

// Ada (the owner, from createWorkbook) and Bea (a second account she invites as an editor).

test('both insert rows at once and the formula still points at the same cells', async ({
	browser,
	page
}) => {
	const url = await createWorkbook(page);
	const bea = await openAsSecondPerson(browser, page, url);
	await typeInto(page, 'A1', '10');
	await typeInto(page, 'A2', '20');
	await typeInto(page, 'A3', '=A1+A2');
	await expect(cell(bea.page, 'A3')).toHaveText('30');

	// Bea's insert is made without having seen Ada's: the two are truly concurrent.
	await bea.context.setOffline(true);
	await expect(bea.page.getByTestId('connection-status')).toHaveAttribute('data-status', 'offline');
	await cell(bea.page, 'A2').click();
	await bea.page.keyboard.press('Control+Alt+=');
	await cell(page, 'A1').click();
	await page.keyboard.press('Control+Alt+=');
	await expect(cell(page, 'A2')).toHaveText('10');
	await bea.context.setOffline(false);

	for (const p of [page, bea.page]) {
		await expect(cell(p, 'A2')).toHaveText('10');
		await expect(cell(p, 'A4')).toHaveText('20');
		await expect(cell(p, 'A5')).toHaveText('30');
		await cell(p, 'A5').click();
		await expect(p.getByLabel('Formula bar')).toHaveValue('=A2+A4');
	}
	await bea.context.close();
});

test('Bea edits offline, comes back, and both agree', async ({ browser, page }) => {
	const url = await createWorkbook(page);
	const bea = await openAsSecondPerson(browser, page, url);
	await typeInto(page, 'A1', '100');
	await expect(cell(bea.page, 'A1')).toHaveText('100');

	await bea.context.setOffline(true);
	const status = bea.page.getByTestId('connection-status');
	await expect(status).toHaveAttribute('data-status', 'offline');
	await typeInto(bea.page, 'B1', '=A1*3');
	await typeInto(bea.page, 'C1', 'offline note');
	await typeInto(bea.page, 'D1', "Bea's figure");
	await expect(status).toContainText('3 edits waiting');
	await expect(cell(bea.page, 'B1')).toHaveText('300');
	// Meanwhile Ada, online, changes the input of Bea's formula and writes the same cell D1.
	await typeInto(page, 'A1', '200');
	await typeInto(page, 'D1', "Ada's figure");
	await expect(cell(page, 'B1')).toHaveText('');

	await bea.context.setOffline(false);
	await expect(status).toHaveAttribute('data-status', 'connected');
	for (const p of [page, bea.page]) {
		await expect(cell(p, 'A1')).toHaveText('200');
		await expect(cell(p, 'B1')).toHaveText('600');
		await expect(cell(p, 'C1')).toHaveText('offline note');
		await cell(p, 'B1').click();
		await expect(p.getByLabel('Formula bar')).toHaveValue('=A1*3');
	}
	// The conflicting D1 settles on one of the two, the same for both people.
	await expect
		.poll(async () => {
			const seenByAda = await cell(page, 'D1').textContent();
			const seenByBea = await cell(bea.page, 'D1').textContent();
			return seenByAda === seenByBea ? seenByAda : `Ada: ${seenByAda}; Bea: ${seenByBea}`;
		})
		.toMatch(/^(Ada's figure|Bea's figure)$/);
	const settled = await cell(page, 'D1').textContent();
	await bea.context.close();

	// The server kept Bea's offline edits: a fresh load shows the merged workbook.
	await page.reload();
	await expect(cell(page, 'B1')).toHaveText('600');
	await expect(cell(page, 'C1')).toHaveText('offline note');
	await expect(cell(page, 'D1')).toHaveText(settled ?? '');
});

test("undo removes only my own edits, never the other person's", async ({ browser, page }) => {
	const url = await createWorkbook(page);
	const bea = await openAsSecondPerson(browser, page, url);
	await typeInto(page, 'A1', 'mine');
	await typeInto(page, 'C1', 'first draft');
	await expect(cell(bea.page, 'C1')).toHaveText('first draft');
	await typeInto(bea.page, 'B1', 'theirs');
	// Bea overwrites the cell Ada wrote last.
	await typeInto(bea.page, 'C1', 'final figure');
	await expect(cell(page, 'B1')).toHaveText('theirs');
	await expect(cell(page, 'C1')).toHaveText('final figure');

	// Ada undoes her two edits (C1, then A1): A1 empties, Bea's B1 and her overwrite of C1 stay.
	await cell(page, 'E5').click();
	await page.keyboard.press('Control+z');
	await page.keyboard.press('Control+z');
	for (const p of [page, bea.page]) {
		await expect(cell(p, 'A1')).toHaveText('');
		await expect(cell(p, 'B1')).toHaveText('theirs');
		await expect(cell(p, 'C1')).toHaveText('final figure');
	}
	await expect(page.getByRole('button', { name: 'Undo' })).toBeDisabled();

	// Bea's undo takes back only her last edit, putting back the text she had replaced; Ada's
	// redo brings back hers.
	await cell(bea.page, 'E5').click();
	await bea.page.keyboard.press('Control+z');
	await page.keyboard.press('Control+Shift+z');
	for (const p of [page, bea.page]) {
		await expect(cell(p, 'C1')).toHaveText('first draft');
		await expect(cell(p, 'A1')).toHaveText('mine');
		await expect(cell(p, 'B1')).toHaveText('theirs');
	}
	await bea.context.close();
});

/** A colour as the page computes it (`rgb(…)`), for comparing with computed styles. */
function computedColor(page: Page, color: string): Promise<string> {
	return page.evaluate((value) => {
		const probe = document.createElement('i');
		probe.style.color = value;
		document.body.append(probe);
		const computed = getComputedStyle(probe).color;
		probe.remove();
		return computed;
	}, color);
}

function avatars(page: Page): Locator {
	return page.getByRole('list', { name: 'People in this workbook' }).getByRole('button');
}

test("each person sees the other's name and colour in presence, and can jump to their selection", async ({
	browser,
	page
}) => {
	const url = await createWorkbook(page);
	const me = await page.request.get(new URL('/api/v1/me', url).href);
	const ada = ((await me.json()) as { user: { id: string; name: string } }).user;
	expect(ada.name).toBe('Ada Owner');
	const bea = await openAsSecondPerson(browser, page, url);
	expect(bea.user.id).not.toBe(ada.id);
	await expect(page.getByTestId('role-badge')).toHaveText('Owner');

	await cell(bea.page, 'D7').click();
	await cell(page, 'B2').click();

	// Ada sees only Bea (never herself), in Bea's colour, with Bea's selection tagged by name.
	const beaColor = await computedColor(page, colorForUser(bea.user.id));
	await expect(avatars(page)).toHaveCount(1);
	const beaAvatar = page.getByRole('button', { name: "Go to Bea Editor's selection" });
	await expect(beaAvatar).toHaveText('BE');
	await expect(beaAvatar).toHaveAttribute('title', 'Bea Editor — D7');
	await expect(beaAvatar).toHaveCSS('background-color', beaColor);
	const beaTag = page.getByText('Bea Editor', { exact: true });
	await expect(beaTag).toBeVisible();
	await expect(beaTag).toHaveCSS('background-color', beaColor);
	await expect(page.getByText('Ada Owner', { exact: true })).toHaveCount(0);

	// And Bea sees only Ada, in Ada's colour.
	const adaColor = await computedColor(bea.page, colorForUser(ada.id));
	await expect(avatars(bea.page)).toHaveCount(1);
	const adaAvatar = bea.page.getByRole('button', { name: "Go to Ada Owner's selection" });
	await expect(adaAvatar).toHaveText('AO');
	await expect(adaAvatar).toHaveAttribute('title', 'Ada Owner — B2');
	await expect(adaAvatar).toHaveCSS('background-color', adaColor);
	await expect(bea.page.getByText('Ada Owner', { exact: true })).toHaveCSS(
		'background-color',
		adaColor
	);
	await expect(bea.page.getByText('Bea Editor', { exact: true })).toHaveCount(0);

	await beaAvatar.click();
	await expect(page.getByLabel('Cell address')).toHaveValue('D7');
	// Ada's jump moved her selection, and Bea's view of it follows; Bea can jump there too.
	await expect(adaAvatar).toHaveAttribute('title', 'Ada Owner — D7');
	await cell(bea.page, 'H9').click();
	await expect(beaAvatar).toHaveAttribute('title', 'Bea Editor — H9');
	await adaAvatar.click();
	await expect(bea.page.getByLabel('Cell address')).toHaveValue('D7');
	await bea.context.close();
});
