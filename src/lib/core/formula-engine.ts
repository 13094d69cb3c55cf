/**
 * The one place that creates HyperFormula instances, so the browser, the server and the tests
 * all evaluate with the same configuration and the same custom functions.
 *
 * HyperFormula is licensed GPL-3.0; its `gpl-v3` key is why InvestFlow is GPL-3.0-or-later.
 */
import { HyperFormula, type ConfigParams } from 'hyperformula';

/** Settings every InvestFlow engine shares: Excel-compatible evaluation, US number separators. */
export const FORMULA_ENGINE_CONFIG: Partial<ConfigParams> = {
	licenseKey: 'gpl-v3',
	// Excel's 1900 date system (with its leap-year bug) so serial numbers match Excel's.
	leapYear1900: true,
	nullDate: { year: 1899, month: 12, day: 30 },
	// Excel treats an empty cell as zero in arithmetic and `=A1` of an empty cell shows 0.
	evaluateNullToZero: true,
	functionArgSeparator: ',',
	decimalSeparator: '.',
	thousandSeparator: '',
	useArrayArithmetic: true,
	precisionRounding: 10,
	smartRounding: true
};

/** Creates an empty engine with InvestFlow's configuration and custom functions registered. */
export function createFormulaEngine(): HyperFormula {
	return HyperFormula.buildEmpty(FORMULA_ENGINE_CONFIG);
}
