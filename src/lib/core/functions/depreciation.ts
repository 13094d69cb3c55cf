/**
 * VDB, variable declining-balance depreciation, which HyperFormula lacks (`#NAME?`). The
 * schedule is Excel's: each period the book value falls by the declining-balance amount
 * (`factor` / `life` of it, never below salvage) until straight-line over the remaining life
 * gives more, then straight-line to salvage; with `no_switch` it never switches. A partial
 * first or last period takes that fraction of the period's amount.
 */
import { FunctionArgumentType, FunctionPlugin, type ImplementedFunctions } from 'hyperformula';
import { englishNames, numError, type EvaluationState, type ProcedureCall } from './plugin-support';

/** The arguments of VDB after Excel's defaults (factor 2, switching to straight-line). */
export interface VariableDepreciation {
	cost: number;
	salvage: number;
	life: number;
	start: number;
	end: number;
	factor: number;
	noSwitch: boolean;
}

/** More periods than any real asset schedule; beyond it VDB gives #NUM! rather than spin. */
const MAX_PERIODS = 1_000_000;

/** Declining-balance depreciation of period `period` (1-based), as DDB computes it. */
function decliningBalance(asset: VariableDepreciation, period: number): number {
	const rate = Math.min(asset.factor / asset.life, 1);
	const before =
		rate === 1 ? (period === 1 ? asset.cost : 0) : asset.cost * (1 - rate) ** (period - 1);
	const after = asset.cost * (1 - rate) ** period;
	return Math.max(before - Math.max(after, asset.salvage), 0);
}

/** Depreciation of each whole period 1…`periods`, switching to straight-line when it pays more. */
function depreciationSchedule(asset: VariableDepreciation, periods: number): number[] {
	const schedule: number[] = [];
	let book = asset.cost;
	let straightLine: number | undefined;
	for (let period = 1; period <= periods; period++) {
		const declining = decliningBalance(asset, period);
		let amount = declining;
		if (!asset.noSwitch) {
			straightLine ??= candidateStraightLine(asset, book, period, declining);
			amount = straightLine ?? declining;
		}
		schedule.push(amount);
		book -= amount;
	}
	return schedule;
}

/** Straight-line amount over the remaining life when it beats declining balance, else undefined. */
function candidateStraightLine(
	asset: VariableDepreciation,
	book: number,
	period: number,
	declining: number
): number | undefined {
	const straightLine = (book - asset.salvage) / (asset.life - (period - 1));
	return straightLine > declining ? straightLine : undefined;
}

/**
 * VDB's value: depreciation from the end of period `start` to the end of period `end`, or
 * #NUM! when `start` < 0, `end` < `start`, `end` > `life`, `life` ≤ 0 or `factor` ≤ 0 (a cost
 * ≤ 0 and a negative salvage are refused by the plugin's argument checks).
 */
export function variableDepreciation(asset: VariableDepreciation) {
	const { start, end, life } = asset;
	if (life <= 0 || asset.factor <= 0 || start < 0 || end < start || end > life) {
		return numError('VDB needs 0 ≤ start ≤ end ≤ life, and a positive life and factor.');
	}
	const firstWhole = Math.floor(start);
	const lastWhole = Math.ceil(end);
	if (lastWhole > MAX_PERIODS) return numError('VDB supports at most a million periods.');
	const schedule = depreciationSchedule(asset, lastWhole);
	let total = 0;
	for (let period = firstWhole + 1; period <= lastWhole; period++) total += schedule[period - 1];
	if (lastWhole > firstWhole) {
		total -= (start - firstWhole) * schedule[firstWhole];
		total -= (lastWhole - end) * schedule[lastWhole - 1];
	}
	return total;
}

/** HyperFormula plugin adding VDB. */
export class DepreciationFunctionsPlugin extends FunctionPlugin {
	static implementedFunctions: ImplementedFunctions = {
		VDB: {
			method: 'vdb',
			parameters: [
				// Microsoft: the cost must be positive (#NUM! for 0); a salvage of 0 is accepted.
				{ argumentType: FunctionArgumentType.NUMBER, greaterThan: 0 },
				{ argumentType: FunctionArgumentType.NUMBER, minValue: 0 },
				{ argumentType: FunctionArgumentType.NUMBER },
				{ argumentType: FunctionArgumentType.NUMBER },
				{ argumentType: FunctionArgumentType.NUMBER },
				{ argumentType: FunctionArgumentType.NUMBER, defaultValue: 2 },
				{ argumentType: FunctionArgumentType.BOOLEAN, defaultValue: false }
			]
		}
	};

	/** VDB(cost, salvage, life, start_period, end_period, [factor], [no_switch]). */
	vdb(ast: ProcedureCall, state: EvaluationState) {
		return this.runFunction(
			ast.args,
			state,
			this.metadata('VDB'),
			(cost, salvage, life, start, end, factor, noSwitch) =>
				variableDepreciation({ cost, salvage, life, start, end, factor, noSwitch })
		);
	}
}

/** Translations for {@link DepreciationFunctionsPlugin}. */
export const DEPRECIATION_FUNCTION_NAMES = englishNames(
	DepreciationFunctionsPlugin.implementedFunctions
);
