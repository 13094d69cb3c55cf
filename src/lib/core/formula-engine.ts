/**
 * The one place that creates HyperFormula instances, so the browser, the server and the tests
 * all evaluate with the same configuration and the same custom functions.
 *
 * HyperFormula is licensed GPL-3.0; its `gpl-v3` key is why InvestFlow is GPL-3.0-or-later.
 */
import {
	HyperFormula,
	type ConfigParams,
	type SerializedNamedExpression,
	type Sheets
} from 'hyperformula';
import { INVESTFLOW_FUNCTION_PLUGINS } from './functions';

/** Settings every InvestFlow engine shares: Excel-compatible evaluation, US number separators. */
export const FORMULA_ENGINE_CONFIG: Partial<ConfigParams> = {
	licenseKey: 'gpl-v3',
	// Excel's 1900 date system: serial 1 is 1900-01-01 and serial 60 the fictitious 1900-02-29.
	// With the leap-year bug on, day 0 must be 1899-12-31; 1899-12-30 puts every date one off.
	leapYear1900: true,
	nullDate: { year: 1899, month: 12, day: 31 },
	// Text dates inside formulas ("3/1/2026") read as US month/day/year, as `parseInput` does.
	dateFormats: ['MM/DD/YYYY', 'MM/DD/YY', 'YYYY/MM/DD'],
	// Excel treats an empty cell as zero in arithmetic and `=A1` of an empty cell shows 0.
	evaluateNullToZero: true,
	functionArgSeparator: ',',
	decimalSeparator: '.',
	thousandSeparator: '',
	useArrayArithmetic: true,
	precisionRounding: 10,
	smartRounding: true,
	// HyperFormula refuses sheets over 40,000 rows by default; ours may grow to MAX_GRID_ROWS.
	maxRows: 200_000
};

/**
 * Workbook-level names every engine defines: HyperFormula has no TRUE/FALSE literals (only
 * the functions TRUE() and FALSE()), so without these `=IF(TRUE,…)` is #NAME?.
 */
export const BUILT_IN_NAMED_EXPRESSIONS: ReadonlyArray<readonly [name: string, formula: string]> = [
	['TRUE', '=TRUE()'],
	['FALSE', '=FALSE()']
];

let pluginRegistered = false;

function registerInvestFlowFunctions(): void {
	// Registration is global to the HyperFormula class and reaches only engines built after it.
	if (pluginRegistered) return;
	for (const { plugin, names } of INVESTFLOW_FUNCTION_PLUGINS) {
		HyperFormula.registerFunctionPlugin(plugin, names);
	}
	pluginRegistered = true;
}

/**
 * Creates an empty engine with InvestFlow's configuration and custom functions registered,
 * and the TRUE/FALSE names of {@link BUILT_IN_NAMED_EXPRESSIONS} defined (callers syncing
 * named expressions from a workbook should leave those two alone).
 */
export function createFormulaEngine(): HyperFormula {
	registerInvestFlowFunctions();
	const engine = HyperFormula.buildEmpty(FORMULA_ENGINE_CONFIG);
	for (const [name, formula] of BUILT_IN_NAMED_EXPRESSIONS) {
		engine.addNamedExpression(name, formula);
	}
	return engine;
}

/**
 * Builds an engine holding `sheets` (sheet name → rows of raw cell contents) and the workbook's
 * `namedExpressions`, with the same configuration, custom functions and built-in TRUE/FALSE
 * names as {@link createFormulaEngine}. One `buildFromSheets` pass parses and evaluates
 * everything once, which is much faster than loading an empty engine sheet by sheet. Throws
 * HyperFormula's errors when a named expression cannot be added (callers may retry without).
 */
export function createFormulaEngineFromSheets(
	sheets: Sheets,
	namedExpressions: ReadonlyArray<{ name: string; expression: string }> = []
): HyperFormula {
	registerInvestFlowFunctions();
	const all: SerializedNamedExpression[] = [
		...BUILT_IN_NAMED_EXPRESSIONS.map(([name, expression]) => ({ name, expression })),
		...namedExpressions
	];
	return HyperFormula.buildFromSheets(sheets, FORMULA_ENGINE_CONFIG, all);
}

/**
 * Names (upper case) of the functions whose value changes without any input changing (NOW,
 * TODAY, RAND…), InvestFlow's own included: values computed with them must not be reused later.
 */
export function listVolatileFunctionNames(): Set<string> {
	registerInvestFlowFunctions();
	const names = new Set<string>();
	for (const plugin of HyperFormula.getAllFunctionPlugins()) {
		for (const [name, metadata] of Object.entries(plugin.implementedFunctions)) {
			if (metadata.isVolatile) names.add(name.toUpperCase());
		}
	}
	return names;
}
