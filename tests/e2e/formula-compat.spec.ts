import { expect, test } from './fixtures';
import { cell, createWorkbook, typeInto } from './editor-helpers';

test('formulas typed into the grid show Excel’s answers: text formats, quotes in text, rounding, array lookups', async ({
	page
}) => {
	await createWorkbook(page, 'Excel answers');
	await typeInto(page, 'B1', '1250');
	await typeInto(page, 'A1', '="Unit ""B"" rent: "&TEXT(B1,"$#,##0.00")');
	await typeInto(page, 'A2', '=TEXT(0.0725,"0.00%")');
	await typeInto(page, 'A3', '=ROUND(1.005,2)');
	await typeInto(page, 'A4', '=VLOOKUP(2,{1,"one";2,"two";3,"three"},2,FALSE)');

	await expect(cell(page, 'A1')).toHaveText('Unit "B" rent: $1,250.00');
	await expect(cell(page, 'A2')).toHaveText('7.25%');
	await expect(cell(page, 'A3')).toHaveText('1.01');
	await expect(cell(page, 'A4')).toHaveText('two');

	await cell(page, 'A1').click();
	await expect(page.getByLabel('Formula bar')).toHaveValue(
		'="Unit ""B"" rent: "&TEXT(B1,"$#,##0.00")'
	);
});
