/**
 * Whether the workbook screen shows its chart panel, and how wide. The panel starts open only on
 * a sheet that has charts and whose used columns all fit beside it (it never hides a person's
 * figures by itself), and never on a phone, where it would cover the grid; the Charts button
 * overrides that until another sheet is shown.
 */
import { untrack } from 'svelte';
import { MediaQuery } from 'svelte/reactivity';
import { listCharts } from '$lib/core/charts';
import { chartsMap } from '$lib/core/document';
import { sheetById } from '$lib/core/document-view';
import type { EditorState } from '$lib/state/editor-state.svelte';
import type { WorkbookSession } from '$lib/state/workbook-session.svelte';
import { DEFAULT_PANEL_WIDTH, panelFitsBeside, usedColumnsWidth } from './panel-fit';

/** The narrowest the panel may be dragged, and what it leaves the grid at the widest. */
const MIN_PANEL_WIDTH = 240;
const MIN_GRID_WIDTH = 320;
/** How far one arrow key moves the panel's edge. */
const KEY_RESIZE_STEP = 20;

export class ChartPanelState {
	/** Phone width: the grid takes the screen and the charts open as a sheet over it. */
	readonly narrow = new MediaQuery('max-width: 600px');
	/** The window's inner width (bound by the screen), which the panel must share with the grid. */
	windowWidth = $state(0);
	/** Width of the panel beside the grid, in pixels (dragged by its edge). */
	width = $state(DEFAULT_PANEL_WIDTH);
	/** The Charts button's choice on this sheet, or null to follow the rule above. */
	#chosen = $state<boolean | null>(null);

	/** Charts in the workbook: the panel lists them all, this sheet's first. */
	readonly chartCount = $derived.by(() => {
		void this.session.version;
		return this.session.ready ? chartsMap(this.session.doc).size : 0;
	});

	/** Charts on the sheet shown. */
	readonly sheetChartCount = $derived.by(() => {
		void this.session.version;
		if (this.chartCount === 0) return 0;
		const name = this.session.sheets.find((sheet) => sheet.id === this.editor.sheetId)?.name;
		return listCharts(this.session.doc).filter((chart) => chart.sheet === name).length;
	});

	/**
	 * Width of the shown sheet's used columns, measured when the sheet is shown (not at every
	 * edit: the panel should not spring open or shut while someone types).
	 */
	readonly #usedWidth = $derived.by(() => {
		const sheetId = this.editor.sheetId;
		if (!this.session.ready || this.sheetChartCount === 0) return 0;
		return untrack(() => {
			const sheet = sheetById(this.session.doc, sheetId);
			return sheet ? usedColumnsWidth(this.session.doc, sheet) : 0;
		});
	});

	/** Whether the panel is shown. */
	readonly open = $derived(
		this.#chosen ??
			(!this.narrow.current &&
				this.sheetChartCount > 0 &&
				panelFitsBeside(this.#usedWidth, this.windowWidth, DEFAULT_PANEL_WIDTH))
	);

	constructor(
		private readonly session: WorkbookSession,
		private readonly editor: EditorState
	) {}

	/** The Charts button: opens a closed panel, closes an open one. */
	toggle(): void {
		this.#chosen = !this.open;
	}

	/** The phone sheet's close button. */
	close(): void {
		this.#chosen = false;
	}

	/** Another sheet is shown: the rule decides again. */
	sheetChanged(): void {
		this.#chosen = null;
	}

	/** Drags the panel's edge from a pointer press on it until the pointer is released. */
	startResize(event: PointerEvent): void {
		event.preventDefault();
		const startX = event.clientX;
		const startWidth = this.width;
		const move = (e: PointerEvent) => {
			const limit = Math.max(MIN_PANEL_WIDTH, window.innerWidth - MIN_GRID_WIDTH);
			const wanted = startWidth + startX - e.clientX;
			this.width = Math.round(Math.min(limit, Math.max(MIN_PANEL_WIDTH, wanted)));
		};
		const end = () => {
			window.removeEventListener('pointermove', move);
			window.removeEventListener('pointerup', end);
			window.removeEventListener('pointercancel', end);
		};
		window.addEventListener('pointermove', move);
		window.addEventListener('pointerup', end);
		window.addEventListener('pointercancel', end);
	}

	/** Arrow keys on the focused edge move it (left widens the panel). */
	resizeByKey(event: KeyboardEvent): void {
		if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return;
		event.preventDefault();
		const step = event.key === 'ArrowLeft' ? KEY_RESIZE_STEP : -KEY_RESIZE_STEP;
		this.width = Math.max(MIN_PANEL_WIDTH, this.width + step);
	}
}
