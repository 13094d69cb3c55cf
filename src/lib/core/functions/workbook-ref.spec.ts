import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { createEvaluator } from '../evaluator';
import { applyCellUpdates, seedBlankWorkbook } from '../workbook-api';
import type { SourceEntry } from './workbook-ref';

function book(formulas: Record<string, string>) {
	const doc = new Y.Doc();
	seedBlankWorkbook(doc);
	applyCellUpdates(doc, {
		sheet: 'Sheet1',
		updates: Object.entries(formulas).map(([ref, input]) => ({ ref, input }))
	});
	const evaluator = createEvaluator(doc);
	const at = (ref: string) => evaluator.getValueAt('Sheet1', ref);
	return { doc, evaluator, at };
}

const ELM: SourceEntry = {
	outputs: {
		NOI: 25838,
		EquityByYear: [100, 200, 300],
		CapRate: { error: '#DIV/0!', message: 'x' }
	}
};

describe('WORKBOOK()', () => {
	it('is #N/A until a source is attached, then reads published outputs by name and position', () => {
		const { evaluator, at } = book({
			A1: '=WORKBOOK("12 Elm St", "noi")',
			A2: '=WORKBOOK(" 12 ELM ST ", "EquityByYear", 2)',
			A3: '=A1*2',
			A4: '=WORKBOOK("12 Elm St", "CapRate")'
		});
		expect(at('A1').error?.code).toBe('#N/A');
		const noted = new Set<string>();
		evaluator.setWorkbookSource({
			get: (reference) => (reference === '12 elm st' ? ELM : undefined),
			note: (reference) => noted.add(reference)
		});
		expect(noted).toEqual(new Set(['12 elm st']));
		expect(at('A1').value).toBe(25838);
		expect(at('A2').value).toBe(200);
		expect(at('A3').value).toBe(51676);
		expect(at('A4').error?.code).toBe('#DIV/0!');
	});

	it('recomputes when the source changes, and tells #REF! and #CYCLE! apart', () => {
		const { evaluator, at } = book({
			A1: '=WORKBOOK("a", "NOI")',
			A2: '=WORKBOOK("hidden", "NOI")',
			A3: '=WORKBOOK("loop", "NOI")',
			A4: '=WORKBOOK("a", "Missing")',
			A5: '=WORKBOOK("a", "EquityByYear")',
			A6: '=WORKBOOK("a", "EquityByYear", 9)'
		});
		const entries: Record<string, SourceEntry> = {
			a: ELM,
			hidden: { error: 'REF', message: 'No workbook you can view has the id or title "hidden".' },
			loop: { error: 'CYCLE', message: 'loop' }
		};
		evaluator.setWorkbookSource({ get: (r) => entries[r], note: () => {} });
		expect(at('A2').error?.code).toBe('#REF!');
		expect(at('A3').error?.code).toBe('#CYCLE!');
		expect(at('A4').error?.code).toBe('#REF!');
		expect(at('A5').error?.code).toBe('#VALUE!');
		expect(at('A6').error?.code).toBe('#REF!');
		entries.a = { outputs: { NOI: 1 } };
		evaluator.setWorkbookSource({ get: (r) => entries[r], note: () => {} });
		expect(at('A1').value).toBe(1);
	});
});
