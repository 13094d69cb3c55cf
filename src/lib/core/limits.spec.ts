import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { LimitExceededError } from './errors';
import {
	MAX_FORMULA_LENGTH,
	MAX_FORMULA_NESTING,
	checkFormulaText,
	checkStoredFormula,
	referenceCells,
	type PositionBounds,
	type StoredFormulaContext
} from './limits';
import { defineName } from './operations/names';
import { clearRange, fillDown, setCellInput, setNumberFormat } from './operations/cells';
import { canonicalDocument } from './test-support';
import {
	applyStructuralOps,
	checkCellRead,
	listSheets,
	readCells,
	seedBlankWorkbook
} from './workbook-api';

function blank() {
	const doc = new Y.Doc();
	seedBlankWorkbook(doc);
	return { doc, sheet: listSheets(doc)[0].id };
}

/** Runs `change`, expects a LimitExceededError naming `limit`, and that nothing changed. */
function expectRefused(doc: Y.Doc, change: () => void, limit: RegExp): void {
	const before = JSON.stringify(canonicalDocument(doc));
	expect(change).toThrow(LimitExceededError);
	expect(change).toThrow(limit);
	expect(JSON.stringify(canonicalDocument(doc))).toBe(before);
}

describe('limits', () => {
	it('refuses a formula referring to more than a million cells, before growing the sheet', () => {
		const { doc, sheet } = blank();
		expectRefused(doc, () => setCellInput(doc, sheet, 'A1', '=SUM(B1:BXX199999)'), /1000000 cells/);
		expect(listSheets(doc)[0].rowCount).toBeLessThan(1000);
	});

	it('accepts whole columns up to a million cells and counts them at the largest sheet', () => {
		const { doc, sheet } = blank();
		setCellInput(doc, sheet, 'A1', '=SUM(B:F)');
		expectRefused(doc, () => setCellInput(doc, sheet, 'A2', '=SUM(B:G)'), /1000000 cells/);
		expect(referenceCells({ start: { row: 0, absRow: false, absCol: false } })).toBe(2000);
	});

	it('refuses formulas longer than Excel allows', () => {
		const { doc, sheet } = blank();
		const long = '=' + Array.from({ length: 5000 }, () => '1').join('+');
		expect(long.length).toBeGreaterThan(MAX_FORMULA_LENGTH);
		expectRefused(doc, () => setCellInput(doc, sheet, 'A1', long), /8192 characters/);
	});

	it('refuses formulas nested deeper than 64 levels, ignoring parentheses in text', () => {
		const deep = '='.concat(
			'('.repeat(MAX_FORMULA_NESTING + 1),
			'1',
			')'.repeat(MAX_FORMULA_NESTING + 1)
		);
		expect(() => checkFormulaText(deep)).toThrow(/64 levels/);
		expect(() => checkFormulaText(`="${'('.repeat(100)}"`)).not.toThrow();
		expect(() => checkFormulaText(`='a((('!A1+${'('.repeat(64)}1${')'.repeat(64)}`)).not.toThrow();
	});

	it('refuses a defined name over more than a million cells', () => {
		const { doc } = blank();
		expectRefused(doc, () => defineName(doc, 'Everything', 'Sheet1!A1:BXX199999'), /1000000/);
	});

	it('refuses reads over 100,000 cells before evaluating', () => {
		const { doc } = blank();
		expect(() => readCells(doc, 'Sheet1', 'A1:BXX199999')).toThrow(/at most 100000 cells/);
		expect(() => checkCellRead(doc, 'Sheet1', 'A1:J10001')).toThrow(LimitExceededError);
		expect(checkCellRead(doc, 'Sheet1', 'A1:J10000')).toBe('Sheet1');
	});

	it('refuses range operations over 200,000 cells, alone and together', () => {
		const { doc, sheet } = blank();
		const limit = /at most 200000 cells/;
		expectRefused(doc, () => setNumberFormat(doc, sheet, 'A1:BXX199999', '0.00'), limit);
		expectRefused(doc, () => clearRange(doc, sheet, 'A1:BXX199999'), limit);
		expectRefused(doc, () => fillDown(doc, sheet, 'A1:B199999'), limit);
		const half = { op: 'setNumberFormat', sheet: 'Sheet1', range: 'A1:J10000', format: '0' };
		expectRefused(
			doc,
			() => applyStructuralOps(doc, [half, { ...half, range: 'K1:T10001' }]),
			limit
		);
	});

	describe('checkStoredFormula', () => {
		/** A sheet "Data" whose row ids `r<n>` and column ids `c<n>` lie where `where` says. */
		const context = (where: (index: number) => PositionBounds): StoredFormulaContext => ({
			sheetName: (id) => (id === 'data' ? 'Data' : undefined),
			definedName: (id) => (id === 'n1' ? 'Price' : undefined),
			rowBounds: (_, id) => (id.startsWith('r') ? where(Number(id.slice(1))) : null),
			colBounds: (_, id) => (id.startsWith('c') ? where(Number(id.slice(1))) : null)
		});
		const exactly = context((index) => [index, index]);
		const range = (bottom: number, right: number) => ({
			parts: ['SUM(', ')'],
			refs: [{ a: { r: 'r0', c: 'c0' }, b: { r: `r${bottom}`, c: `c${right}` } }]
		});

		it('counts the cells between a range’s corners where the document puts them', () => {
			expect(() => checkStoredFormula(range(999, 999), 'data', exactly)).not.toThrow();
			expect(() => checkStoredFormula(range(1000, 999), 'data', exactly)).toThrow(/1001000/);
		});

		it('counts the widest placement when a corner’s place is only bounded', () => {
			const loose = context((index) => [index, index + 1]);
			expect(() => checkStoredFormula(range(998, 999), 'data', loose)).toThrow(LimitExceededError);
		});

		it('lets a reference to an unknown sheet, row or column through as #REF!', () => {
			const unknown = { parts: ['SUM(', ')'], refs: [{ a: { r: 'x0' }, b: { r: 'x9' } }] };
			expect(() => checkStoredFormula(unknown, 'data', exactly)).not.toThrow();
			expect(() => checkStoredFormula(range(5000, 5000), 'gone', exactly)).not.toThrow();
			expect(() => checkStoredFormula(range(5000, 5000), undefined, exactly)).not.toThrow();
		});

		it('measures text as rendered, references and names included', () => {
			const refs = Array(2000).fill({ a: { r: 'r99999', c: 'c0' } });
			const formula = { parts: ['', ...Array(2000).fill('+')], refs };
			// 2,000 × "A100000" + 2,000 "+" + "=": 16,001 characters.
			expect(() => checkStoredFormula(formula, 'data', exactly)).toThrow(/16001/);
			const names = { parts: ['', ...Array(2000).fill('+')], refs: Array(2000).fill({ n: 'n1' }) };
			expect(() => checkStoredFormula(names, 'data', exactly)).toThrow(/12001/);
		});

		it('nests as deep as its parts, parentheses in text aside', () => {
			const deep = { parts: ['('.repeat(65) + '1' + ')'.repeat(65)], refs: [] };
			expect(() => checkStoredFormula(deep, 'data', exactly)).toThrow(/64 levels/);
			const quoted = { parts: [`"${'('.repeat(100)}"`], refs: [] };
			expect(() => checkStoredFormula(quoted, 'data', exactly)).not.toThrow();
		});
	});
});
