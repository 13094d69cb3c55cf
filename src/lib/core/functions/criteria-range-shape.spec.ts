import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createEvaluator } from '../evaluator';
import { toEngineFormulaText } from '../formula-tokens';
import { setCellInput, setCellInputs } from '../operations/cells';
import { addSheet } from '../operations/sheets';

describe('SUMIF and AVERAGEIF read the sum range in the criteria range’s shape, as Excel does', () => {
	it('gives the engine the sum range resized from its top-left cell', () => {
		expect(toEngineFormulaText('=SUMIF(A1:A3,">1",B1)')).toBe('=SUMIF(A1:A3,">1",B1:B3)');
		expect(toEngineFormulaText('=averageif( A1, "x" , $B$2:C9 )')).toBe(
			'=averageif( A1, "x" , $B$2 )'
		);
		expect(toEngineFormulaText("=SUMIF(A1:B2,1,'Rent roll'!D5)")).toBe(
			"=SUMIF(A1:B2,1,'Rent roll'!D5:E6)"
		);
		expect(toEngineFormulaText('=1+SUMIF(A1:A2,"a""b",C1)')).toBe(
			'=1+SUMIF(A1:A2,("a"&CHAR(34)&"b"),C1:C2)'
		);
	});

	it('leaves sum ranges of the same shape, other functions and computed ranges alone', () => {
		for (const text of [
			'=SUMIF(A1:A3,">1",B1:B3)',
			'=SUMIF(A1:A3,">1")',
			'=SUMIFS(B1,A1:A3,">1")',
			'=SUMIF(A:A,">1",B1)',
			'=SUMIF(A1:A3,">1",OFFSET(B1,0,0))',
			'=SUMIF(A1:A3,SUM(1,2),B1:B3)'
		]) {
			expect(toEngineFormulaText(text)).toBe(text);
		}
	});

	it('sums the cells Excel sums and follows a change to one outside the range as typed', () => {
		const doc = new Y.Doc();
		const sheet = addSheet(doc, 'Sheet1');
		setCellInputs(doc, sheet, [
			{ address: 'A1', text: 'Oak' },
			{ address: 'A2', text: 'Pine' },
			{ address: 'A3', text: 'Oak' },
			{ address: 'B1', text: '1000' },
			{ address: 'B2', text: '1200' },
			{ address: 'B3', text: '1400' },
			{ address: 'C1', text: '=SUMIF(A1:A3,"Oak",B1)' },
			{ address: 'C2', text: '=AVERAGEIF(A1:A3,"Oak",B1)' }
		]);
		const evaluator = createEvaluator(doc);
		expect(evaluator.getValueAt('Sheet1', 'C1')).toEqual({ value: 2400 });
		expect(evaluator.getValueAt('Sheet1', 'C2')).toEqual({ value: 1200 });
		setCellInput(doc, sheet, 'B3', '2000');
		expect(evaluator.getValueAt('Sheet1', 'C1')).toEqual({ value: 3000 });
		expect(evaluator.getValueAt('Sheet1', 'C2')).toEqual({ value: 1500 });
		evaluator.destroy();
		doc.destroy();
	});
});
