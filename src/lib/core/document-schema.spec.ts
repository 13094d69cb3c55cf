import { describe, expect, it } from 'vitest';
import {
	checkCellInput,
	checkDefinedName,
	checkSheetName,
	entryRule,
	isStoredFormula,
	MAX_CELL_TEXT_LENGTH
} from './document-schema';

const formula = { parts: ['', '*2'], refs: [{ a: { r: 'r1', c: 'c1' } }] };

describe('document schema', () => {
	it('accepts the cell inputs the core stores and nothing else', () => {
		for (const good of [12.5, true, 'text', 'x'.repeat(MAX_CELL_TEXT_LENGTH), { f: formula }]) {
			expect(checkCellInput(good)).toBeNull();
		}
		const bad = [
			NaN,
			Infinity,
			'x'.repeat(MAX_CELL_TEXT_LENGTH + 1),
			null,
			[1],
			{ f: 'not-an-object' },
			{ f: formula, extra: 1 }
		];
		for (const value of bad) expect(checkCellInput(value)).not.toBeNull();
	});

	it('knows a stored formula by its shape: one more part than refs, refs by id', () => {
		expect(
			isStoredFormula({
				parts: ['SUM(', ')'],
				refs: [{ s: 's1', a: { r: 'r', c: 'c', ar: 1 }, b: { r: 'r2' } }]
			})
		).toBe(true);
		expect(isStoredFormula({ parts: ['', ''], refs: [{ n: 'name1' }] })).toBe(true);
		expect(isStoredFormula({ parts: ['x'], refs: [{ n: 'n' }] })).toBe(false);
		expect(isStoredFormula({ parts: ['', ''], refs: [{ a: { r: 5 } }] })).toBe(false);
		expect(isStoredFormula({ parts: ['', ''], refs: [{ a: { r: 'r', ar: 2 } }] })).toBe(false);
	});

	it('checks sheet and defined names as the core validates them', () => {
		expect(checkSheetName('Cash flow')).toBeNull();
		for (const name of ['', '   ', 'x'.repeat(32), 'a/b', "'quoted'", 5]) {
			expect(checkSheetName(name)).not.toBeNull();
		}
		expect(checkDefinedName({ name: 'PurchasePrice', expr: formula })).toBeNull();
		expect(checkDefinedName({ name: 'N'.repeat(256), expr: formula })).not.toBeNull();
		expect(checkDefinedName({ name: '1abc', expr: formula })).not.toBeNull();
		expect(checkDefinedName({ name: 'Ok', expr: 'A1' })).not.toBeNull();
	});

	it('maps each place of the document to what may be written there', () => {
		expect(entryRule('sheets', 'sheetId')).toMatchObject({
			kind: 'type',
			typeName: 'map',
			slot: 'sheet'
		});
		expect(entryRule('sheet', 'rows')).toMatchObject({
			kind: 'type',
			typeName: 'array',
			slot: 'axis'
		});
		expect(entryRule('sheet', 'cells')).toMatchObject({ kind: 'type', slot: 'cells' });
		expect(entryRule('charts', 'c1')).toMatchObject({ kind: 'type', slot: 'chart' });
		expect(entryRule('cells', 'r:c')).toMatchObject({ kind: 'value' });
		expect(entryRule('sheet', 'hidden')).toEqual(expect.stringContaining('unknown sheet field'));
		expect(entryRule('axis', 'key')).toEqual(expect.any(String));
		expect(entryRule('cells', null)).toEqual(expect.any(String));
		expect(entryRule('cells', 'k'.repeat(300))).toEqual(expect.any(String));
		const width = entryRule('colWidths', 'c1');
		expect(typeof width !== 'string' && width.kind === 'value' && width.check(-1)).toBeTruthy();
	});
});
