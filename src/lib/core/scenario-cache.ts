/**
 * Remembered output values per scenario, so a comparison re-evaluates only the scenarios whose
 * values may have moved: an edit of one scenario's overrides (a keystroke in "Rate 7.5 %")
 * forgets that scenario alone; any other change (a base cell, a name, a row moved) forgets
 * them all, since the base flows into every scenario.
 */
import * as Y from 'yjs';
import { scenariosMap } from './document';
import type { CellResult } from './evaluator';

/** The key of the base column. */
const BASE = '\u0000base';

/** Output values remembered per scenario (null: the base) and output label. */
export class ComparisonCache {
	private readonly columns = new Map<string, Map<string, CellResult>>();
	private readonly handleTransaction = (transaction: Y.Transaction) => this.forget(transaction);

	constructor(private readonly doc: Y.Doc) {
		doc.on('afterTransaction', this.handleTransaction);
	}

	/** The remembered value of `label` in scenario `id` (null: the base), if still current. */
	get(id: string | null, label: string): CellResult | undefined {
		return this.columns.get(id ?? BASE)?.get(label);
	}

	/** Remembers the value of `label` in scenario `id`. */
	set(id: string | null, label: string, result: CellResult): void {
		let column = this.columns.get(id ?? BASE);
		if (!column) this.columns.set(id ?? BASE, (column = new Map()));
		column.set(label, result);
	}

	/** Stops following the document. */
	destroy(): void {
		this.doc.off('afterTransaction', this.handleTransaction);
		this.columns.clear();
	}

	private forget(transaction: Y.Transaction): void {
		const root = scenariosMap(this.doc);
		for (const type of transaction.changed.keys()) {
			const scenario = scenarioHolding(root, type);
			if (scenario === null) {
				this.columns.clear();
				return;
			}
			// The root itself changed: a scenario added or deleted (its column comes or goes).
			if (scenario !== undefined) this.columns.delete(scenario);
		}
	}
}

/**
 * Which scenario a changed type belongs to: its id, undefined for the `scenarios` root itself,
 * or null for a type outside the scenarios (a base change).
 */
function scenarioHolding(
	root: unknown,
	type: Y.AbstractType<any> // eslint-disable-line @typescript-eslint/no-explicit-any
): string | null | undefined {
	if (type === root) return undefined;
	let child = type;
	for (let depth = 0; depth < 3; depth++) {
		const parent = child._item?.parent as typeof type | undefined;
		if (!parent) return null;
		if (parent === root) return child._item!.parentSub ?? null;
		child = parent;
	}
	return null;
}
