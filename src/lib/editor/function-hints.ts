/**
 * Function names for autocomplete and short argument hints for the functions investors use
 * most. Names come from HyperFormula's registry (so every offered name really exists);
 * functions without a written hint still complete, with a generic hint.
 */
import { HyperFormula } from 'hyperformula';

const HINTS: Record<string, string[]> = {
	SUM: ['number1', '[number2, …]'],
	AVERAGE: ['number1', '[number2, …]'],
	MIN: ['number1', '[number2, …]'],
	MAX: ['number1', '[number2, …]'],
	COUNT: ['value1', '[value2, …]'],
	ROUND: ['number', 'digits'],
	IF: ['condition', 'value_if_true', '[value_if_false]'],
	IFERROR: ['value', 'value_if_error'],
	SUMIF: ['range', 'criterion', '[sum_range]'],
	SUMIFS: ['sum_range', 'criteria_range1', 'criterion1', '…'],
	AVERAGEIFS: ['average_range', 'criteria_range1', 'criterion1', '…'],
	VLOOKUP: ['search_key', 'range', 'index', '[is_sorted]'],
	PMT: ['rate', 'number_of_periods', 'present_value', '[future_value]', '[end_or_beginning]'],
	IPMT: ['rate', 'period', 'number_of_periods', 'present_value', '[future_value]', '[type]'],
	PPMT: ['rate', 'period', 'number_of_periods', 'present_value', '[future_value]', '[type]'],
	FV: ['rate', 'number_of_periods', 'payment', '[present_value]', '[type]'],
	PV: ['rate', 'number_of_periods', 'payment', '[future_value]', '[type]'],
	NPV: ['discount_rate', 'cashflow1', '[cashflow2, …]'],
	XNPV: ['discount_rate', 'cashflows', 'dates'],
	IRR: ['cashflows', '[guess]'],
	XIRR: ['cashflows', 'dates', '[guess]'],
	RATE: ['number_of_periods', 'payment', 'present_value', '[future_value]', '[type]', '[guess]'],
	NPER: ['rate', 'payment', 'present_value', '[future_value]', '[type]'],
	CUMIPMT: ['rate', 'number_of_periods', 'present_value', 'first_period', 'last_period', 'type'],
	EDATE: ['start_date', 'months'],
	EOMONTH: ['start_date', 'months'],
	DATE: ['year', 'month', 'day'],
	YEARFRAC: ['start_date', 'end_date', '[basis]'],
	SLN: ['cost', 'salvage', 'life']
};

let names: string[] | null = null;

/** Every function name HyperFormula knows (English), sorted. */
export function functionNames(): string[] {
	names ??= [...HyperFormula.getRegisteredFunctionNames('enGB')].sort();
	return names;
}

/** Up to `limit` function names starting with `prefix` (case-insensitive). */
export function completeFunction(prefix: string, limit = 8): string[] {
	if (!prefix) return [];
	const upper = prefix.toUpperCase();
	return functionNames()
		.filter((name) => name.startsWith(upper) && name !== upper)
		.slice(0, limit);
}

/** The argument names of `name` for the hint line, or null when no hint is written. */
export function functionArguments(name: string): string[] | null {
	return HINTS[name.toUpperCase()] ?? null;
}

/** What the editor offers at the caret: completions for a name being typed, and a hint line. */
export interface EditorAssist {
	suggestions: string[];
	/** Start of the name the suggestions would replace. */
	replaceFrom: number;
	hint: { name: string; args: string[]; argument: number } | null;
}

/** Suggestions and the argument hint for formula `text` with the caret at `caret`. */
export function editorAssist(
	text: string,
	caret: number,
	context: (
		text: string,
		caret: number
	) => {
		prefix: { text: string; start: number } | null;
		call: { name: string; argument: number } | null;
	}
): EditorAssist {
	const { prefix, call } = context(text, caret);
	const suggestions = prefix ? completeFunction(prefix.text) : [];
	const args = call ? functionArguments(call.name) : null;
	const known = call && functionNames().includes(call.name);
	return {
		suggestions,
		replaceFrom: prefix?.start ?? caret,
		hint: call && known ? { name: call.name, args: args ?? ['…'], argument: call.argument } : null
	};
}
