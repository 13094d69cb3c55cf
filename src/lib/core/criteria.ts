/**
 * Excel's criteria language, as SUMIFS, COUNTIFS and AVERAGEIFS read their criteria:
 * `">=5"`, `"<>Bananas"`, `"=A*"` (wildcards `*`, `?`, `~` escape), `""` (blank), `"<>"`
 * (not blank), a bare number or boolean. Pure: the formula plugin feeds it cell values.
 */
import { parseInput } from './values';

/** A cell as a criterion sees it: `null` is an empty cell, `{ error }` an error value. */
export type CriterionCell = number | string | boolean | null | { error: string };

/** A criterion as written in a formula: an empty criterion cell arrives as `null`. */
export type CriterionInput = number | string | boolean | null;

/** Whether one cell satisfies a criterion. */
export type CriterionTest = (cell: CriterionCell) => boolean;

type Operator = '=' | '<>' | '<' | '<=' | '>' | '>=';
type Operand =
	| { kind: 'empty' }
	| { kind: 'number'; value: number }
	| { kind: 'boolean'; value: boolean }
	| { kind: 'text'; value: string };

const OPERATOR = /^(<=|>=|<>|=|<|>)?([\s\S]*)$/;

function readOperand(text: string): Operand {
	if (text === '') return { kind: 'empty' };
	const parsed = parseInput(text);
	if (parsed.kind === 'number' || parsed.kind === 'boolean') return parsed;
	return { kind: 'text', value: text };
}

/**
 * Case-insensitive whole-text matcher for a pattern with Excel wildcards: `*` any run of
 * characters, `?` one character, `~*`, `~?` and `~~` the character itself. Criteria and the
 * exact-match lookups (MATCH, VLOOKUP, HLOOKUP) share it.
 */
export function wildcardMatcher(pattern: string): (text: string) => boolean {
	if (!/[*?~]/.test(pattern)) {
		const wanted = pattern.toLowerCase();
		return (text) => text.toLowerCase() === wanted;
	}
	let source = '';
	for (let i = 0; i < pattern.length; i++) {
		const char = pattern[i];
		if (char === '~' && i + 1 < pattern.length && '*?~'.includes(pattern[i + 1])) {
			source += '\\' + pattern[++i];
		} else if (char === '*') source += '[\\s\\S]*';
		else if (char === '?') source += '[\\s\\S]';
		else source += char.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
	}
	const regex = new RegExp(`^${source}$`, 'i');
	return (text) => regex.test(text);
}

function numberInCell(cell: CriterionCell): number | undefined {
	if (typeof cell === 'number') return cell;
	if (typeof cell === 'string') {
		const parsed = parseInput(cell);
		if (parsed.kind === 'number') return parsed.value;
	}
	return undefined;
}

function equalityTest(operand: Operand, explicitEquals: boolean): CriterionTest {
	switch (operand.kind) {
		case 'empty':
			// `"="` matches only truly empty cells; `""` also matches empty text.
			return explicitEquals ? (cell) => cell === null : (cell) => cell === null || cell === '';
		case 'number':
			// Like Excel, `5` also matches the text "5".
			return (cell) => numberInCell(cell) === operand.value;
		case 'boolean':
			return (cell) => cell === operand.value;
		case 'text': {
			const matches = wildcardMatcher(operand.value);
			return (cell) => typeof cell === 'string' && matches(cell);
		}
	}
}

function compare(operator: Operator, difference: number): boolean {
	if (operator === '<') return difference < 0;
	if (operator === '<=') return difference <= 0;
	if (operator === '>') return difference > 0;
	return difference >= 0;
}

function orderingTest(operator: Operator, operand: Operand): CriterionTest {
	switch (operand.kind) {
		case 'empty':
			return () => false;
		case 'number':
			return (cell) => typeof cell === 'number' && compare(operator, cell - operand.value);
		case 'boolean':
			return (cell) =>
				typeof cell === 'boolean' && compare(operator, Number(cell) - Number(operand.value));
		case 'text': {
			const wanted = operand.value.toLowerCase();
			return (cell) => {
				if (typeof cell !== 'string') return false;
				const text = cell.toLowerCase();
				return compare(operator, text < wanted ? -1 : text > wanted ? 1 : 0);
			};
		}
	}
}

/**
 * Compiles a criterion into a test for cells, with Excel's rules:
 * - a number or boolean matches equal cells (a number also matches text that reads as it);
 *   an empty criterion cell counts as 0;
 * - text may start with `=`, `<>`, `<`, `<=`, `>`, `>=`; the rest is read as typed input
 *   would be (`">=5%"`, `"<1/1/2026"` compare numbers);
 * - `=`/`<>` with text compare whole cells case-insensitively with `*`, `?` and `~`;
 *   `<`, `>`… with text compare text cells only, case-insensitively, without wildcards;
 * - `""` matches empty cells and empty text, `"="` only empty cells, `"<>"` any non-empty cell;
 * - `<>` is the exact negation of `=`, so blanks and errors satisfy `"<>x"`; no other
 *   criterion matches an error or an empty cell.
 */
export function parseCriterion(criterion: CriterionInput): CriterionTest {
	if (criterion === null) return equalityTest({ kind: 'number', value: 0 }, true);
	if (typeof criterion === 'number')
		return equalityTest({ kind: 'number', value: criterion }, true);
	if (typeof criterion === 'boolean') {
		return equalityTest({ kind: 'boolean', value: criterion }, true);
	}
	const [, operator, rest] = OPERATOR.exec(criterion) as RegExpExecArray;
	const operand = readOperand(rest);
	if (operator === undefined || operator === '=') {
		const test = equalityTest(operand, operator === '=');
		return (cell) => isValue(cell) && test(cell);
	}
	if (operator === '<>') {
		const test = equalityTest(operand, true);
		return (cell) => !isValue(cell) || !test(cell);
	}
	const test = orderingTest(operator as Operator, operand);
	return (cell) => isValue(cell) && test(cell);
}

function isValue(cell: CriterionCell): cell is Exclude<CriterionCell, { error: string }> {
	return cell === null || typeof cell !== 'object';
}
