/**
 * The overrides of the scenario this tab shows, kept current as the document changes (anyone's
 * override, a row inserted, the scenario deleted), for the value sources and the grid. Cheap:
 * recomputed only after transactions that touched scenarios or row/column order, from at most
 * a few hundred overrides.
 */
import type * as Y from 'yjs';
import { cellKey, scenariosMap, sheetsMap } from '$lib/core/document';
import {
	scenarioById,
	scenarioOverlay,
	type Overlay,
	type OverrideValue
} from '$lib/core/scenarios';

/** Follows one scenario's overlay (the base: an empty one) in a document. */
export class ScenarioOverlay {
	private id: string | null = null;
	private overlay: Overlay = new Map();
	private readonly listeners = new Set<(overlay: Overlay) => void>();
	private readonly switchListeners = new Set<() => void>();
	private readonly handleTransaction = (transaction: Y.Transaction) => {
		if (this.id === null) return;
		const scenarios = scenariosMap(this.doc);
		const sheets = sheetsMap(this.doc);
		for (const type of transaction.changed.keys()) {
			let parent: unknown = type;
			// scenarios > scenario > overrides, or sheets > sheet > rows: three levels at most.
			for (let depth = 0; depth < 3 && parent; depth++) {
				if (parent === scenarios || parent === sheets) return this.refresh();
				parent = (parent as Y.AbstractType<unknown>).parent;
			}
		}
	};

	constructor(private readonly doc: Y.Doc) {
		doc.on('afterTransaction', this.handleTransaction);
	}

	/** The scenario shown (null: the base). */
	get scenarioId(): string | null {
		return this.id;
	}

	/** Shows scenario `id` (null: the base); an unknown id shows the base. */
	show(id: string | null): void {
		this.id = id;
		this.refresh();
		for (const listener of this.switchListeners) listener();
	}

	/** The overlay in force. */
	get current(): Overlay {
		return this.overlay;
	}

	/** The override of a cell in the shown scenario, if any. */
	overrideOf(sheetId: string, rowId: string, colId: string): OverrideValue | undefined {
		return this.overlay.get(sheetId)?.get(cellKey(rowId, colId));
	}

	/**
	 * Calls `listener` after {@link show} only (not after document changes, whose listeners run
	 * inside the change's `afterTransaction`); returns unsubscribe.
	 */
	onSwitch(listener: () => void): () => void {
		this.switchListeners.add(listener);
		return () => this.switchListeners.delete(listener);
	}

	/** Calls `listener` with each new overlay (after a switch or a change); returns unsubscribe. */
	onChange(listener: (overlay: Overlay) => void): () => void {
		this.listeners.add(listener);
		return () => this.listeners.delete(listener);
	}

	destroy(): void {
		this.doc.off('afterTransaction', this.handleTransaction);
		this.listeners.clear();
		this.switchListeners.clear();
	}

	private refresh(): void {
		if (this.id !== null && !scenarioById(this.doc, this.id)) this.id = null;
		this.overlay = scenarioOverlay(this.doc, this.id);
		for (const listener of this.listeners) listener(this.overlay);
	}
}
