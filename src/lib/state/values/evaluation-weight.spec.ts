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

	it('sends the forecast (totals over whole columns) to the worker, and the property template not', () => {
		const forecast = new Y.Doc();
		seedTemplate(forecast, 'forecast');
		expect(evaluationWeight(forecast)).toBeGreaterThan(WORKER_THRESHOLD_CELLS);
		const property = new Y.Doc();
		seedTemplate(property, 'property');
		expect(evaluationWeight(property)).toBeLessThan(WORKER_THRESHOLD_CELLS);
	});
});
