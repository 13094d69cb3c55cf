/**
 * Building template sheets from a compact description, then writing them into a document with
 * the ordinary core operations only (addSheet, defineName, setCellInputs, fillDown,
 * setNumberFormat, setCellStyle, setColumnWidth), all inside the caller's one transaction.
 *
 * A {@link SheetBuilder} collects what people would type (`=PMT(…)`, `350000`, `2026-01-05`),
 * ranges to fill down, formats, bold ranges, column widths and defined names. Nothing touches a document until
 * {@link writeTemplate}, which adds every sheet first, then every name, then the cells, so a
 * formula may refer to any sheet or name of the template whatever the order of description.
 */
import type * as Y from 'yjs';
import { columnLetters, formatRange, parseCellAddress, parseRange } from '../addresses';
import { ensureMeta } from '../document';
import { quoteSheetName } from '../formula-refs';
import { NUMBER_FORMATS } from '../number-format';
import {
	fillDown,
	fillRight,
	setCellInputs,
	setCellStyle,
	setColumnWidth,
	setNumberFormat
} from '../operations/cells';
import { defineName } from '../operations/names';
import { transact, type Origin } from '../operations/shared';
import { addSheet } from '../operations/sheets';
import { parseInput } from '../values';

/** Number formats the templates use (dollar presets follow the workbook currency on display). */
export const FORMATS = {
	money: NUMBER_FORMATS.currency,
	money0: '"$"#,##0',
	percent: NUMBER_FORMATS.percent,
	percent3: '0.000%',
	integer: NUMBER_FORMATS.integer,
	number: NUMBER_FORMATS.number,
	multiple: '0.00"x"',
	date: NUMBER_FORMATS.date,
	month: NUMBER_FORMATS.monthYear
} as const;

/** What goes in a cell: a number, or text exactly as a person would type it (`=…`, `5%`). */
export type CellValue = number | string;

/** One row of a labelled block: label in the label column, value beside it, an optional note. */
export interface LabelledRow {
	label: string;
	value?: CellValue;
	format?: string;
	/** A defined name for the value cell. */
	name?: string;
	/** A key other sheets use to find the value cell ({@link SheetBuilder.ref}). */
	key?: string;
	note?: string;
	/** A section heading: the label is bold and there is no value. */
	heading?: boolean;
}

/** Zero-based column index from letters (`A` → 0). */
function colIndex(letters: string): number {
	return parseCellAddress(`${letters}1`).col;
}

/** Column letters from a zero-based index (0 → `A`). */
export function columnName(index: number): string {
	return columnLetters(index);
}

/** The column `offset` columns right of `letters` (`shiftColumn('B', 2)` is `D`). */
export function shiftColumn(letters: string, offset: number): string {
	return columnName(colIndex(letters) + offset);
}

/** `$B$5` from `B5`; `$C$1:$L$1` from the range `C1:L1`. */
export function absolute(address: string): string {
	const colon = address.indexOf(':');
	if (colon > 0)
		return `${absolute(address.slice(0, colon))}:${absolute(address.slice(colon + 1))}`;
	const { row, col } = parseCellAddress(address);
	return `$${columnName(col)}$${row + 1}`;
}

/** The description of one sheet of a template; see the module comment. */
export class SheetBuilder {
	/** Typed text by A1 address. */
	readonly cells = new Map<string, string>();
	readonly formats: { range: string; format: string }[] = [];
	readonly boldRanges: string[] = [];
	readonly widths = new Map<string, number>();
	/** Ranges filled down from their first row or right from their first column, in order. */
	readonly fills: { range: string; direction: 'down' | 'right' }[] = [];
	readonly names: { name: string; address: string }[] = [];
	private readonly keys = new Map<string, string>();

	/** `rows` × `cols` is the sheet's logical size (it still grows to fit what is written). */
	constructor(
		readonly name: string,
		readonly size: { rows?: number; cols?: number } = {}
	) {}

	/** Types `value` into `address` as a person would (`2026-01-05` is a date; see {@link text}). */
	set(address: string, value: CellValue, format?: string): this {
		this.cells.set(address, typeof value === 'number' ? String(value) : value);
		if (format) this.format(address, format);
		return this;
	}

	/** Writes `value` as text even if it looks like a number, date or formula. */
	text(address: string, value: string): this {
		const kind = parseInput(value).kind;
		this.cells.set(address, kind === 'text' && !value.startsWith("'") ? value : `'${value}`);
		return this;
	}

	/** Writes a bold text heading. */
	heading(address: string, value: string): this {
		return this.text(address, value).bold(address);
	}

	/** Writes bold column headers left to right from `address`. */
	headers(address: string, labels: string[]): this {
		const { row, col } = parseCellAddress(address);
		labels.forEach((label, i) => this.text(`${columnName(col + i)}${row + 1}`, label));
		return this.bold(`${address}:${columnName(col + labels.length - 1)}${row + 1}`);
	}

	/** Types values left to right from `address` (as {@link set}); `null` leaves a cell empty. */
	row(address: string, values: (CellValue | null)[], format?: string): this {
		const { row, col } = parseCellAddress(address);
		values.forEach((value, i) => {
			if (value === null) return;
			this.set(`${columnName(col + i)}${row + 1}`, value);
		});
		if (format && values.length > 0) {
			this.format(`${address}:${columnName(col + values.length - 1)}${row + 1}`, format);
		}
		return this;
	}

	/**
	 * Fills `range` down from its first row, as a person would fill a column of formulas: the
	 * first row must already hold what to copy; relative references shift row by row.
	 */
	fillDown(range: string): this {
		this.fills.push({ range, direction: 'down' });
		return this;
	}

	/** Fills `range` right from its first column (see {@link fillDown}). */
	fillRight(range: string): this {
		this.fills.push({ range, direction: 'right' });
		return this;
	}

	/** Sets the number format of an A1 range. */
	format(range: string, format: string): this {
		this.formats.push({ range, format });
		return this;
	}

	/** Makes an A1 range bold. */
	bold(range: string): this {
		this.boldRanges.push(range);
		return this;
	}

	/** Sets column widths in pixels, e.g. `{ A: 260, B: 120 }`. */
	width(widths: Record<string, number>): this {
		for (const [column, px] of Object.entries(widths)) this.widths.set(column, px);
		return this;
	}

	/** Defines a workbook-level name for one cell (or range) of this sheet. */
	defineName(name: string, address: string): this {
		this.names.push({ name, address });
		return this;
	}

	/** Remembers `address` under `key` for {@link ref}. */
	remember(key: string, address: string): this {
		this.keys.set(key, address);
		return this;
	}

	/** The absolute, sheet-qualified reference of a remembered cell (`Assumptions!$B$9`). */
	ref(key: string): string {
		const address = this.keys.get(key);
		if (!address) throw new Error(`template sheet ${this.name} has no cell "${key}"`);
		return `${quoteSheetName(this.name)}!${absolute(address)}`;
	}

	/** The plain address of a remembered cell (`B9`), for formulas on this sheet. */
	local(key: string): string {
		const address = this.keys.get(key);
		if (!address) throw new Error(`template sheet ${this.name} has no cell "${key}"`);
		return address;
	}

	/**
	 * Writes labelled rows from `startRow` (label in `labelCol`, value in the next column, note
	 * after it) and returns the first row after them.
	 */
	labelled(startRow: number, rows: LabelledRow[], labelCol = 'A'): number {
		const valueCol = shiftColumn(labelCol, 1);
		const noteCol = shiftColumn(labelCol, 2);
		rows.forEach((spec, i) => {
			const r = startRow + i;
			if (spec.label) this.text(`${labelCol}${r}`, spec.label);
			if (spec.heading) this.bold(`${labelCol}${r}`);
			const at = `${valueCol}${r}`;
			if (spec.value !== undefined) this.set(at, spec.value, spec.format);
			if (spec.name) this.defineName(spec.name, at).remember(spec.name, at);
			if (spec.key) this.remember(spec.key, at);
			if (spec.note) this.text(`${noteCol}${r}`, spec.note);
		});
		return startRow + rows.length;
	}
}

/** A whole template: its sheets in tab order. */
export interface TemplateSpec {
	sheets: SheetBuilder[];
}

/**
 * Writes `spec` into `doc` in one transaction with `origin` (joining the caller's transaction
 * if there is one): meta, sheets, names, cells, fills, formats, bold, widths.
 */
export function writeTemplate(doc: Y.Doc, spec: TemplateSpec, origin?: Origin): void {
	transact(doc, origin, () => {
		ensureMeta(doc);
		const ids = spec.sheets.map((sheet) => addSheet(doc, sheet.name, sheet.size));
		spec.sheets.forEach((sheet, i) => {
			for (const { name, address } of sheet.names) {
				defineName(doc, name, `${quoteSheetName(sheet.name)}!${absolute(address)}`, ids[i]);
			}
		});
		spec.sheets.forEach((sheet, i) => {
			const updates = [...sheet.cells].map(([address, text]) => ({ address, text }));
			setCellInputs(doc, ids[i], updates);
			// Filling skips re-validating each copy of an already valid formula: far faster.
			for (const { range, direction } of sheet.fills) {
				if (direction === 'down') fillDown(doc, ids[i], range);
				else fillRight(doc, ids[i], range);
			}
			for (const { range, format } of coalesce(sheet.formats)) {
				setNumberFormat(doc, ids[i], range, format);
			}
			for (const { range } of coalesce(sheet.boldRanges.map((range) => ({ range, format: '' })))) {
				setCellStyle(doc, ids[i], range, { bold: true });
			}
			for (const [column, width] of sheet.widths) setColumnWidth(doc, ids[i], column, width);
		});
	});
}

/**
 * Merges ranges with the same format that continue one another down the same columns (as the
 * rows of a labelled block do), so a sheet needs a few operations rather than one per cell.
 * Later entries still win where ranges overlap: only neighbours in the list are merged.
 */
function coalesce(
	entries: { range: string; format: string }[]
): { range: string; format: string }[] {
	const merged: { bounds: ReturnType<typeof parseRange>; format: string }[] = [];
	for (const { range, format } of entries) {
		const bounds = parseRange(range);
		const previous = merged[merged.length - 1];
		if (
			previous &&
			previous.format === format &&
			bounds.kind === 'cells' &&
			previous.bounds.kind === 'cells' &&
			previous.bounds.left === bounds.left &&
			previous.bounds.right === bounds.right &&
			previous.bounds.bottom + 1 === bounds.top
		) {
			previous.bounds.bottom = bounds.bottom;
		} else merged.push({ bounds, format });
	}
	return merged.map(({ bounds, format }) => ({ range: formatRange(bounds), format }));
}
