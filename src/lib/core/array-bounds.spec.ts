import { describe, expect, it } from 'vitest';
import { createFormulaEngineFromSheets } from './formula-engine';
import { DetailedCellError } from 'hyperformula';

function valueOf(formula: string, cells: (number | string)[][] = []) {
	const engine = createFormulaEngineFromSheets({ Sheet1: [[formula], ...cells] });
	try {
		return engine.getCellValue({ sheet: 0, row: 0, col: 0 });
	} finally {
		engine.destroy();
	}
}

describe('bounded array functions', () => {
	it('keeps SEQUENCE and MMULT working within the limits', () => {
		expect(valueOf('=SUM(SEQUENCE(3,4))')).toBe(78);
		expect(valueOf('=SUM(SEQUENCE(2,2,10,5))')).toBe(10 + 15 + 20 + 25);
		expect(valueOf('=SUM(MMULT(SEQUENCE(2,3),SEQUENCE(3,2)))')).toBe(22 + 28 + 49 + 64);
	});

	it('answers #VALUE! naming the limit for a SEQUENCE past a million elements', () => {
		const value = valueOf('=SUM(SEQUENCE(1500,1500))');
		expect(value).toBeInstanceOf(DetailedCellError);
		expect((value as DetailedCellError).value).toBe('#VALUE!');
	});

	it('refuses a huge SEQUENCE whose size comes from cells, when it is evaluated', () => {
		const value = valueOf('=SUM(SEQUENCE(A2,A3))', [[200000], [18000]]);
		expect((value as DetailedCellError).value).toBe('#VALUE!');
		expect((value as DetailedCellError).message).toMatch(/at most 1000000 elements/);
	});

	it('refuses the MMULT of two 1500×1500 sequences quickly', () => {
		const started = performance.now();
		const value = valueOf('=SUM(MMULT(SEQUENCE(1500,1500),SEQUENCE(1500,1500)))');
		expect((value as DetailedCellError).value).toBe('#VALUE!');
		expect(performance.now() - started).toBeLessThan(2_000);
	});

	it('refuses a matrix product past ten million multiplications', () => {
		const value = valueOf('=SUM(MMULT(SEQUENCE(300,300),SEQUENCE(300,300)))');
		expect((value as DetailedCellError).message).toMatch(/at most 10000000 multiplications/);
	});
});
