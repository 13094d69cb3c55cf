import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { InvalidOperationError } from './errors';
import { fillCells } from './fill-cells';
import { setCellInput, setNumberFormat } from './operations/cells';
import { listSheets, readCells, seedBlankWorkbook } from './workbook-api';

function blank() {
	const doc = new Y.Doc();
	seedBlankWorkbook(doc);
	return { doc, sheet: listSheets(doc)[0].id };
}

const inputs = (doc: Y.Doc, range: string) =>
	readCells(doc, 'Sheet1', range).map((row) => row.map((cell) => cell.input));

describe('fillCells', () => {
	it('continues 1, 2 down as 3, 4 and leaves the 2 alone', () => {
		const { doc, sheet } = blank();
		setCellInput(doc, sheet, 'A1', '1');
		setCellInput(doc, sheet, 'A2', '2');
		fillCells(doc, sheet, 'A1:A2', 'A1:A4');
		expect(inputs(doc, 'A1:A4')).toEqual([['1'], ['2'], ['3'], ['4']]);
	});

	it('continues Jan to the right and dates by the day with their format', () => {
		const { doc, sheet } = blank();
		setCellInput(doc, sheet, 'A1', 'Jan');
		fillCells(doc, sheet, 'A1', 'A1:C1');
		expect(inputs(doc, 'A1:C1')).toEqual([['Jan', 'Feb', 'Mar']]);
		setCellInput(doc, sheet, 'B3', '2024-02-28');
		fillCells(doc, sheet, 'B3', 'B3:B5');
		expect(readCells(doc, 'Sheet1', 'B4:B5').map((r) => r[0].display)).toEqual([
			'2024-02-29',
			'2024-03-01'
		]);
	});

	it('shifts formulas, copies formats and writes nothing beside the target', () => {
		const { doc, sheet } = blank();
		setCellInput(doc, sheet, 'A1', '10');
		setCellInput(doc, sheet, 'A2', '20');
		setCellInput(doc, sheet, 'B1', '=A1*2');
		setNumberFormat(doc, sheet, 'B1', '0.00%');
		setCellInput(doc, sheet, 'C2', 'keep');
		fillCells(doc, sheet, 'B1', 'B1:B2');
		expect(inputs(doc, 'B2:C2')).toEqual([['=A2*2', 'keep']]);
		expect(readCells(doc, 'Sheet1', 'B2')[0][0].display).toBe('4000.00%');
	});

	it('copies rather than counts for Ctrl+D', () => {
		const { doc, sheet } = blank();
		setCellInput(doc, sheet, 'A1', 'Unit 1');
		fillCells(doc, sheet, 'A1', 'A1:A3', undefined, { copyOnly: true });
		expect(inputs(doc, 'A1:A3')).toEqual([['Unit 1'], ['Unit 1'], ['Unit 1']]);
	});

	it('fills upwards as a series running backwards', () => {
		const { doc, sheet } = blank();
		setCellInput(doc, sheet, 'A5', 'Unit 5');
		fillCells(doc, sheet, 'A5', 'A3:A5');
		expect(inputs(doc, 'A3:A4')).toEqual([['Unit 3'], ['Unit 4']]);
	});

	it('is undone in one step', () => {
		const { doc, sheet } = blank();
		setCellInput(doc, sheet, 'A1', '1');
		const undo = new Y.UndoManager(doc.getMap('sheets'), { trackedOrigins: new Set(['me']) });
		fillCells(doc, sheet, 'A1', 'A1:A50', 'me');
		undo.stopCapturing();
		undo.undo();
		expect(inputs(doc, 'A1:A3')).toEqual([['1'], [''], ['']]);
	});

	it('refuses a target that does not extend the source', () => {
		const { doc, sheet } = blank();
		expect(() => fillCells(doc, sheet, 'A1:B2', 'C3:D4')).toThrow(InvalidOperationError);
	});
});
