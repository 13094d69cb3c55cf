/**
 * Evaluates generated formulas in InvestFlow exactly as typed input: through the workbook core
 * (`applyCellUpdates` parses each input and binds its references, `readCells` renders and
 * evaluates them with a fresh evaluator), as the API's `PATCH …/cells` and `GET …/cells` do.
 */
import * as Y from 'yjs';
import { applyCellUpdates, readCells, seedBlankWorkbook } from '../../src/lib/core/workbook-api';
import type { FormulaCase } from './case-kinds';
import { DATA_BLOCK, FORMULA_COLUMN } from './data-block';
import type { Outcome } from './outcome';

const SHEET = 'Sheet1';

/** The outcome of every case, in order; an input the core rejects is `refused` with its message. */
export function evaluateInInvestFlow(cases: readonly FormulaCase[]): Outcome[] {
	const doc = new Y.Doc();
	try {
		seedBlankWorkbook(doc);
		applyCellUpdates(doc, { sheet: SHEET, updates: [...DATA_BLOCK] });
		const refused = new Map<number, string>();
		for (const formulaCase of cases) {
			const ref = `${FORMULA_COLUMN}${formulaCase.index + 1}`;
			try {
				applyCellUpdates(doc, { sheet: SHEET, updates: [{ ref, input: formulaCase.formula }] });
			} catch (error) {
				refused.set(formulaCase.index, error instanceof Error ? error.message : String(error));
			}
		}
		if (cases.length === 0) return [];
		const range = `${FORMULA_COLUMN}1:${FORMULA_COLUMN}${cases.length}`;
		const rows = readCells(doc, SHEET, range);
		return cases.map((formulaCase, index): Outcome => {
			const message = refused.get(formulaCase.index);
			if (message !== undefined) return { kind: 'refused', message };
			const cell = rows[index][0];
			if (cell.error) return { kind: 'error', code: cell.error.code };
			const value = cell.value;
			if (typeof value === 'number') return { kind: 'number', value };
			if (typeof value === 'string') return { kind: 'text', value };
			if (typeof value === 'boolean') return { kind: 'boolean', value };
			return { kind: 'empty' };
		});
	} finally {
		doc.destroy();
	}
}
