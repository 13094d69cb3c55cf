import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createEvaluator } from './evaluator';
import { toEngineFormulaText, tokenizeFormula } from './formula-tokens';
import { defineName } from './operations/names';
import { applyCellUpdates, readCells, seedBlankWorkbook } from './workbook-api';

describe('text literals with doubled quotes', () => {
	it('tokenize as one text literal, as Excel writes a quote inside text', () => {
		const tokens = tokenizeFormula('"Unit ""B"" rent: "&B1');
		expect(tokens[0]).toEqual({ type: 'string', text: '"Unit ""B"" rent: "' });
		expect(tokens.map((token) => token.type)).toEqual(['string', 'operator', 'ref']);
	});

	it('are spelled for HyperFormula with CHAR(34), leaving other text and sheet names alone', () => {
		expect(toEngineFormulaText('="Unit ""B"" rent: "&B1')).toBe(
			'=("Unit "&CHAR(34)&"B"&CHAR(34)&" rent: ")&B1'
		);
		expect(toEngineFormulaText('=""""')).toBe('=(""&CHAR(34)&"")');
		expect(toEngineFormulaText('=""&A1')).toBe('=""&A1');
		const quotedSheet = `='It''s ""x""'!A1&"a"`;
		expect(toEngineFormulaText(quotedSheet)).toBe(quotedSheet);
	});

	it('are accepted, evaluated and shown back as typed', () => {
		const doc = new Y.Doc();
		seedBlankWorkbook(doc);
		applyCellUpdates(doc, {
			sheet: 'Sheet1',
			updates: [
				{ ref: 'B1', input: '12345678' },
				{ ref: 'A1', input: '="Unit ""B"" rent: "&B1' },
				{ ref: 'A2', input: '=TEXT(B1,"0.0,,""M""")' },
				{ ref: 'A3', input: '=LEN("""")' }
			]
		});
		const cells = readCells(doc, 'Sheet1', 'A1:A3').map(([cell]) => cell);
		expect(cells.map((cell) => cell.value)).toEqual(['Unit "B" rent: 12345678', '12.3M', 1]);
		expect(cells[0].input).toBe('="Unit ""B"" rent: "&B1');
		expect(cells[1].input).toBe('=TEXT(B1,"0.0,,""M""")');
	});

	it('work inside a defined name too', () => {
		const doc = new Y.Doc();
		seedBlankWorkbook(doc);
		defineName(doc, 'Quoted', '="say ""hi"""');
		applyCellUpdates(doc, { sheet: 'Sheet1', updates: [{ ref: 'A1', input: '=Quoted' }] });
		const evaluator = createEvaluator(doc);
		expect(evaluator.getValueAt('Sheet1', 'A1')).toEqual({ value: 'say "hi"' });
		evaluator.destroy();
	});
});
