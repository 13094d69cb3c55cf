/**
 * Chooses where a session's computed values come from, by the workbook's size: the core
 * evaluator on the main thread, or the evaluator worker for large workbooks (see
 * `cell-values.ts`, `worker-values.ts`). A workbook that was large when last opened on this
 * device gets its worker, and the read of its cached values, as soon as the session starts,
 * so both are under way while the document loads.
 */
import type * as Y from 'yjs';
import { listSheetEntries } from '$lib/core/document-view';
import { handleError } from '../handle-error';
import {
	InputOnlyValues,
	MainThreadValues,
	WORKER_THRESHOLD_CELLS,
	type CellValueSource
} from './cell-values';
import {
	clearCachedValues,
	readCachedValues,
	valuesCacheKey,
	type ValuesCacheOptions
} from './values-cache-store';
import { WorkerValues, type WorkerValuesCache } from './worker-values';

/** Whose workbook is kept on this device, or null when nothing is (a share link's session). */
export interface KeptOnDevice {
	userId: string;
	workbookId: string;
	appVersion: string;
}

/** Picks and starts one session's {@link CellValueSource}. */
export class SessionValues {
	private readonly cacheOptions: ValuesCacheOptions | null;
	private pendingWorker: WorkerValues | null = null;

	constructor(
		private readonly doc: Y.Doc,
		private readonly device: KeptOnDevice | null
	) {
		this.cacheOptions = device
			? { key: valuesCacheKey(device.userId, device.workbookId), appVersion: device.appVersion }
			: null;
		if (this.wasLarge()) this.pendingWorker = this.createWorker();
	}

	/**
	 * The values source for the document as loaded now (call once there is a document);
	 * never throws: a workbook the engine refuses still shows its inputs.
	 */
	open(): CellValueSource {
		let cells = 0;
		for (const sheet of listSheetEntries(this.doc)) cells += sheet.cells.size;
		const worker = this.pendingWorker;
		this.pendingWorker = null;
		this.rememberSize(cells);
		try {
			if (cells > WORKER_THRESHOLD_CELLS && typeof Worker !== 'undefined') {
				const values = worker ?? new WorkerValues(this.doc, this.cache());
				values.start();
				return values;
			}
			worker?.destroy();
			return new MainThreadValues(this.doc);
		} catch (error) {
			handleError(error, 'Formulas in this workbook could not be calculated; values are shown.');
			return new InputOnlyValues(this.doc);
		}
	}

	/** Forgets the values kept on this device (the workbook is gone). */
	forget(): void {
		if (this.cacheOptions) void clearCachedValues(this.cacheOptions.key);
	}

	/** Stops a worker started early that was never opened. */
	destroy(): void {
		this.pendingWorker?.destroy();
		this.pendingWorker = null;
	}

	private cache(): WorkerValuesCache | undefined {
		if (!this.cacheOptions) return undefined;
		return { options: this.cacheOptions, kept: readCachedValues(this.cacheOptions.key) };
	}

	private createWorker(): WorkerValues | null {
		if (typeof Worker === 'undefined') return null;
		try {
			return new WorkerValues(this.doc, this.cache());
		} catch {
			return null; // created again (or not) once the document's size is known
		}
	}

	/** Whether this workbook needed the worker when last opened on this device. */
	private wasLarge(): boolean {
		if (!this.device) return false;
		try {
			return Number(localStorage.getItem(this.sizeKey())) > WORKER_THRESHOLD_CELLS;
		} catch {
			return false;
		}
	}

	private rememberSize(cells: number): void {
		if (!this.device) return;
		try {
			localStorage.setItem(this.sizeKey(), String(cells));
		} catch {
			// No storage (private mode, quota): the worker just starts later next time.
		}
	}

	private sizeKey(): string {
		return `investflow:cells:${this.device!.workbookId}`;
	}
}
