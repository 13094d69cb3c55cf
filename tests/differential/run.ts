/**
 * One differential run: generate, evaluate on both sides, pick the reference answer (Excel's
 * documented one where an exclusion applies, LibreOffice's otherwise) and compare.
 */
import type { FormulaCase } from './case-kinds';
import { findExclusion } from './exclusions';
import { generateCases } from './generator';
import { evaluateInInvestFlow } from './investflow';
import { findKnownFailure } from './known-failures';
import { evaluateInLibreOffice } from './libreoffice';
import { disagreementCause, type Outcome } from './outcome';

/** The verdict on one formula. */
export interface CaseResult {
	formulaCase: FormulaCase;
	investflow: Outcome;
	libreOffice: Outcome;
	/** The answer InvestFlow is held to. */
	expected: Outcome;
	/** The exclusion that replaced LibreOffice's answer with Excel's, if any. */
	exclusion?: string;
	/** Why InvestFlow disagrees, if it does. */
	cause?: string;
	/** The issue-28 cause number (or `new-…` cause) when the disagreement is a known failure. */
	knownCause?: number | string;
}

/** LibreOffice batches: one soffice run each, so a big run neither times out nor hogs memory. */
const BATCH_SIZE = 5_000;

/** Compares already evaluated outcomes (exposed so the comparison itself can be tested). */
export function judgeCase(
	formulaCase: FormulaCase,
	investflow: Outcome,
	libreOffice: Outcome
): CaseResult {
	const exclusion = findExclusion(formulaCase, libreOffice);
	const expected = exclusion ? exclusion.excelAnswer(formulaCase, libreOffice) : libreOffice;
	const result: CaseResult = { formulaCase, investflow, libreOffice, expected };
	if (exclusion) result.exclusion = exclusion.id;
	const cause = disagreementCause(expected, investflow, formulaCase.iterative);
	if (cause) {
		result.cause = cause;
		result.knownCause = findKnownFailure(formulaCase, investflow, expected)?.cause;
	}
	return result;
}

/** Runs `count` formulas of `seed` through InvestFlow and LibreOffice and judges each. */
export async function runDifferential(seed: number, count: number): Promise<CaseResult[]> {
	const cases = generateCases(seed, count);
	const investflow = evaluateInInvestFlow(cases);
	const libreOffice: Outcome[] = [];
	for (let start = 0; start < cases.length; start += BATCH_SIZE) {
		libreOffice.push(...(await evaluateInLibreOffice(cases.slice(start, start + BATCH_SIZE))));
	}
	return cases.map((formulaCase, i) => judgeCase(formulaCase, investflow[i], libreOffice[i]));
}
