import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import { expect, test } from './fixtures';
import { cell, createWorkbook, typeInto } from './editor-helpers';
import { arrayBufferOf } from '../helpers/libreoffice';

test('exporting from the editor downloads an Excel file with what was typed', async ({ page }) => {
	await createWorkbook(page, 'Maple Duplex');
	await typeInto(page, 'A1', '1200');
	await typeInto(page, 'A2', '=A1*12');
	await expect(cell(page, 'A2')).toHaveText('14400');

	await page.getByText('File', { exact: true }).click();
	const [download] = await Promise.all([
		page.waitForEvent('download'),
		page.getByRole('menuitem', { name: 'Export workbook as Excel (.xlsx)' }).click()
	]);
	expect(download.suggestedFilename()).toBe('Maple Duplex.xlsx');
	const book = new ExcelJS.Workbook();
	await book.xlsx.load(arrayBufferOf(await readFile((await download.path())!)));
	const formula = book.worksheets[0].getCell('A2');
	expect(formula.formula).toBe('A1*12');
	expect((formula.value as ExcelJS.CellFormulaValue).result).toBe(14400);
});

test('importing a CSV from the workbook list creates and opens a workbook', async ({ page }) => {
	await createWorkbook(page, 'First workbook');
	await page.goto('/');
	await page.getByLabel('Workbook file to import').setInputFiles({
		name: 'March bank.csv',
		mimeType: 'text/csv',
		buffer: Buffer.from('Payee,Amount\nRent,1200\nRepairs,300\n')
	});
	await expect(page).toHaveURL(/\/workbooks\/[a-z0-9]+$/);
	await expect(page.getByRole('heading', { name: 'March bank' })).toBeVisible();
	await expect(cell(page, 'B2')).toHaveText('1200');
	await expect(cell(page, 'A3')).toHaveText('Repairs');
	await page.goto('/');
	await expect(page.getByRole('link', { name: 'March bank' })).toBeVisible();
});
