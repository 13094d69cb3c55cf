import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { InvalidFormatError, InvalidFormulaError, LimitExceededError } from '../errors';
import { canonicalDocument } from '../test-support';
import { listSheets, readCells, seedBlankWorkbook } from '../workbook-api';
import {
	clearRange,
	fillDown,
	fillRight,
	parseTsv,
	pasteBlock,
	setCellInput,
	setColumnWidth,
	setNumberFormat
} from './cells';

function blank() {
	const doc = new Y.Doc();
	seedBlankWorkbook(doc);
	return { doc, sheet: listSheets(doc)[0].id };
}

const inputs = (doc: Y.Doc, range: string) =>
	readCells(doc, 'Sheet1', range).map((row) => row.map((cell) => cell.input));

describe('cell operations', () => {
	it('refuses text longer than a cell holds, naming the limit, and writes nothing', () => {
		const { doc, sheet } = blank();
		const before = canonicalDocument(doc);
		expect(() => setCellInput(doc, sheet, 'B3', 'x'.repeat(32_768))).toThrow(LimitExceededError);
		expect(() => setCellInput(doc, sheet, 'B3', 'x'.repeat(32_768))).toThrow(
			/32767 characters; B3/
		);
		expect(() => pasteBlock(doc, sheet, 'A1', [['ok', '='.padEnd(40_000, '1')]])).toThrow(/B1/);
		expect(canonicalDocument(doc)).toEqual(before);
		setCellInput(doc, sheet, 'B3', 'x'.repeat(32_767));
		expect(inputs(doc, 'B3')).toEqual([['x'.repeat(32_767)]]);
	});

	it('stores dates as serials with their format and shows them formatted', () => {
		const { doc, sheet } = blank();
		setCellInput(doc, sheet, 'A1', '2024-01-05');
		const [[cell]] = readCells(doc, 'Sheet1', 'A1');
		expect(cell.value).toBe(45296);
		expect(cell.display).toBe('2024-01-05');
		expect(cell.input).toBe('2024-01-05');
	});

	it('rejects a formula that does not parse and changes nothing', () => {
		const { doc, sheet } = blank();
		const before = JSON.stringify(canonicalDocument(doc));
		expect(() => setCellInput(doc, sheet, 'A1', '=1+')).toThrow(InvalidFormulaError);
		expect(() => setCellInput(doc, sheet, 'A1', '=SUM(1')).toThrow(InvalidFormulaError);
		expect(JSON.stringify(canonicalDocument(doc))).toBe(before);
	});

	it('parses tab-separated text with quoted fields', () => {
		expect(parseTsv('a\tb\r\n"x\ty"\t"say ""hi"""\n')).toEqual([
			['a', 'b'],
			['x\ty', 'say "hi"']
		]);
	});

	it('pastes a block, growing the sheet when it reaches past the grid', () => {
		const { doc, sheet } = blank();
		pasteBlock(doc, sheet, 'Z99', parseTsv('1\t2\n3\t=Z99+AA99+Z100'));
		expect(readCells(doc, 'Sheet1', 'AA100')[0][0].value).toBe(6);
		expect(listSheets(doc)[0]).toMatchObject({ rowCount: 100, colCount: 27 });
	});

	it('fills down and right shifting relative references only', () => {
		const { doc, sheet } = blank();
		setCellInput(doc, sheet, 'B1', '=A1*$A$1+A$1');
		fillDown(doc, sheet, 'B1:B3');
		expect(inputs(doc, 'B1:B3')).toEqual([['=A1*$A$1+A$1'], ['=A2*$A$1+A$1'], ['=A3*$A$1+A$1']]);
		fillRight(doc, sheet, 'B1:C1');
		expect(inputs(doc, 'C1')).toEqual([['=B1*$A$1+B$1']]);
	});

	it('clears contents but keeps formats', () => {
		const { doc, sheet } = blank();
		setCellInput(doc, sheet, 'A1', '5%');
		clearRange(doc, sheet, 'A1:B2');
		setCellInput(doc, sheet, 'A1', '0.25');
		expect(readCells(doc, 'Sheet1', 'A1')[0][0].display).toBe('25%');
	});

	it('validates number formats and column widths', () => {
		const { doc, sheet } = blank();
		setNumberFormat(doc, sheet, 'A1:A2', '0.00');
		setCellInput(doc, sheet, 'A2', '3');
		expect(readCells(doc, 'Sheet1', 'A2')[0][0].display).toBe('3.00');
		expect(() => setNumberFormat(doc, sheet, 'A1', '')).toThrow(InvalidFormatError);
		setColumnWidth(doc, sheet, 'C', 120);
		expect(() => setColumnWidth(doc, sheet, 'C', -1)).toThrow();
	});

	it('checks the syntax of every pasted formula, even beside valid ones of the same references', () => {
		const { doc, sheet } = blank();
		const before = JSON.stringify(canonicalDocument(doc));
		const block = [['=A1*B1'], ['=A2*B2'], ['=A3*']];
		expect(() => pasteBlock(doc, sheet, 'C1', block)).toThrow(InvalidFormulaError);
		expect(JSON.stringify(canonicalDocument(doc))).toBe(before);
		pasteBlock(doc, sheet, 'C1', [['=A1*B1', '=SUM(A:A)', '=SUM(1:2)', '=Sheet1!A1:B2']]);
		expect(inputs(doc, 'C1:F1')).toEqual([['=A1*B1', '=SUM(A:A)', '=SUM(1:2)', '=Sheet1!A1:B2']]);
	});

	it('shifts relative references of formulas copied from another place, as Excel pastes', () => {
		const { doc, sheet } = blank();
		const copied = [['=A1*$A$1+A$1+$A1', '=SUM(A1:B2)+SUM(A:A)+SUM(1:1)']];
		pasteBlock(doc, sheet, 'C3', copied, undefined, { sourceTopLeft: 'B1' });
		expect(inputs(doc, 'C3:D3')).toEqual([['=B3*$A$1+B$1+$A3', '=SUM(B3:C4)+SUM(B:B)+SUM(3:3)']]);
		pasteBlock(doc, sheet, 'A1', [['=Sheet1!C3+1']], undefined, { sourceTopLeft: 'A1' });
		expect(inputs(doc, 'A1')).toEqual([['=Sheet1!C3+1']]);
	});

	it('turns references pushed off the grid by a paste into #REF!', () => {
		const { doc, sheet } = blank();
		pasteBlock(doc, sheet, 'A1', [['=B2+$B$2', '=SUM(B2:C3)', '7']], undefined, {
			sourceTopLeft: 'C3'
		});
		expect(inputs(doc, 'A1:C1')).toEqual([['=#REF!+$B$2', '=SUM(#REF!)', '7']]);
		expect(readCells(doc, 'Sheet1', 'A1')[0][0].error?.code).toBe('#REF!');
		expect(readCells(doc, 'Sheet1', 'B1')[0][0].error?.code).toBe('#REF!');
	});
});
