/**
 * Evaluating scenarios side by side: the compare table (base first, then every scenario), the
 * sensitivity table (Excel's Data Table: one input at many values) and goal seek. All three run
 * on ONE evaluator by switching its overlay (see `WorkbookEvaluator.setOverlay`): each switch
 * re-sets only the overridden cells and HyperFormula recomputes only what depends on them, so N
 * scenarios never cost N workbook builds. Each function restores the overlay it found.
 *
 * Pure: the browser's evaluator worker and the server's evaluation workers call the same code,
 * so both show the same numbers.
 */
import type * as Y from 'yjs';
import { NoSolutionError, LimitExceededError, InvalidOperationError } from './errors';
import type { CellResult, WorkbookEvaluator } from './evaluator';
import type { ComparisonCache } from './scenario-cache';
import {
	overlayWith,
	readOutput,
	readOutputs,
	resolveInputCell,
	resolveOutput,
	resolveOutputs,
	type InputCell,
	type OutputReadings,
	type OutputTarget
} from './scenario-outputs';
import { listScenarios, requireScenario, scenarioOverlay, type Overlay } from './scenarios';

/** Most values one sensitivity table may try. */
export const MAX_SENSITIVITY_VALUES = 200;
/** Most evaluations one goal seek may make (bracketing and solving together). */
export const MAX_GOAL_SEEK_STEPS = 300;

/** One column of a comparison: the base (scenario null) or a scenario. */
export interface CompareColumn extends OutputReadings {
	scenario: { id: string; name: string } | null;
	/** Each numeric output's difference from the base (absent for the base column). */
	differences?: Record<string, number>;
}

/** A comparison of outputs across the base and every scenario. */
export interface Comparison {
	names: string[];
	columns: CompareColumn[];
}

function withOverlay<T>(evaluator: WorkbookEvaluator, run: () => T): T {
	const previous = evaluator.shownOverlay;
	try {
		return run();
	} finally {
		evaluator.setOverlay(previous);
	}
}

/**
 * Compares `names` (default: the key outputs, see `resolveOutputs`) across the base and every
 * scenario, in scenario order. Throws typed errors for unknown names.
 *
 * With a `cache` (see `scenario-cache.ts`), only scenarios whose values may have moved since are
 * evaluated, and the evaluator is left showing the last one evaluated (switching back would cost
 * as much again): callers that read the base afterwards show an empty overlay first. Without
 * one, every scenario is evaluated and the overlay found is restored.
 */
export function compareScenarios(
	doc: Y.Doc,
	evaluator: WorkbookEvaluator,
	names?: string[] | null,
	cache?: ComparisonCache
): Comparison {
	const targets = resolveOutputs(doc, names);
	const scenarios: ({ id: string; name: string } | null)[] = [
		null,
		...listScenarios(doc).map(({ id, name }) => ({ id, name }))
	];
	const evaluate = () =>
		scenarios.map((scenario): CompareColumn => {
			const id = scenario?.id ?? null;
			const known = cache ? targets.map((target) => cache.get(id, target.label)) : [];
			if (!cache || known.some((result) => result === undefined)) {
				evaluator.setOverlay(id === null ? new Map() : scenarioOverlay(doc, id));
				const fresh = targets.map((target) => readOutput(evaluator, target));
				fresh.forEach((result, i) => cache?.set(id, targets[i].label, result));
				return { scenario, ...toReadings(targets, fresh) };
			}
			return { scenario, ...toReadings(targets, known as CellResult[]) };
		});
	const columns = cache ? evaluate() : withOverlay(evaluator, evaluate);
	for (const column of columns.slice(1))
		column.differences = differences(columns[0], column, targets);
	return { names: targets.map((target) => target.label), columns };
}

function toReadings(targets: OutputTarget[], results: CellResult[]): OutputReadings {
	const readings: OutputReadings = { values: {} };
	results.forEach((result, i) => {
		readings.values[targets[i].label] = result.value;
		if (result.error) (readings.errors ??= {})[targets[i].label] = result.error;
	});
	return readings;
}

function differences(
	base: OutputReadings,
	column: OutputReadings,
	targets: OutputTarget[]
): Record<string, number> {
	const result: Record<string, number> = {};
	for (const { label } of targets) {
		const a = base.values[label];
		const b = column.values[label];
		if (typeof a === 'number' && typeof b === 'number' && !base.errors?.[label]) {
			if (!column.errors?.[label]) result[label] = b - a;
		}
	}
	return result;
}

/** What a sensitivity table varies and reads. */
export interface SensitivityRequest {
	input: string;
	values: number[];
	outputs: string[];
	/** The scenario to start from (null or absent: the base). */
	scenario?: string | null;
}

/** A sensitivity table: the outputs at each value of the input. */
export interface SensitivityTable {
	input: string;
	outputs: string[];
	rows: { value: number; results: OutputReadings['values']; errors?: OutputReadings['errors'] }[];
}

function startingOverlay(doc: Y.Doc, scenario: string | null | undefined): Overlay {
	if (!scenario) return new Map();
	requireScenario(doc, scenario);
	return scenarioOverlay(doc, scenario);
}

/**
 * Evaluates `outputs` with `input` set to each of `values` in turn (on top of the scenario if one
 * is given): Excel's one-input Data Table. Refuses more than {@link MAX_SENSITIVITY_VALUES}.
 */
export function runSensitivity(
	doc: Y.Doc,
	evaluator: WorkbookEvaluator,
	request: SensitivityRequest
): SensitivityTable {
	if (request.values.length === 0) throw new InvalidOperationError('give at least one value');
	if (request.values.length > MAX_SENSITIVITY_VALUES) {
		throw new LimitExceededError(
			`a sensitivity table tries at most ${MAX_SENSITIVITY_VALUES} values`
		);
	}
	if (request.outputs.length === 0) throw new InvalidOperationError('give at least one output');
	const input = resolveInputCell(doc, request.input);
	const targets = resolveOutputs(doc, request.outputs);
	const start = startingOverlay(doc, request.scenario);
	return withOverlay(evaluator, () => {
		const rows = request.values.map((value) => {
			evaluator.setOverlay(overlayWith(start, input, value));
			const { values, errors } = readOutputs(evaluator, targets);
			return errors ? { value, results: values, errors } : { value, results: values };
		});
		return { input: input.label, outputs: targets.map((target) => target.label), rows };
	});
}

/** What goal seek solves: the `input` value that makes `output` equal `target`. */
export interface GoalSeekRequest {
	input: string;
	output: string;
	target: number;
	/** Optional bracket to search; both or neither. */
	min?: number;
	max?: number;
	scenario?: string | null;
}

/** A goal seek's answer: the input value, the output there and the evaluations it took. */
export interface GoalSeekResult {
	value: number;
	result: number;
	iterations: number;
}

/**
 * Finds the value of `input` that makes `output` equal `target`: brackets a sign change of
 * output − target (within [min, max] when given, else growing outwards from the input's current
 * value), then narrows it by bisection with secant steps (Illinois). Throws
 * {@link NoSolutionError} saying why when the output never crosses the target in the bracket,
 * is an error there, or jumps across it (a discontinuity).
 */
export function goalSeek(
	doc: Y.Doc,
	evaluator: WorkbookEvaluator,
	request: GoalSeekRequest
): GoalSeekResult {
	const input = resolveInputCell(doc, request.input);
	const output = resolveOutput(doc, request.output);
	const start = startingOverlay(doc, request.scenario);
	if (!Number.isFinite(request.target)) throw new InvalidOperationError('target must be a number');
	if ((request.min === undefined) !== (request.max === undefined)) {
		throw new InvalidOperationError('give both min and max, or neither');
	}
	if (request.min !== undefined && !(request.min < request.max!)) {
		throw new InvalidOperationError('min must be less than max');
	}
	return withOverlay(evaluator, () => {
		evaluator.setOverlay(start);
		const current = evaluator.getValue(input.sheetId, input.rowId, input.colId).value;
		const seeker = new Seeker(evaluator, start, input, output, request.target);
		return seeker.solve(typeof current === 'number' ? current : 0, request.min, request.max);
	});
}

class Seeker {
	steps = 0;
	private errorSeen: string | null = null;
	private readonly tolerance: number;

	constructor(
		private readonly evaluator: WorkbookEvaluator,
		private readonly start: Overlay,
		private readonly input: InputCell,
		private readonly output: OutputTarget,
		private readonly target: number
	) {
		this.tolerance = 1e-9 * Math.max(1, Math.abs(target));
	}

	/** output(x) − target, or NaN where the output is not a number. */
	gap(x: number): number {
		if (++this.steps > MAX_GOAL_SEEK_STEPS) {
			throw new NoSolutionError(`it did not settle within ${MAX_GOAL_SEEK_STEPS} evaluations`);
		}
		this.evaluator.setOverlay(overlayWith(this.start, this.input, x));
		const result = readOutput(this.evaluator, this.output);
		if (result.error) this.errorSeen = result.error.code;
		return typeof result.value === 'number' && !result.error ? result.value - this.target : NaN;
	}

	solve(x0: number, min?: number, max?: number): GoalSeekResult {
		const bracket = min !== undefined ? this.fixedBracket(min, max!) : this.searchBracket(x0);
		if ('value' in bracket) return bracket;
		return this.narrow(bracket.a, bracket.fa, bracket.b, bracket.fb);
	}

	private found(value: number, gap: number): GoalSeekResult {
		return { value, result: gap + this.target, iterations: this.steps };
	}

	private noCrossing(low: number, high: number): NoSolutionError {
		const what = `${this.output.label} never reaches ${this.target} for ${this.input.label} between ${low} and ${high}`;
		return new NoSolutionError(
			this.errorSeen ? `${what} (it is ${this.errorSeen} in places)` : what
		);
	}

	private fixedBracket(a: number, b: number): Bracket | GoalSeekResult {
		const fa = this.gap(a);
		if (Math.abs(fa) <= this.tolerance) return this.found(a, fa);
		const fb = this.gap(b);
		if (Math.abs(fb) <= this.tolerance) return this.found(b, fb);
		if (Number.isNaN(fa) || Number.isNaN(fb) || Math.sign(fa) === Math.sign(fb)) {
			throw this.noCrossing(a, b);
		}
		return { a, fa, b, fb };
	}

	/** Walks outwards from x0 in doubling steps on both sides until the gap changes sign. */
	private searchBracket(x0: number): Bracket | GoalSeekResult {
		const f0 = this.gap(x0);
		if (Math.abs(f0) <= this.tolerance) return this.found(x0, f0);
		let step = Math.abs(x0) > 0 ? Math.abs(x0) * 0.1 : 1;
		let left = { x: x0, f: f0 };
		let right = { x: x0, f: f0 };
		for (let round = 0; round < 60 && step < 1e15; round++, step *= 2) {
			for (const side of [-1, 1] as const) {
				const last = side < 0 ? left : right;
				const x = x0 + side * step;
				const f = this.gap(x);
				if (Math.abs(f) <= this.tolerance) return this.found(x, f);
				if (!Number.isNaN(f) && !Number.isNaN(last.f) && Math.sign(f) !== Math.sign(last.f)) {
					return side < 0
						? { a: x, fa: f, b: last.x, fb: last.f }
						: { a: last.x, fa: last.f, b: x, fb: f };
				}
				if (side < 0) left = { x, f };
				else right = { x, f };
			}
		}
		throw this.noCrossing(left.x, right.x);
	}

	private narrow(a: number, fa: number, b: number, fb: number): GoalSeekResult {
		let side = 0;
		for (;;) {
			// Illinois: a secant step, with the stale end's weight halved so it cannot stall.
			let x = (a * fb - b * fa) / (fb - fa);
			if (!(x > Math.min(a, b) && x < Math.max(a, b))) x = (a + b) / 2;
			const fx = this.gap(x);
			if (Number.isNaN(fx)) {
				throw new NoSolutionError(
					`${this.output.label} is ${this.errorSeen ?? 'not a number'} near ${this.input.label} = ${x}`
				);
			}
			const width = Math.abs(b - a);
			if (Math.abs(fx) <= this.tolerance) return this.found(x, fx);
			if (width <= 1e-12 * Math.max(1, Math.abs(x))) {
				throw new NoSolutionError(
					`${this.output.label} jumps across ${this.target} near ${this.input.label} = ${x} without reaching it`
				);
			}
			if (Math.sign(fx) === Math.sign(fb)) {
				b = x;
				fb = fx;
				if (side === -1) fa /= 2;
				side = -1;
			} else {
				a = x;
				fa = fx;
				if (side === 1) fb /= 2;
				side = 1;
			}
		}
	}
}

interface Bracket {
	a: number;
	fa: number;
	b: number;
	fb: number;
}
