/**
 * Every HyperFormula function plugin of InvestFlow's own, each replacing or adding functions
 * where HyperFormula departs from Excel. `formula-engine.ts` registers them, in this order,
 * before building any engine.
 */
import type { FunctionPluginDefinition } from 'hyperformula';
import { INVESTFLOW_FUNCTION_TRANSLATIONS, InvestFlowFunctionsPlugin } from '../finance-functions';
import { CONCAT_FUNCTION_NAMES, ConcatPlugin } from './concat';
import { CONDITION_FUNCTION_NAMES, ConditionFunctionsPlugin } from './conditions';
import { DATE_DIFFERENCE_FUNCTION_NAMES, DateDifferencePlugin } from './date-difference';
import { DATE_PARTS_FUNCTION_NAMES, DatePartsPlugin } from './date-parts';
import { DECLINING_BALANCE_FUNCTION_NAMES, DecliningBalancePlugin } from './declining-balance';
import { DEPRECIATION_FUNCTION_NAMES, DepreciationFunctionsPlugin } from './depreciation';
import { INTEREST_RATE_FUNCTION_NAMES, InterestRateFunctionsPlugin } from './interest-rates';
import { LOAN_SCHEDULE_FUNCTION_NAMES, LoanScheduleFunctionsPlugin } from './loan-schedule';
import { LOOKUP_FUNCTION_NAMES, LookupFunctionsPlugin } from './lookup';
import { MONTH_ARITHMETIC_FUNCTION_NAMES, MonthArithmeticPlugin } from './month-arithmetic';
import { REFERENCE_POSITION_FUNCTION_NAMES, ReferencePositionPlugin } from './reference-position';
import { REFERENCED_CELLS_FUNCTION_NAMES, ReferencedCellsPlugin } from './referenced-cells';
import { ROUNDING_FUNCTION_NAMES, RoundingFunctionsPlugin } from './rounding';
import { SUBSTITUTE_FUNCTION_NAMES, SubstitutePlugin } from './substitute';
import { TEXT_FORMAT_FUNCTION_NAMES, TextFormatPlugin } from './text-format';
import { TEXT_TO_NUMBER_FUNCTION_NAMES, TextToNumberPlugin } from './text-to-number';
import { WORKBOOK_REFERENCE_FUNCTION_NAMES, WorkbookReferencePlugin } from './workbook-ref';

/** A plugin with the function-name translations HyperFormula needs to register it. */
export interface RegisteredPlugin {
	plugin: FunctionPluginDefinition;
	names: Record<string, Record<string, string>>;
}

/** InvestFlow's function plugins; a later plugin's function replaces HyperFormula's own. */
export const INVESTFLOW_FUNCTION_PLUGINS: readonly RegisteredPlugin[] = [
	{ plugin: InvestFlowFunctionsPlugin, names: INVESTFLOW_FUNCTION_TRANSLATIONS },
	{ plugin: TextFormatPlugin, names: TEXT_FORMAT_FUNCTION_NAMES },
	{ plugin: RoundingFunctionsPlugin, names: ROUNDING_FUNCTION_NAMES },
	{ plugin: DepreciationFunctionsPlugin, names: DEPRECIATION_FUNCTION_NAMES },
	{ plugin: LoanScheduleFunctionsPlugin, names: LOAN_SCHEDULE_FUNCTION_NAMES },
	{ plugin: InterestRateFunctionsPlugin, names: INTEREST_RATE_FUNCTION_NAMES },
	{ plugin: MonthArithmeticPlugin, names: MONTH_ARITHMETIC_FUNCTION_NAMES },
	{ plugin: LookupFunctionsPlugin, names: LOOKUP_FUNCTION_NAMES },
	{ plugin: ReferencePositionPlugin, names: REFERENCE_POSITION_FUNCTION_NAMES },
	{ plugin: ConcatPlugin, names: CONCAT_FUNCTION_NAMES },
	{ plugin: TextToNumberPlugin, names: TEXT_TO_NUMBER_FUNCTION_NAMES },
	{ plugin: ConditionFunctionsPlugin, names: CONDITION_FUNCTION_NAMES },
	{ plugin: ReferencedCellsPlugin, names: REFERENCED_CELLS_FUNCTION_NAMES },
	{ plugin: DatePartsPlugin, names: DATE_PARTS_FUNCTION_NAMES },
	{ plugin: DateDifferencePlugin, names: DATE_DIFFERENCE_FUNCTION_NAMES },
	{ plugin: SubstitutePlugin, names: SUBSTITUTE_FUNCTION_NAMES },
	{ plugin: DecliningBalancePlugin, names: DECLINING_BALANCE_FUNCTION_NAMES },
	{ plugin: WorkbookReferencePlugin, names: WORKBOOK_REFERENCE_FUNCTION_NAMES }
];
