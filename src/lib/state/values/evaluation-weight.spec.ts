import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { setCellInputs } from '$lib/core/operations/cells';
import { seedTemplate } from '$lib/core/templates/index';
import { listSheets, seedBlankWorkbook } from '$lib/core/workbook-api';
import { WORKER_THRESHOLD_CELLS } from './cell-values';
import { WHOLE_COLUMN_REFERENCE_WEIGHT, evaluationWeight } from './evaluation-weight';

describe('evaluation weight', () => {
	it('counts cells, and each whole-column reference as many cells', () => {
		const doc = new Y.Doc();
		seedBlankWorkbook(doc);
		setCellInputs(doc, listSheets(doc)[0].id, [
			{ address: 'A1', text: '1' },
			{ address: 'B1', text: '=SUM(A1:A9)' },
			{ address: 'C1', text: '=SUMIFS(A:A,B:B,1)' }
		]);
		expect(evaluationWeight(doc)).toBe(3 + 2 * WHOLE_COLUMN_REFERENCE_WEIGHT);
	});

	it('sends a workbook of many whole-column totals to the worker, and the property template not', () => {
		const totals = new Y.Doc();
		seedBlankWorkbook(totals);
		const updates = Array.from({ length: 120 }, (_, row) => ({
			address: `D${row + 1}`,
			text: `=SUMIFS(A:A,B:B,${row})`
		}));
		setCellInputs(totals, listSheets(totals)[0].id, updates);
		expect(evaluationWeight(totals)).toBeGreaterThan(WORKER_THRESHOLD_CELLS);
		const property = new Y.Doc();
		seedTemplate(property, 'property');
		expect(evaluationWeight(property)).toBeLessThan(WORKER_THRESHOLD_CELLS);
	});
});
