/**
 * What an evaluation worker does (see evaluation-worker.js, which loads this module on its own
 * thread). It keeps a replica of each workbook it was asked about — a Y.Doc fed only the Yjs
 * updates the server's document gained since the last request, and a HyperFormula evaluator that
 * follows it — in a small least-recently-used cache, and answers reads of cells, names and charts
 * from it — scenario comparisons, sensitivity tables and goal seeks too, by switching the
 * replica's evaluator between scenario overlays — and builds export files from it (files/export-build.ts); it also builds imported
 * workbooks' documents (files/import-build.ts), which need no replica. Core errors (an unknown sheet, a range over a limit) are answered as `refused`, not
 * thrown, so the caller can turn them into 4xx answers.
 *
 * Runs only on a worker thread: nothing here may touch the server's own documents or database.
 */
import * as Y from 'yjs';
import {
	getChart,
	listCharts,
	readChartData,
	type ChartData,
	type ChartInfo
} from '../../core/charts';
import { listSheetEntries } from '../../core/document-view';
import { WorkbookError } from '../../core/errors';
import { createEvaluator, type WorkbookEvaluator } from '../../core/evaluator';
import {
	compareScenarios,
	goalSeek,
	runSensitivity,
	type Comparison,
	type GoalSeekRequest,
	type GoalSeekResult,
	type SensitivityRequest,
	type SensitivityTable
} from '../../core/scenario-evaluation';
import { ComparisonCache } from '../../core/scenario-cache';
import type { Overlay } from '../../core/scenarios';
import {
	readOutputs,
	readScheduleE as readPublishedScheduleE,
	type OutputValue,
	type ScheduleEByYear
} from '../../core/published-outputs';
import { listNames, readCells, type CellReading, type NameReading } from '../../core/workbook-api';
import type { SourceEntry } from '../../core/functions/workbook-ref';
import { AppError } from '../errors';
import { buildExport, type ExportedBytes, type ExportTask } from '../files/export-build';
import {
	buildImport,
	readImportedSheet,
	type ImportedState,
	type ImportTask
} from '../files/import-build';
import type { ImportedSheet } from '../files/imported-workbook';
import { BooksError } from '../../core/books/errors';
import type { ParsedStatement } from '../../core/books/statement-import';
import { readScheduleE, type ScheduleEReport } from '../../core/books/schedule-e-report';
import { readStatementTask, type StatementTask } from '../books/statement-task';
import {
	buildDocument,
	digestUpdates,
	mergeChain,
	type DigestResult,
	type DigestTask,
	type MergeTask
} from '../history/history-tasks';
import type { CellDifference } from '../../core/version-diff';
import { diffStates, type VersionDiffTask, type VersionReadTask } from '../history/version-tasks';

/** A chart as the API returns it: its definition and what it draws now. */
export interface ChartReading extends ChartInfo {
	data: ChartData;
}

/** A read that needs evaluation, and what it answers. */
export type EvaluationTask =
	| { kind: 'cells'; sheet: string | null; range: string }
	| { kind: 'names' }
	| { kind: 'charts' }
	| { kind: 'chart'; chartId: string }
	| { kind: 'schedule-e'; year: number }
	| { kind: 'compare'; names: string[] | null }
	| ({ kind: 'sensitivity' } & SensitivityRequest)
	| ({ kind: 'goalSeek' } & GoalSeekRequest)
	| { kind: 'outputs'; names: string[]; sources: Record<string, SourceEntry> }
	| ExportTask
	| ImportTask
	| StatelessTask;

/**
 * Tasks that carry the bytes they need (a file, history's documents), so they hold no workbook
 * replica; a version read caches its version's document like one.
 */
export type StatelessTask =
	ImportTask | StatementTask | DigestTask | MergeTask | VersionReadTask | VersionDiffTask;

/** The answer of a `cells` task. */
export interface CellsReading {
	sheet: string;
	range: string;
	cells: CellReading[][];
}

/**
 * The answer of an `outputs` task: the published names' values, the ledger's Schedule E, and the
 * workbook references its WORKBOOK() calls asked for (normalised; see functions/workbook-ref.ts).
 */
export interface ComputedOutputs {
	values: Record<string, OutputValue>;
	scheduleE: ScheduleEByYear | null;
	references: string[];
}

/** What each task kind answers. */
export interface TaskResults {
	cells: CellsReading;
	names: NameReading[];
	charts: ChartReading[];
	chart: ChartReading;
	compare: Comparison;
	sensitivity: SensitivityTable;
	goalSeek: GoalSeekResult;
	outputs: ComputedOutputs;
	export: ExportedBytes;
	import: ImportedState;
	'import-sheet': ImportedSheet;
	statement: ParsedStatement;
	'schedule-e': ScheduleEReport;
	'history-digest': DigestResult;
	'history-merge': Uint8Array;
	'version-read': CellsReading | NameReading[] | ChartReading[];
	'version-diff': CellDifference[];
}

/**
 * One request to a worker. `reset`: start the workbook's replica afresh from `updates` (the
 * whole state, as one encoding or as the stored parts in order); otherwise `updates` (none when
 * nothing changed) continue the replica the worker has. An `import` task needs no replica: its
 * `workbookId` is empty and it has no updates.
 */
export interface EvaluationRequest {
	workbookId: string;
	reset: boolean;
	updates: Uint8Array[];
	task: EvaluationTask;
}

/**
 * A worker's answer: the value, `missing` (it has no replica to continue), or a refusal: a core
 * error, or an AppError of the file exporters carrying its own `status` (and `field`).
 */
export type EvaluationAnswer =
	| { kind: 'value'; value: unknown }
	| { kind: 'missing' }
	| {
			kind: 'refused';
			code: string;
			message: string;
			missing: boolean;
			status?: number;
			field?: string;
	  };

interface Replica {
	doc: Y.Doc;
	evaluator?: WorkbookEvaluator;
	/** Scenario outputs remembered between comparisons (see scenario-cache.ts). */
	comparisons?: ComparisonCache;
	/** True while its evaluator holds other workbooks' outputs (from an `outputs` task). */
	sourced?: boolean;
}

/** A worker's replicas, most recently used last, at most `capacity` of them. */
export class ReplicaCache {
	private readonly replicas = new Map<string, Replica>();

	constructor(private readonly capacity: number) {}

	/**
	 * Answers `request` from the workbook's replica (see EvaluationRequest). The worker performs
	 * one request at a time (answer-requests.js), so an export's asynchronous file building
	 * sees the replica as it was when the export began.
	 */
	async perform(request: EvaluationRequest): Promise<EvaluationAnswer> {
		try {
			const task = request.task;
			if (task.kind === 'import') return { kind: 'value', value: await buildImport(task) };
			if (task.kind === 'history-digest') return { kind: 'value', value: digestUpdates(task) };
			if (task.kind === 'history-merge') return { kind: 'value', value: mergeChain(task) };
			if (task.kind === 'version-diff') return { kind: 'value', value: diffStates(task) };
			if (task.kind === 'version-read') {
				return { kind: 'value', value: await runTask(this.versionReplica(task), task.read) };
			}
			if (task.kind === 'import-sheet') {
				return { kind: 'value', value: readImportedSheet(task) };
			}
			if (task.kind === 'statement') return { kind: 'value', value: readStatementTask(task) };
			const replica = this.replicaFor(request);
			if (!replica) return { kind: 'missing' };
			applyUpdates(replica.doc, request.updates);
			return { kind: 'value', value: await runTask(replica, task) };
		} catch (error) {
			if (error instanceof BooksError) {
				return {
					kind: 'refused',
					code: error.code,
					message: error.message,
					missing: error.status === 404,
					status: error.status
				};
			}
			if (error instanceof AppError) {
				return {
					kind: 'refused',
					code: error.code,
					message: error.message,
					missing: error.status === 404,
					status: error.status,
					field: error.field
				};
			}
			if (!(error instanceof WorkbookError)) throw error;
			return {
				kind: 'refused',
				code: error.code,
				message: error.message,
				missing: error.kind === 'missing'
			};
		}
	}

	/** The version's document, built from its chain once and then kept like a replica. */
	private versionReplica(task: VersionReadTask): Replica {
		const key = `version:${task.versionId}`;
		const replica = this.replicaFor({ workbookId: key, reset: false, updates: [], task });
		if (replica) return replica;
		const built = this.replicaFor({ workbookId: key, reset: true, updates: [], task })!;
		built.doc.destroy();
		built.doc = buildDocument(task.parts);
		return built;
	}

	/** How many replicas are kept. */
	get size(): number {
		return this.replicas.size;
	}

	private replicaFor({ workbookId, reset }: EvaluationRequest): Replica | null {
		const existing = this.replicas.get(workbookId);
		if (existing) this.replicas.delete(workbookId);
		if (!existing && !reset) return null;
		let replica = existing;
		if (reset || !replica) {
			if (existing) destroy(existing);
			replica = { doc: new Y.Doc() };
		}
		this.replicas.set(workbookId, replica);
		for (const [id, oldest] of this.replicas) {
			if (this.replicas.size <= this.capacity) break;
			this.replicas.delete(id);
			destroy(oldest);
		}
		return replica;
	}
}

/** Applies `updates` in one transaction, so an evaluator following the doc syncs once. */
function applyUpdates(doc: Y.Doc, updates: Uint8Array[]): void {
	if (updates.length === 0) return;
	doc.transact(() => {
		for (const update of updates) Y.applyUpdate(doc, update);
	});
}

function destroy(replica: Replica): void {
	replica.comparisons?.destroy();
	replica.evaluator?.destroy();
	replica.doc.destroy();
}

const NO_OVERLAY: Overlay = new Map();

function runTask(
	replica: Replica,
	task: Exclude<EvaluationTask, StatelessTask>
): TaskResults[EvaluationTask['kind']] | Promise<ExportedBytes> {
	const { doc } = replica;
	// Built on the first read that needs it, after the first update: it then follows the doc.
	// Comparisons leave it showing a scenario: every read of the base shows the base first.
	const evaluator = () => {
		replica.evaluator ??= createEvaluator(doc);
		if (task.kind !== 'compare') replica.evaluator.setOverlay(NO_OVERLAY);
		return replica.evaluator;
	};
	// Other workbooks' outputs are given to an `outputs` task only (with the owner's access); any
	// other read must not show them, so it evaluates WORKBOOK() without a source.
	if (task.kind !== 'outputs' && replica.sourced) {
		replica.sourced = false;
		evaluator().setWorkbookSource({ get: () => undefined, note: () => {} });
	}
	switch (task.kind) {
		case 'cells': {
			const sheet = task.sheet ?? listSheetEntries(doc)[0]?.name ?? '';
			return { sheet, range: task.range, cells: readCells(doc, sheet, task.range, evaluator()) };
		}
		case 'names':
			return listNames(doc, evaluator());
		case 'charts':
			return listCharts(doc).map((chart) => chartReading(doc, evaluator(), chart.id));
		case 'chart':
			return chartReading(doc, evaluator(), task.chartId);
		case 'compare':
			return compareScenarios(
				doc,
				evaluator(),
				task.names,
				(replica.comparisons ??= new ComparisonCache(doc))
			);
		case 'sensitivity':
			return runSensitivity(doc, evaluator(), task);
		case 'goalSeek':
			return goalSeek(doc, evaluator(), task);
		case 'outputs':
			return computeOutputs(replica, evaluator(), task);
		case 'export':
			return buildExport(doc, evaluator(), task);
		case 'schedule-e':
			return readScheduleE(doc, evaluator(), task.year);
	}
}

function chartReading(doc: Y.Doc, evaluator: WorkbookEvaluator, chartId: string): ChartReading {
	return { ...getChart(doc, chartId), data: readChartData(doc, evaluator, chartId) };
}

/** Evaluates the published outputs with the other workbooks' outputs the task carries. */
function computeOutputs(
	replica: Replica,
	evaluator: WorkbookEvaluator,
	task: Extract<EvaluationTask, { kind: 'outputs' }>
): ComputedOutputs {
	const references = new Set<string>();
	evaluator.setWorkbookSource({
		get: (reference) => task.sources[reference],
		note: (reference) => references.add(reference)
	});
	replica.sourced = true;
	return {
		values: readOutputs(evaluator, task.names),
		scheduleE: readPublishedScheduleE(evaluator),
		references: [...references].sort()
	};
}
