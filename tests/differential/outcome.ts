/** A computed cell as both sides report it, and how two of them are compared. */

/** What a formula cell evaluated to; `refused` when InvestFlow would not accept the input. */
export type Outcome =
	| { kind: 'number'; value: number }
	| { kind: 'text'; value: string }
	| { kind: 'boolean'; value: boolean }
	| { kind: 'error'; code: string }
	| { kind: 'empty' }
	| { kind: 'refused'; message: string };

/** Relative tolerance for closed-form results. */
export const EXACT_TOLERANCE = 1e-9;
/** Relative tolerance for iterative results (IRR, XIRR, RATE, MIRR): solvers stop at ~1e-7. */
export const ITERATIVE_TOLERANCE = 1e-7;

/** A readable form of an outcome for reports. */
export function showOutcome(outcome: Outcome): string {
	switch (outcome.kind) {
		case 'number':
			return String(outcome.value);
		case 'text':
			return JSON.stringify(outcome.value);
		case 'boolean':
			return outcome.value ? 'TRUE' : 'FALSE';
		case 'error':
			return outcome.code;
		case 'empty':
			return '(empty)';
		case 'refused':
			return `refused: ${outcome.message}`;
	}
}

function numbersAgree(expected: number, actual: number, iterative: boolean): boolean {
	const tolerance = iterative ? ITERATIVE_TOLERANCE : EXACT_TOLERANCE;
	const difference = Math.abs(expected - actual);
	// Near zero a relative test is meaningless: a residue like 4e-12 for 0 is agreement.
	const floor = iterative ? 1e-9 : 1e-10;
	return (
		difference <= floor || difference <= tolerance * Math.max(Math.abs(expected), Math.abs(actual))
	);
}

/**
 * Why `actual` (InvestFlow) differs from `expected`, as a short cause for grouping, or
 * undefined when they agree: numbers within the tolerance, text exactly, booleans, errors by code.
 */
export function disagreementCause(
	expected: Outcome,
	actual: Outcome,
	iterative: boolean
): string | undefined {
	if (actual.kind === 'refused') return 'input refused';
	if (expected.kind === 'error' && actual.kind === 'error') {
		return expected.code === actual.code ? undefined : `${actual.code} instead of ${expected.code}`;
	}
	if (actual.kind === 'error') return `${actual.code} instead of a value`;
	if (expected.kind === 'error') return `a value instead of ${expected.code}`;
	if (expected.kind === 'number' && actual.kind === 'number') {
		return numbersAgree(expected.value, actual.value, iterative) ? undefined : 'number differs';
	}
	if (expected.kind === 'text' && actual.kind === 'text') {
		return expected.value === actual.value ? undefined : 'text differs';
	}
	if (expected.kind === 'boolean' && actual.kind === 'boolean') {
		return expected.value === actual.value ? undefined : 'boolean differs';
	}
	if (expected.kind === 'empty' && actual.kind === 'empty') return undefined;
	return `${actual.kind} instead of ${expected.kind}`;
}
