/**
 * The grid's rows and row numbers as a fixed pool of elements rewritten in place. Scrolling
 * shows new rows in the same slots: only attributes and text that differ from what a slot
 * already shows are written, nothing is created or removed unless the window grows or shrinks,
 * and the slots sit in normal flow inside one box moved to the window's first row (one
 * transform per frame, not one per row).
 */
import { ROW_HEADER_WIDTH, ROW_HEIGHT } from '$lib/editor/grid-geometry';
import type { RenderedCell, RenderedRow } from '$lib/editor/grid-model';

/** What a cell slot shows now, so unchanged parts are not written again. */
interface CellSlot {
	element: HTMLDivElement;
	text: Text;
	shown: {
		ref: string;
		text: string;
		className: string;
		error?: string;
		left: number;
		width: number;
	};
}

interface RowSlot {
	element: HTMLDivElement;
	head: HTMLDivElement;
	headText: Text;
	row: number;
	selected: boolean;
	cells: CellSlot[];
}

/**
 * Class names by flags (numeric 1, error 2, bold 4, text across the right edge 8), built once
 * rather than per cell per frame.
 */
const CELL_CLASSES = Array.from(
	{ length: 16 },
	(_, flags) =>
		'cell' +
		(flags & 1 ? ' num' : '') +
		(flags & 2 ? ' err' : '') +
		(flags & 4 ? ' bold' : '') +
		(flags & 8 ? ' joined' : '')
);

function cellClass(cell: RenderedCell): string {
	return CELL_CLASSES[
		(cell.numeric ? 1 : 0) |
			(cell.error !== undefined ? 2 : 0) |
			(cell.bold ? 4 : 0) |
			(cell.joined ? 8 : 0)
	];
}

function createCellSlot(): CellSlot {
	const element = document.createElement('div');
	element.className = 'cell';
	element.setAttribute('role', 'gridcell');
	const text = document.createTextNode('');
	element.append(text);
	return { element, text, shown: { ref: '', text: '', className: 'cell', left: -1, width: -1 } };
}

function writeCell(slot: CellSlot, cell: RenderedCell, offsets: readonly number[]): void {
	const { element, shown } = slot;
	if (shown.ref !== cell.ref) element.setAttribute('data-ref', (shown.ref = cell.ref));
	if (shown.text !== cell.text) slot.text.data = shown.text = cell.text;
	const className = cellClass(cell);
	if (shown.className !== className) element.className = shown.className = className;
	if (shown.error !== cell.error) {
		shown.error = cell.error;
		if (cell.error === undefined) element.removeAttribute('title');
		else element.title = cell.error;
	}
	const left = ROW_HEADER_WIDTH + offsets[cell.col];
	const width = offsets[cell.col + 1 + (cell.spill ?? 0)] - offsets[cell.col];
	if (shown.left !== left) element.style.left = `${(shown.left = left)}px`;
	if (shown.width !== width) element.style.width = `${(shown.width = width)}px`;
}

/** Keeps row slots in `rowBox` and row-number slots in `headBox` showing a window of rows. */
export class RowPool {
	private readonly slots: RowSlot[] = [];
	private firstRow = -1;

	constructor(
		private readonly rowBox: HTMLElement,
		private readonly headBox: HTMLElement
	) {}

	/** Shows `rows` (consecutive, from the window's first row); `selected` marks row numbers. */
	render(
		rows: readonly RenderedRow[],
		offsets: readonly number[],
		selected: { top: number; bottom: number }
	): void {
		this.resize(rows.length);
		const firstRow = rows[0]?.row ?? 0;
		if (this.firstRow !== firstRow) {
			this.firstRow = firstRow;
			this.rowBox.style.transform =
				this.headBox.style.transform = `translateY(${firstRow * ROW_HEIGHT}px)`;
		}
		for (let i = 0; i < rows.length; i++) {
			const slot = this.slots[i];
			const row = rows[i];
			if (slot.row !== row.row) {
				slot.row = row.row;
				slot.element.setAttribute('aria-rowindex', String(row.row + 1));
				slot.headText.data = String(row.row + 1);
			}
			const isSelected = row.row >= selected.top && row.row <= selected.bottom;
			if (slot.selected !== isSelected) {
				slot.selected = isSelected;
				slot.head.classList.toggle('selected', isSelected);
			}
			this.resizeRow(slot, row.cells.length);
			for (let c = 0; c < row.cells.length; c++) writeCell(slot.cells[c], row.cells[c], offsets);
		}
	}

	/**
	 * Surplus slots are hidden rather than removed (the window's row count varies by one as it
	 * scrolls), and forget their addresses so no hidden cell answers for a `data-ref`.
	 */
	private resize(count: number): void {
		while (this.slots.length < count) {
			const element = document.createElement('div');
			element.className = 'row';
			element.setAttribute('role', 'row');
			const head = document.createElement('div');
			head.className = 'rowhead';
			head.setAttribute('role', 'rowheader');
			const headText = document.createTextNode('');
			head.append(headText);
			this.rowBox.append(element);
			this.headBox.append(head);
			this.slots.push({ element, head, headText, row: -1, selected: false, cells: [] });
		}
		for (let i = 0; i < this.slots.length; i++) {
			const slot = this.slots[i];
			const hidden = i >= count;
			if (slot.element.hidden === hidden) continue;
			slot.element.hidden = slot.head.hidden = hidden;
			if (hidden) this.forget(slot);
		}
	}

	private forget(slot: RowSlot): void {
		slot.row = -1;
		for (const cell of slot.cells) {
			cell.element.removeAttribute('data-ref');
			cell.shown.ref = '';
		}
	}

	private resizeRow(slot: RowSlot, count: number): void {
		while (slot.cells.length < count) {
			const cell = createCellSlot();
			slot.element.append(cell.element);
			slot.cells.push(cell);
		}
		while (slot.cells.length > count) slot.cells.pop()!.element.remove();
	}
}
