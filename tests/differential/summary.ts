/** Disagreements grouped by function and cause, as `fuzz:formulas` and the test print them. */
import { showOutcome } from './outcome';
import type { CaseResult } from './run';

/** Disagreements sharing a function and a cause. */
export interface DisagreementGroup {
	fn: string;
	cause: string;
	knownCause?: number | string;
	count: number;
	examples: CaseResult[];
}

/** Groups the disagreeing results, largest group first. */
export function groupDisagreements(results: readonly CaseResult[]): DisagreementGroup[] {
	const groups = new Map<string, DisagreementGroup>();
	for (const result of results) {
		if (!result.cause) continue;
		const fn = result.formulaCase.fn;
		const key = `${fn}\u0000${result.cause}\u0000${result.knownCause ?? ''}`;
		const group = groups.get(key) ?? {
			fn,
			cause: result.cause,
			knownCause: result.knownCause,
			count: 0,
			examples: []
		};
		group.count++;
		if (group.examples.length < 3) group.examples.push(result);
		groups.set(key, group);
	}
	return [...groups.values()].sort((a, b) => b.count - a.count || a.fn.localeCompare(b.fn));
}

/** One line per example: the formula, InvestFlow's answer and the expected one. */
export function describeResult(result: CaseResult): string {
	const source = result.exclusion ? `Excel (${result.exclusion})` : 'LibreOffice';
	return `${result.formulaCase.formula} → InvestFlow ${showOutcome(result.investflow)}, ${source} ${showOutcome(result.expected)}`;
}

/** A printable report of a run: totals, then each group with examples. */
export function formatSummary(seed: number, results: readonly CaseResult[]): string {
	const groups = groupDisagreements(results);
	const disagreements = results.filter((result) => result.cause).length;
	const known = results.filter((result) => typeof result.knownCause === 'number').length;
	const knownNew = results.filter((result) => typeof result.knownCause === 'string').length;
	const excluded = results.filter((result) => result.exclusion).length;
	const lines = [
		`seed ${seed}: ${results.length} formulas, ${results.length - disagreements} agree, ` +
			`${disagreements} disagree (${known} of issue 28's causes, ${knownNew} of new known causes, ` +
			`${disagreements - known - knownNew} unexplained); ` +
			`${excluded} judged by Excel's documented answer instead of LibreOffice's`
	];
	const exclusions = new Map<string, number>();
	for (const { exclusion } of results) {
		if (exclusion) exclusions.set(exclusion, (exclusions.get(exclusion) ?? 0) + 1);
	}
	if (exclusions.size > 0) {
		const counts = [...exclusions].map(([id, count]) => `${id} ×${count}`).join(', ');
		lines.push(`  Excel's answer instead of LibreOffice's: ${counts}`);
	}
	for (const group of groups) {
		const label =
			group.knownCause === undefined
				? 'UNEXPLAINED'
				: typeof group.knownCause === 'number'
					? `issue 28 cause ${group.knownCause}`
					: `known, ${group.knownCause}`;
		lines.push(`  ${group.fn}: ${group.cause} ×${group.count} [${label}]`);
		for (const example of group.examples) lines.push(`      ${describeResult(example)}`);
	}
	return lines.join('\n');
}
