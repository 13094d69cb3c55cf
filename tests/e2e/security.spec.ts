import { expect, test } from './fixtures';
import { cell, createWorkbook, typeInto } from './editor-helpers';

test('the page’s Content-Security-Policy stops a script injected into it', async ({ page }) => {
	await createWorkbook(page, 'Injected');
	const violations: string[] = [];
	page.on('console', (message) => {
		if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
	});
	// What a stored XSS would do: put a script element into the served page's DOM.
	const ran = await page.evaluate(async () => {
		const target = window as unknown as { injectedRan?: boolean };
		const script = document.createElement('script');
		script.textContent = 'window.injectedRan = true;';
		document.body.append(script);
		const handler = document.createElement('img');
		handler.setAttribute('onerror', 'window.injectedRan = true;');
		handler.src = 'data:,not-an-image';
		document.body.append(handler);
		await new Promise((resolve) => setTimeout(resolve, 200));
		return target.injectedRan === true;
	});
	expect(ran).toBe(false);
	expect(violations.length).toBeGreaterThan(0);
	// …while the app itself, its worker and its socket keep working under the same policy.
	await typeInto(page, 'A1', '21');
	await typeInto(page, 'A2', '=A1*2');
	await expect(cell(page, 'A2')).toHaveText('42');
	await expect(page.getByTestId('connection-status')).toHaveAttribute('data-status', 'connected');
});

test('pages and API answers carry the security headers', async ({ page }) => {
	const login = await page.request.get('/login');
	const csp = login.headers()['content-security-policy'];
	expect(csp).toMatch(/script-src 'self' 'nonce-[^']+'/);
	expect(csp).toContain("frame-ancestors 'none'");
	expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
	for (const response of [login, await page.request.get('/api/v1/me')]) {
		expect(response.headers()['x-frame-options']).toBe('DENY');
		expect(response.headers()['x-content-type-options']).toBe('nosniff');
		expect(response.headers()['referrer-policy']).toBe('strict-origin-when-cross-origin');
	}
});

test('a session logged out elsewhere loses its open editor’s socket', async ({ page }) => {
	const url = await createWorkbook(page, 'Logged out');
	await typeInto(page, 'B2', '7');
	// The same session, logged out from another tab.
	const otherTab = await page.context().newPage();
	await otherTab.goto('/');
	await otherTab.getByRole('button', { name: 'Log out' }).click();
	await expect(otherTab).toHaveURL(/\/login/);
	await expect(page.getByTestId('connection-status')).toHaveAttribute('data-status', 'offline', {
		timeout: 2_000
	});
	await expect(page.getByTestId('connection-status')).toContainText('Your session has ended');
	expect(page.url()).toBe(url);
});
