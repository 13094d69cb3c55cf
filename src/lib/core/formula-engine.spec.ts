import { describe, expect, it } from 'vitest';
import { createFormulaEngine } from './formula-engine';

describe('createFormulaEngine', () => {
	it('evaluates a formula with the shared configuration', () => {
		const engine = createFormulaEngine();
		const sheetName = engine.addSheet('S');
		const sheetId = engine.getSheetId(sheetName)!;
		engine.setSheetContent(sheetId, [[2, '=A1*21']]);
		expect(engine.getCellValue({ sheet: sheetId, row: 0, col: 1 })).toBe(42);
		engine.destroy();
	});
});
