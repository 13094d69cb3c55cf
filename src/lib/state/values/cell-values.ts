/**
 * Where the grid reads computed values from: the core evaluator on the main thread for ordinary
 * workbooks, or a Web Worker for large ones (see `worker-values.ts`). Both follow the Y.Doc.
 */
import type * as Y from 'yjs';
import { cellKey, isFormulaInput } from '$lib/core/document';
import { sheetById } from '$lib/core/document-view';
import { createEvaluator, type CellResult, type WorkbookEvaluator } from '$lib/core/evaluator';
import type { CellValueSource } from '$lib/editor/value-source';
import type { ScenarioOverlay } from '../scenario-overlay';
import { BrowserWorkbookSources } from './browser-workbook-sources';

export type { CellValueSource };

/** A session's value source: the grid's reads, and the scenario the tab shows. */
export interface SessionValueSource extends CellValueSource {
	/**
	 * Shows the values of a scenario: its overrides in place of base inputs, and every formula
	 * computed from them (see `scenario-overlay.ts`); `overlay.current` is empty for the base.
	 */
	showScenario(overlay: ScenarioOverlay): void;
}

/** Cells above which evaluation moves off the main thread. */
export const WORKER_THRESHOLD_CELLS = 20_000;

/** The core evaluator, evaluated synchronously on this thread. */
export class MainThreadValues implements SessionValueSource {
	private readonly evaluator: WorkbookEvaluator;
	private readonly sources: BrowserWorkbookSources | null = null;

	private stopFollowing: (() => void) | null = null;

	/** With `workbookId`, WORKBOOK() reads what the person may see of other workbooks. */
	constructor(
		private readonly doc: Y.Doc,
		workbookId?: string
	) {
		this.evaluator = createEvaluator(doc);
		if (workbookId) {
			this.sources = new BrowserWorkbookSources(workbookId, this.evaluator);
			this.evaluator.setWorkbookSource(this.sources);
		}
	}

	getValue(sheetId: string, rowId: string, colId: string): CellResult {
		return this.evaluator.getValue(sheetId, rowId, colId);
	}

	showScenario(overlay: ScenarioOverlay): void {
		this.stopFollowing?.();
		const follow = () => this.evaluator.setOverlay(overlay.current);
		// After each change: this listener is registered after the evaluator's own, so the overlay
		// lands on an engine already synced with the change (the order the property tests check).
		// The overlay itself refreshed earlier in the same transaction (its listener is older).
		this.doc.on('afterTransaction', follow);
		const stopSwitching = overlay.onSwitch(follow);
		this.stopFollowing = () => {
			this.doc.off('afterTransaction', follow);
			stopSwitching();
		};
		follow();
	}

	onChange(listener: () => void): () => void {
		return this.evaluator.onChange(() => listener());
	}

	destroy(): void {
		this.stopFollowing?.();
		this.sources?.close();
		this.evaluator.destroy();
	}
}

/**
 * The inputs themselves, without formulas: the fallback when the formula engine refuses a
 * workbook (HyperFormula's default limit is 40,000 rows a sheet), so the sheet still opens.
 */
export class InputOnlyValues implements SessionValueSource {
	private overlay: ScenarioOverlay | null = null;

	constructor(private readonly doc: Y.Doc) {}

	showScenario(overlay: ScenarioOverlay): void {
		this.overlay = overlay;
	}

	getValue(sheetId: string, rowId: string, colId: string): CellResult {
		const override = this.overlay?.overrideOf(sheetId, rowId, colId);
		if (override !== undefined) return { value: override };
		const input = sheetById(this.doc, sheetId)?.cells.get(cellKey(rowId, colId));
		if (input === undefined) return { value: null };
		if (isFormulaInput(input)) {
			return {
				value: '#N/A',
				error: { code: '#N/A', message: 'Formulas are not calculated in this workbook.' }
			};
		}
		return { value: input };
	}

	onChange(): () => void {
		return () => {};
	}

	destroy(): void {}
}
