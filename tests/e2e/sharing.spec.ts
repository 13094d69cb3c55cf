import { acceptInvitationThroughLink, expect, linkInNewestMail, test } from './fixtures';
import { cell, createWorkbook, typeInto } from './editor-helpers';

test('the owner shares a view-only link; a fresh browser sees values live and cannot edit', async ({
	browser,
	page
}) => {
	await createWorkbook(page, 'Maple Ave');
	await typeInto(page, 'A1', '100');
	await typeInto(page, 'B1', '=A1*2');
	await expect(cell(page, 'B1')).toHaveText('200');

	await page.getByRole('button', { name: 'Share' }).click();
	const dialog = page.getByRole('dialog', { name: 'Share' });
	await dialog.getByLabel('Link label').fill('CPA — 2026 return');
	await dialog.getByRole('button', { name: 'Create link' }).click();
	const url = await dialog.getByLabel('New link (shown once):').inputValue();
	expect(url).toMatch(/\/s\/[a-z2-7]{32}$/);
	await expect(dialog.getByRole('list', { name: 'View-only links' })).toContainText(
		'CPA — 2026 return'
	);
	await dialog.getByRole('button', { name: 'Close' }).click();

	const guestContext = await browser.newContext();
	const guest = await guestContext.newPage();
	const response = await guest.goto(url);
	expect(response?.headers()['referrer-policy']).toBe('no-referrer');
	await expect(guest.getByTestId('role-badge')).toHaveText('View only');
	await expect(cell(guest, 'B1')).toHaveText('200');

	await typeInto(page, 'A1', '150');
	await expect(cell(guest, 'B1')).toHaveText('300');

	// No editing affordances: no toolbar, no share button, a read-only formula bar, and typing
	// into a cell changes nothing.
	await expect(guest.getByRole('toolbar', { name: 'Formatting' })).toHaveCount(0);
	await expect(guest.getByRole('button', { name: 'Share' })).toHaveCount(0);
	await cell(guest, 'A1').click();
	await expect(guest.getByLabel('Formula bar')).not.toBeEditable();
	await guest.keyboard.type('999');
	await guest.keyboard.press('Enter');
	await guest.keyboard.press('Delete');
	await expect(cell(guest, 'A1')).toHaveText('150');
	await expect(cell(page, 'A1')).toHaveText('150');
	await guestContext.close();
});

test('an invited editor sees the workbook under "Shared with me" and edits it live', async ({
	browser,
	page
}) => {
	const url = await createWorkbook(page, 'Shared duplex');
	const guestEmail = `co-owner-${Date.now().toString(36)}@example.com`;
	await page.getByRole('button', { name: 'Share' }).click();
	const dialog = page.getByRole('dialog', { name: 'Share' });
	await dialog.getByLabel('Email to invite').fill(guestEmail);
	await dialog.getByRole('button', { name: 'Invite' }).click();
	await expect(dialog.getByRole('list', { name: 'People with access' })).toContainText(guestEmail);
	// The owner can pass the link on too; it is the one the email carries.
	const shownLink = await dialog.getByLabel(/Invitation link for/).inputValue();
	await dialog.getByRole('button', { name: 'Close' }).click();

	const coOwnerContext = await browser.newContext({ baseURL: process.env.E2E_BASE_URL });
	const coOwner = await coOwnerContext.newPage();
	await coOwner.goto('/register');
	await coOwner.getByLabel('Your name').fill('Cora Owner');
	await coOwner.getByLabel('Email').fill(guestEmail);
	await coOwner.getByLabel('Password').fill('co-owner passphrase');
	await coOwner.getByRole('button', { name: 'Create account' }).click();
	await expect(coOwner.getByRole('heading', { name: 'Workbooks', exact: true })).toBeVisible();
	const emailedLink = await linkInNewestMail(guestEmail, /shared/);
	expect(emailedLink).toBe(shownLink);
	await acceptInvitationThroughLink(coOwner, emailedLink);
	await coOwner.goto('/');
	const shared = coOwner.getByRole('list', { name: 'Shared with me' });
	await expect(shared).toContainText('Shared duplex');
	await coOwner.goto(url);
	await expect(coOwner.getByTestId('role-badge')).toHaveText('Editor');
	await typeInto(coOwner, 'C3', '42');
	await expect(cell(page, 'C3')).toHaveText('42');
	await coOwnerContext.close();
});
