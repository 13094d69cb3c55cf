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

describe('createFormulaEngine custom functions', () => {
	it('gives every engine AVERAGEIFS and Excel date serials, registering the plugin once', () => {
		const engines = [createFormulaEngine(), createFormulaEngine()];
		for (const engine of engines) {
			const sheet = engine.getSheetId(engine.addSheet('S'))!;
			engine.setSheetContent(sheet, [[1, 3, '=AVERAGEIFS(A1:B1,A1:B1,">0")', '=DATE(1900,3,1)']]);
			expect(engine.getCellValue({ sheet, row: 0, col: 2 })).toBe(2);
			expect(engine.getCellValue({ sheet, row: 0, col: 3 })).toBe(61);
			engine.destroy();
		}
	});
});

describe('sheet size', () => {
	it('evaluates a sheet taller than HyperFormula’s default 40,000 rows', async () => {
		const { createFormulaEngineFromSheets } = await import('./formula-engine');
		const rows: (number | string)[][] = Array.from({ length: 100_000 }, (_, i) => [i + 1]);
		rows[0].push('=SUM(A1:A100000)');
		const engine = createFormulaEngineFromSheets({ Tall: rows }, []);
		expect(engine.getCellValue({ sheet: 0, row: 0, col: 1 })).toBe(5_000_050_000);
		engine.destroy();
	});
});
