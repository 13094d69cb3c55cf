import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { cell, createWorkbook, typeInto, workbookIdOf } from './editor-helpers';

/** Above WORKER_THRESHOLD_CELLS (20,000), so the evaluator worker and its kept values are used. */
const ROWS = 1_050;
const COLS = 'CDEFGHIJKLMNOPQRSTUV'; // 20 columns of plain numbers

async function seedLargeWorkbook(page: Page, url: string): Promise<void> {
	const cells = [
		{ ref: 'A1', input: '2' },
		{ ref: 'B1', input: '=A1*21' }
	];
	for (let r = 1; r <= ROWS; r++) {
		for (const col of COLS) cells.push({ ref: `${col}${r}`, input: String(r) });
	}
	for (let i = 0; i < cells.length; i += 10_000) {
		const updates = cells.slice(i, i + 10_000); // the API's limit per request
		const response = await page.request.post(`/api/v1/workbooks/${workbookIdOf(url)}/cells`, {
			data: { updates }
		});
		expect(response.status(), await response.text()).toBe(200);
	}
}

/** The formula values kept on this device (see cached-values.ts), as numbers and texts. */
function keptValues(page: Page): Promise<unknown[]> {
	return page.evaluate(
		() =>
			new Promise<unknown[]>((resolve) => {
				const open = indexedDB.open('investflow-values');
				// Reading must not create the database: the app would find it without its store.
				open.onupgradeneeded = () => open.transaction?.abort();
				open.onerror = () => resolve([]);
				open.onsuccess = () => {
					const db = open.result;
					if (!db.objectStoreNames.contains('values')) return resolve([]);
					const all = db.transaction('values').objectStore('values').getAll();
					all.onsuccess = () =>
						resolve(
							(all.result as { entries: unknown[][] }[]).flatMap((kept) =>
								kept.entries.map((entry) => entry[1])
							)
						);
				};
			})
	);
}

/** Leaves the values database as an interrupted first open would: present, without its store. */
function leaveValuesDatabaseWithoutStore(page: Page): Promise<void> {
	return page.evaluate(
		() =>
			new Promise<void>((resolve, reject) => {
				const removal = indexedDB.deleteDatabase('investflow-values');
				removal.onerror = () => reject(removal.error);
				removal.onsuccess = () => {
					const open = indexedDB.open('investflow-values');
					open.onerror = () => reject(open.error);
					open.onsuccess = () => {
						open.result.close();
						resolve();
					};
				};
			})
	);
}

/** Reopens `url`, recording any moment the grid shows B1 = `stale` beside A1 = `input`. */
async function reopenWatching(page: Page, url: string, input: string, stale: string) {
	await page.addInitScript(
		([a1, b1]) => {
			const w = window as unknown as { __stale: number };
			w.__stale = 0;
			const text = (ref: string) =>
				document.querySelector(`[data-ref="${ref}"]`)?.textContent?.trim();
			new MutationObserver(() => {
				if (text('A1') === a1 && text('B1') === b1) w.__stale++;
			}).observe(document, { subtree: true, childList: true, characterData: true });
		},
		[input, stale]
	);
	await page.goto(url);
}

test('a large workbook shows the values it kept only for exactly the document it loads', async ({
	page
}) => {
	const url = await createWorkbook(page, 'Big ledger');
	await seedLargeWorkbook(page, url);
	await leaveValuesDatabaseWithoutStore(page);
	await page.reload(); // now large: evaluated by the worker, whose values are kept
	await expect(cell(page, 'B1')).toHaveText('42', { timeout: 30_000 });
	await expect.poll(() => keptValues(page), { timeout: 30_000 }).toContain(42);

	// An edit stored on the device, left before the kept values caught up with it: the next
	// visit loads A1 = 3 and must not show the 42 kept for A1 = 2.
	await typeInto(page, 'A1', '3');
	await expect(cell(page, 'B1')).toHaveText('63');
	await page.goto('/');
	const keptBefore = await keptValues(page);
	await reopenWatching(page, url, '3', '42');
	await expect(cell(page, 'A1')).toHaveText('3', { timeout: 30_000 });
	await expect(cell(page, 'B1')).toHaveText('63', { timeout: 30_000 });
	expect(await page.evaluate(() => (window as unknown as { __stale: number }).__stale)).toBe(0);
	// Meaningful only if the device still held the values of the older document.
	expect(keptBefore).toContain(42);
});
