/**
 * DB and DDB, fixed- and double-declining-balance depreciation, with Excel's domain. Microsoft
 * requires DDB's arguments to be positive (a salvage of 0 aside, which Excel accepts), and DB's
 * periods are counted from 1; HyperFormula accepted a cost, life or period of 0 and returned a
 * depreciation of 0 where Excel gives #NUM!. The arithmetic is HyperFormula's (and Microsoft's).
 */
import { FunctionArgumentType, FunctionPlugin, type ImplementedFunctions } from 'hyperformula';
import { englishNames, numError, type EvaluationState, type ProcedureCall } from './plugin-support';

/**
 * DB's value for period `period` (1-based, whole) of `life` whole periods, `month` months in the
 * first year: the rate 1 − (salvage / cost)^(1 / life) rounded to three decimals, applied to the
 * remaining value; the first year prorated by `month` / 12 and a year `life` + 1 takes the rest.
 */
export function fixedDecliningBalance(
	cost: number,
	salvage: number,
	life: number,
	period: number,
	month: number
) {
	if ((month === 12 && period > life) || period > life + 1) {
		return numError('DB needs a period within the life.');
	}
	if (salvage >= cost) return 0;
	const rate = Math.round((1 - (salvage / cost) ** (1 / life)) * 1000) / 1000;
	const first = (cost * rate * month) / 12;
	if (period === 1) return first;
	let total = first;
	for (let i = 0; i < period - 2; i++) total += (cost - total) * rate;
	const last = period === life + 1 ? (12 - month) / 12 : 1;
	return (cost - total) * rate * last;
}

/**
 * DDB's value for period `period` of `life`: `factor` / `life` of the value left after the
 * earlier periods, never taking the value below `salvage`; #NUM! for a period past the life.
 */
export function doubleDecliningBalance(
	cost: number,
	salvage: number,
	life: number,
	period: number,
	factor: number
) {
	if (period > life) return numError('DDB needs a period within the life.');
	const rate = Math.min(factor / life, 1);
	const before = rate === 1 ? (period === 1 ? cost : 0) : cost * (1 - rate) ** (period - 1);
	const after = cost * (1 - rate) ** period;
	return Math.max(before - Math.max(salvage, after), 0);
}

const POSITIVE = { argumentType: FunctionArgumentType.NUMBER, greaterThan: 0 };
// Like HyperFormula's own DB and DDB, the results are shown as currency.
const AS_CURRENCY = { returnNumberType: 'NUMBER_CURRENCY' as never };

/** HyperFormula plugin replacing DB and DDB. */
export class DecliningBalancePlugin extends FunctionPlugin {
	static implementedFunctions: ImplementedFunctions = {
		DB: {
			method: 'db',
			parameters: [
				{ argumentType: FunctionArgumentType.NUMBER, minValue: 0 },
				{ argumentType: FunctionArgumentType.NUMBER, minValue: 0 },
				{ argumentType: FunctionArgumentType.INTEGER, minValue: 0 },
				{ argumentType: FunctionArgumentType.INTEGER, minValue: 1 },
				{ argumentType: FunctionArgumentType.INTEGER, minValue: 1, maxValue: 12, defaultValue: 12 }
			],
			...AS_CURRENCY
		},
		DDB: {
			method: 'ddb',
			parameters: [
				POSITIVE,
				{ argumentType: FunctionArgumentType.NUMBER, minValue: 0 },
				POSITIVE,
				POSITIVE,
				{ ...POSITIVE, defaultValue: 2 }
			],
			...AS_CURRENCY
		}
	};

	/** DB(cost, salvage, life, period, [month]). */
	db(ast: ProcedureCall, state: EvaluationState) {
		return this.runFunction(ast.args, state, this.metadata('DB'), fixedDecliningBalance);
	}

	/** DDB(cost, salvage, life, period, [factor]). */
	ddb(ast: ProcedureCall, state: EvaluationState) {
		return this.runFunction(ast.args, state, this.metadata('DDB'), doubleDecliningBalance);
	}
}

/** Translations for {@link DecliningBalancePlugin}. */
export const DECLINING_BALANCE_FUNCTION_NAMES = englishNames(
	DecliningBalancePlugin.implementedFunctions
);
