/**
 * WORKBOOK(workbook, name, [position]): another workbook's published output (see
 * `published-outputs.ts`), by the workbook's id or exact title. A range output gives the value
 * at `position` (1-based, row by row). The values come from a {@link WorkbookSource} attached to
 * the engine by whoever evaluates: the server's evaluation worker (with outputs the workbook's
 * owner may view) or the browser (with those the person may view, read from the API), so the
 * function itself never reads anything another person could not.
 *
 * - no source, or the workbook not yet looked up: `#N/A` (its outputs are on their way);
 * - a workbook the reader cannot view, or none by that id or title, or no such output: `#REF!`;
 * - a workbook whose outputs depend on this one's (a cross-workbook cycle): `#CYCLE!`.
 *
 * Volatile, so attaching new source values and running an empty batch recomputes every call.
 */
import {
	CellError,
	ErrorType,
	FunctionArgumentType,
	FunctionPlugin,
	type HyperFormula,
	type ImplementedFunctions
} from 'hyperformula';
import type { OutputScalar, OutputValue } from '../published-outputs';
import { englishNames, type EvaluationState, type ProcedureCall } from './plugin-support';

/** What a source knows of one referenced workbook. */
export type SourceEntry =
	{ outputs: Record<string, OutputValue> } | { error: 'REF' | 'CYCLE'; message: string };

/** Where WORKBOOK() reads published outputs from. */
export interface WorkbookSource {
	/** The entry for a workbook id or title as written in the formula; undefined if not looked up. */
	get(reference: string): SourceEntry | undefined;
	/** Told of every reference a formula asks for (the evaluator's owner looks them up). */
	note(reference: string): void;
}

const sources = new WeakMap<object, WorkbookSource>();

/** Attaches `source` to `engine` (replacing any); call an empty batch after to recompute. */
export function attachWorkbookSource(engine: HyperFormula, source: WorkbookSource): void {
	sources.set(engine.dependencyGraph, source);
}

/** The workbook a reference means: trimmed; titles compare case-insensitively. */
export function normaliseWorkbookReference(reference: string): string {
	return reference.trim().toLowerCase();
}

const ERROR_TYPES: Record<string, ErrorType> = {
	'#DIV/0!': ErrorType.DIV_BY_ZERO,
	'#N/A': ErrorType.NA,
	'#NAME?': ErrorType.NAME,
	'#NUM!': ErrorType.NUM,
	'#REF!': ErrorType.REF,
	'#VALUE!': ErrorType.VALUE,
	'#CYCLE!': ErrorType.CYCLE
};

function scalar(value: OutputScalar): number | string | boolean | CellError {
	if (value === null) return 0;
	if (typeof value === 'object') {
		return new CellError(ERROR_TYPES[value.error] ?? ErrorType.VALUE, value.message);
	}
	return value;
}

/** HyperFormula plugin adding WORKBOOK. */
export class WorkbookReferencePlugin extends FunctionPlugin {
	static implementedFunctions: ImplementedFunctions = {
		WORKBOOK: {
			method: 'workbook',
			isVolatile: true,
			parameters: [
				{ argumentType: FunctionArgumentType.STRING },
				{ argumentType: FunctionArgumentType.STRING },
				{ argumentType: FunctionArgumentType.INTEGER, optionalArg: true }
			]
		}
	};

	/** WORKBOOK(workbook, name, [position]); see the module comment. */
	workbook(ast: ProcedureCall, state: EvaluationState) {
		return this.runFunction(
			ast.args,
			state,
			this.metadata('WORKBOOK'),
			(reference: string, name: string, position: number | undefined) => {
				const source = sources.get(this.dependencyGraph);
				if (!source) {
					return new CellError(ErrorType.NA, 'Other workbooks’ outputs are not available here.');
				}
				const key = normaliseWorkbookReference(reference);
				source.note(key);
				const entry = source.get(key);
				if (!entry) return new CellError(ErrorType.NA, `Reading "${reference}"…`);
				if ('error' in entry) {
					return new CellError(
						entry.error === 'CYCLE' ? ErrorType.CYCLE : ErrorType.REF,
						entry.message
					);
				}
				const wanted = name.trim().toLowerCase();
				const found = Object.keys(entry.outputs).find((key) => key.toLowerCase() === wanted);
				if (!found) {
					return new CellError(
						ErrorType.REF,
						`"${name}" is not a published output of "${reference}".`
					);
				}
				const value = entry.outputs[found];
				if (!Array.isArray(value)) {
					if (position !== undefined && position !== 1) {
						return new CellError(ErrorType.REF, `"${name}" is a single value.`);
					}
					return scalar(value);
				}
				if (position === undefined) {
					return new CellError(
						ErrorType.VALUE,
						`"${name}" is a range of ${value.length}: give a position, e.g. WORKBOOK("${reference}", "${name}", 1).`
					);
				}
				if (position < 1 || position > value.length) {
					return new CellError(ErrorType.REF, `"${name}" has ${value.length} values.`);
				}
				return scalar(value[position - 1]);
			}
		);
	}
}

/** Translations for {@link WorkbookReferencePlugin}. */
export const WORKBOOK_REFERENCE_FUNCTION_NAMES = englishNames(
	WorkbookReferencePlugin.implementedFunctions
);
