import {
	expect,
	linkInNewestMail,
	logInThroughForm,
	registerThroughForm,
	test,
	uniqueEmail
} from './fixtures';

test('a person registers, logs out, logs in, changes password, and the old session elsewhere ends', async ({
	browser,
	page
}) => {
	const account = { email: uniqueEmail(), name: 'Dana Owner', password: 'first sturdy passphrase' };
	await registerThroughForm(page, account);
	await expect(page.getByTestId('user-name')).toHaveText('Dana Owner');
	await expect(page.getByText('No workbooks yet')).toBeVisible();

	await page.getByRole('button', { name: 'Log out' }).click();
	await expect(page.getByRole('heading', { name: 'Log in' })).toBeVisible();
	await page.goto('/settings');
	await expect(page).toHaveURL(/\/login\?redirectTo=%2Fsettings/);

	await logInThroughForm(page, account);
	await expect(page.getByRole('heading', { name: 'Settings' })).toBeVisible();

	// A second browser (a laptop left logged in elsewhere).
	const elsewhere = await browser.newContext({ baseURL: process.env.E2E_BASE_URL });
	const otherPage = await elsewhere.newPage();
	await logInThroughForm(otherPage, account);
	await expect(otherPage.getByRole('heading', { name: 'Workbooks', exact: true })).toBeVisible();

	await page.reload();
	await expect(page.getByTestId('session')).toHaveCount(2);

	await page.getByLabel('Current password').fill(account.password);
	await page.getByLabel('New password').fill('second sturdy passphrase');
	await page.getByRole('button', { name: 'Change password' }).click();
	await expect(page.getByText('Your other sessions have ended')).toBeVisible();
	await page.reload();
	await expect(page.getByTestId('session')).toHaveCount(1);

	await otherPage.goto('/');
	await expect(otherPage.getByRole('heading', { name: 'Log in' })).toBeVisible();
	await elsewhere.close();
});

test('form errors appear beside the field and change nothing', async ({ page }) => {
	await page.goto('/register');
	await page.getByLabel('Your name').fill('Short Password');
	await page.getByLabel('Email').fill(uniqueEmail());
	await page.getByLabel('Password').fill('password123');
	await page.getByRole('button', { name: 'Create account' }).click();
	await expect(page.getByRole('alert')).toHaveText(/too common/);
	await expect(page.getByLabel('Your name')).toHaveValue('Short Password');

	await page.goto('/login');
	await page.getByLabel('Email').fill(uniqueEmail());
	await page.getByLabel('Password').fill('whatever passphrase');
	await page.getByRole('button', { name: 'Log in' }).click();
	await expect(page).toHaveURL(/\/login/);
	await expect(page.getByRole('alert')).toHaveText('The email or password is not correct.');
});

test('a person can rename themselves and end another session from settings, by keyboard', async ({
	browser,
	page
}) => {
	const account = { email: uniqueEmail(), name: 'Keyboard User', password: 'keyboard passphrase' };
	await registerThroughForm(page, account);
	const elsewhere = await browser.newContext({ baseURL: process.env.E2E_BASE_URL });
	const otherPage = await elsewhere.newPage();
	await logInThroughForm(otherPage, account);

	await page.goto('/settings');
	await page.getByLabel('Display name').fill('Renamed User');
	await page.getByLabel('Display name').press('Enter');
	await expect(page.getByText('Name saved.')).toBeVisible();
	await page.reload();
	await expect(page.getByTestId('user-name')).toHaveText('Renamed User');

	await page.getByRole('button', { name: 'End session' }).focus();
	await page.keyboard.press('Enter');
	await expect(page.getByTestId('session')).toHaveCount(1);
	await otherPage.goto('/settings');
	await expect(otherPage.getByRole('heading', { name: 'Log in' })).toBeVisible();
	await elsewhere.close();
});

test('a person who forgot their password resets it through the emailed link', async ({ page }) => {
	const account = {
		email: uniqueEmail('forgot'),
		name: 'Remy Reset',
		password: 'forgotten passphrase'
	};
	await registerThroughForm(page, account);
	await page.getByRole('button', { name: 'Log out' }).click();
	await page.getByRole('link', { name: 'Forgot your password?' }).click();
	await page.getByLabel('Email').fill(account.email);
	await page.getByRole('button', { name: 'Email me a reset link' }).click();
	await expect(page.getByText(/we have sent it a link/)).toBeVisible();

	await page.goto(await linkInNewestMail(account.email, /Reset your InvestFlow password/));
	await page.getByLabel('New password').fill('remembered passphrase');
	await page.getByRole('button', { name: 'Save new password' }).click();
	await expect(page).toHaveURL(/\/login\?reset=1/);
	await expect(page.getByText('Your password is changed.', { exact: false })).toBeVisible();
	await logInThroughForm(page, { email: account.email, password: 'remembered passphrase' });
	await expect(page.getByRole('heading', { name: 'Workbooks', exact: true })).toBeVisible();
});

test('a person confirms their email by logging in from the emailed link and clicking Confirm', async ({
	page
}) => {
	const account = {
		email: uniqueEmail('confirm'),
		name: 'Cora Confirm',
		password: 'confirm passphrase'
	};
	await registerThroughForm(page, account);
	const link = await linkInNewestMail(account.email, /Confirm your email/);
	await page.getByRole('button', { name: 'Log out' }).click();

	await page.goto(link);
	await expect(page.getByRole('heading', { name: 'Confirm your email' })).toBeVisible();
	await page.getByRole('button', { name: 'Log in to confirm' }).click();
	await expect(page).toHaveURL(/\/login\?redirectTo=/);
	await logInThroughForm(page, account);
	await expect(page).toHaveURL(/\/verify-email\//);
	await page.getByRole('button', { name: `Confirm ${account.email}` }).click();
	await expect(page.getByRole('heading', { name: 'Email confirmed' })).toBeVisible();

	await page.goto(link);
	await expect(page.getByText(/invalid|expired|used/i).first()).toBeVisible();
});
