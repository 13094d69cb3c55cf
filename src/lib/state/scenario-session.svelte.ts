/**
 * The scenarios of the open workbook as the editor shows them: the list (live, whoever changes
 * it), which one this tab shows, and which one each other person is in (published through
 * presence). Showing a scenario is local to the tab — viewers and links may switch freely —
 * while creating, changing and applying go through `scenario-commands.ts`.
 */
import type * as Y from 'yjs';
import type { Awareness } from 'y-protocols/awareness';
import { scenariosMap } from '$lib/core/document';
import { listScenarios } from '$lib/core/scenarios';
import { ScenarioOverlay } from './scenario-overlay';

/** A scenario as the switcher lists it. */
export interface ScenarioTab {
	id: string;
	name: string;
	overrides: number;
}

/** Scenario state of one open workbook tab. */
export class ScenarioSession {
	/** The scenario this tab shows; null is the base. */
	activeId = $state<string | null>(null);
	list = $state.raw<ScenarioTab[]>([]);
	/** Bumped when the shown scenario's overrides change (the grid redraws their marks). */
	overlayVersion = $state(0);
	readonly overlay: ScenarioOverlay;
	private readonly cleanups: (() => void)[] = [];

	constructor(
		private readonly doc: Y.Doc,
		private readonly awareness: Awareness
	) {
		this.overlay = new ScenarioOverlay(doc);
		const afterTransaction = (transaction: Y.Transaction) => {
			const root = scenariosMap(doc);
			for (const type of transaction.changed.keys()) {
				let parent: unknown = type;
				for (let depth = 0; depth < 3 && parent; depth++) {
					if (parent === root) return this.refresh();
					parent = (parent as Y.AbstractType<unknown>).parent;
				}
			}
		};
		doc.on('afterTransaction', afterTransaction);
		this.cleanups.push(() => doc.off('afterTransaction', afterTransaction));
		this.cleanups.push(this.overlay.onChange(() => this.overlayVersion++));
		this.refresh();
	}

	/** The shown scenario's name, or null for the base. */
	get activeName(): string | null {
		return this.list.find((tab) => tab.id === this.activeId)?.name ?? null;
	}

	/** Shows scenario `id` (null: the base) in this tab and tells the others. */
	show(id: string | null): void {
		this.activeId = id;
		this.overlay.show(id);
		this.awareness.setLocalStateField('scenario', id);
	}

	destroy(): void {
		for (const cleanup of this.cleanups.splice(0)) cleanup();
		this.overlay.destroy();
	}

	private refresh(): void {
		this.list = listScenarios(this.doc).map((scenario) => ({
			id: scenario.id,
			name: scenario.name,
			overrides: scenario.overrides.size
		}));
		// Someone deleted the scenario this tab shows: back to the base.
		if (this.activeId !== null && !this.list.some((tab) => tab.id === this.activeId)) {
			this.show(null);
		}
	}
}
