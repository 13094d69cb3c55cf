import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { listSheetEntries } from './document-view';
import {
	createEvaluator,
	type CellChange,
	type NameChange,
	type WorkbookEvaluator
} from './evaluator';
import { setCellInput, setCellInputs } from './operations/cells';
import { defineName, removeName, renameName } from './operations/names';
import { addSheet, deleteSheet, renameSheet } from './operations/sheets';
import { deleteLines, insertLines, moveLines } from './operations/structure';
import { snapshotValues } from './test-support';

function setup() {
	const doc = new Y.Doc();
	const sheet = addSheet(doc, 'Sheet1');
	return { doc, sheet };
}

function expectSameAsFresh(doc: Y.Doc, evaluator: WorkbookEvaluator) {
	const fresh = createEvaluator(doc);
	expect(snapshotValues(doc, evaluator)).toEqual(snapshotValues(doc, fresh));
	fresh.destroy();
}

describe('evaluator', () => {
	it('computes values of numbers, text, booleans and formulas built in one batch', () => {
		const { doc, sheet } = setup();
		setCellInputs(doc, sheet, [
			{ address: 'A1', text: '10' },
			{ address: 'A2', text: '32' },
			{ address: 'A3', text: '=SUM(A1:A2)' },
			{ address: 'B1', text: "'12" },
			{ address: 'B2', text: 'true' }
		]);
		const evaluator = createEvaluator(doc);
		expect(evaluator.getValueAt('Sheet1', 'A3')).toEqual({ value: 42 });
		expect(evaluator.getValueAt('Sheet1', 'B1')).toEqual({ value: '12' });
		expect(evaluator.getValueAt('Sheet1', 'B2')).toEqual({ value: true });
		evaluator.destroy();
	});

	it('follows edits incrementally and reports the cells whose value changed', () => {
		const { doc, sheet } = setup();
		const evaluator = createEvaluator(doc);
		const seen: CellChange[][] = [];
		evaluator.onChange((changes) => seen.push(changes));
		setCellInput(doc, sheet, 'A1', '2');
		setCellInput(doc, sheet, 'B1', '=A1*10');
		setCellInput(doc, sheet, 'A1', '3');
		expect(evaluator.getValueAt('Sheet1', 'B1')).toEqual({ value: 30 });
		const last = seen
			.at(-1)!
			.map((change) => `${change.row},${change.col}`)
			.sort();
		expect(last).toEqual(['0,0', '0,1']);
		evaluator.destroy();
	});

	it('reports errors with their code and a message', () => {
		const { doc, sheet } = setup();
		const evaluator = createEvaluator(doc);
		setCellInput(doc, sheet, 'A1', '=1/0');
		setCellInput(doc, sheet, 'A2', '=NoSuchName*2');
		setCellInput(doc, sheet, 'A3', '=A3+1');
		expect(evaluator.getValueAt('Sheet1', 'A1').error?.code).toBe('#DIV/0!');
		expect(evaluator.getValueAt('Sheet1', 'A2').error?.code).toBe('#NAME?');
		expect(evaluator.getValueAt('Sheet1', 'A3').error?.code).toBe('#CYCLE!');
		expect(evaluator.getValueAt('Sheet1', 'A1').error?.message).toMatch(/zero/i);
		evaluator.destroy();
	});

	it('keeps values right through row inserts, deletes and moves', () => {
		const { doc, sheet } = setup();
		const evaluator = createEvaluator(doc);
		setCellInputs(doc, sheet, [
			{ address: 'A1', text: '1' },
			{ address: 'A2', text: '2' },
			{ address: 'A3', text: '3' },
			{ address: 'A4', text: '4' },
			{ address: 'B1', text: '=SUM(A1:A4)' },
			{ address: 'B2', text: '=A3*10' }
		]);
		insertLines(doc, sheet, 'rows', 2, 2);
		expect(evaluator.getValueAt('Sheet1', 'B2')).toEqual({ value: 30 });
		deleteLines(doc, sheet, 'rows', 3, 1);
		moveLines(doc, sheet, 'rows', 0, 1, 5);
		expectSameAsFresh(doc, evaluator);
		deleteLines(doc, sheet, 'cols', 0, 1);
		expectSameAsFresh(doc, evaluator);
		evaluator.destroy();
	});

	it('follows sheet renames, deletions and defined names', () => {
		const { doc, sheet } = setup();
		const other = addSheet(doc, 'Other');
		const evaluator = createEvaluator(doc);
		setCellInput(doc, other, 'B2', '250000');
		defineName(doc, 'Price', 'Other!B2');
		setCellInput(doc, sheet, 'A1', '=Other!B2/1000');
		setCellInput(doc, sheet, 'A2', '=Price*2');
		expect(evaluator.getNameValue('price')).toEqual({ value: 250000 });
		renameSheet(doc, other, 'Inputs');
		renameName(doc, 'Price', 'PurchasePrice');
		expect(evaluator.getValueAt('Sheet1', 'A1')).toEqual({ value: 250 });
		expect(evaluator.getValueAt('Sheet1', 'A2')).toEqual({ value: 500000 });
		expectSameAsFresh(doc, evaluator);
		removeName(doc, 'PurchasePrice');
		deleteSheet(doc, other);
		expect(evaluator.getValueAt('Sheet1', 'A1').error?.code).toBe('#REF!');
		expect(evaluator.getValueAt('Sheet1', 'A2').error?.code).toBe('#NAME?');
		expect(listSheetEntries(doc)).toHaveLength(1);
		expectSameAsFresh(doc, evaluator);
		evaluator.destroy();
	});

	it('builds with the defined names of the document already in effect', () => {
		const { doc, sheet } = setup();
		setCellInput(doc, sheet, 'B2', '40');
		defineName(doc, 'Rate', 'Sheet1!B2');
		setCellInput(doc, sheet, 'A1', '=Rate/2');
		const evaluator = createEvaluator(doc);
		expect(evaluator.getNameValue('Rate')).toEqual({ value: 40 });
		expect(evaluator.getValueAt('Sheet1', 'A1')).toEqual({ value: 20 });
		expect(evaluator.getValueAt('Sheet1', 'A2')).toEqual({ value: null });
		evaluator.destroy();
	});

	it('tells name listeners which defined names may have changed value', () => {
		const { doc, sheet } = setup();
		setCellInput(doc, sheet, 'B2', '40');
		defineName(doc, 'Rate', 'Sheet1!B2');
		const evaluator = createEvaluator(doc);
		const seen: NameChange[][] = [];
		evaluator.onNamesChange((changes) => seen.push(changes));
		setCellInput(doc, sheet, 'B2', '41');
		expect(seen.at(-1)).toEqual([{ name: 'Rate', removed: false }]);
		expect(evaluator.getNameValue('Rate')).toEqual({ value: 41 });
		const before = seen.length;
		setCellInput(doc, sheet, 'C9', '7');
		expect(seen.length).toBe(before);
		defineName(doc, 'Total', 'Sheet1!C9');
		expect(seen.at(-1)).toEqual([{ name: 'Total', removed: false }]);
		renameName(doc, 'Rate', 'Interest');
		expect(seen.at(-1)).toEqual(
			expect.arrayContaining([
				{ name: 'Rate', removed: true },
				{ name: 'Interest', removed: false }
			])
		);
		removeName(doc, 'Total');
		expect(seen.at(-1)).toEqual([{ name: 'Total', removed: true }]);
		evaluator.destroy();
	});
});
