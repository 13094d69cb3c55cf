/**
 * For the function plugins' specs only: evaluates one formula in an InvestFlow engine, with
 * optional data from A1, and returns its value (an error as its code, `#NUM!`…; an array as
 * rows of values).
 */
import type { RawCellContent } from 'hyperformula';
import { createFormulaEngine } from '../formula-engine';

/** The value of `formula` (HyperFormula spelling) in a sheet holding `rows` from A1. */
export function evaluateFormula(formula: string, rows: RawCellContent[][] = []): unknown {
	const engine = createFormulaEngine();
	try {
		const sheet = engine.getSheetId(engine.addSheet('Data'))!;
		engine.setSheetContent(sheet, rows);
		const address = { sheet, row: 0, col: 26 };
		engine.setCellContents(address, [[formula]]);
		const value = engine.getCellValue(address);
		return typeof value === 'object' && value !== null ? value.value : value;
	} finally {
		engine.destroy();
	}
}
