/**
 * The HyperFormula binding: one engine per workbook document, built in one batch and then kept
 * current from Yjs transactions — one HyperFormula batch per transaction, never a rebuild.
 *
 * Sync per transaction (from `transaction.changed`): removed sheets are removed, renamed sheets
 * renamed, new sheets loaded whole; a sheet whose row/column order changed gets HyperFormula
 * remove/move/add operations (see `evaluator-sync.ts`); changed cells are set; then, if anything
 * but cells changed, every formula is re-rendered from identities and re-set where its text
 * differs from what the engine was given, and defined names are re-set. So the engine always
 * holds exactly what a fresh build from the document would.
 *
 * An evaluator may also show a scenario (see `scenarios.ts`): {@link WorkbookEvaluator.setOverlay}
 * puts override values in place of base inputs, re-setting only the cells whose overlay changed,
 * so switching between scenarios or following a scenario's edits never rebuilds the engine.
 */
import { DetailedCellError, type HyperFormula, type RawCellContent } from 'hyperformula';
import type * as Y from 'yjs';
import { parseCellAddress } from './addresses';
import { isFormulaInput, namesMap, sheetsMap, splitCellKey, type CellInput } from './document';
import {
	axisOf,
	listNameEntries,
	listSheetEntries,
	nameByText,
	referenceContext,
	requireSheet,
	sheetById,
	type Axis,
	type SheetEntry
} from './document-view';
import { engineAxisOps, syncAxisOrder, type AxisEngineOps } from './evaluator-sync';
import { createFormulaEngineFromSheets } from './formula-engine';
import { attachWorkbookSource, type WorkbookSource } from './functions/workbook-ref';
import { renderFormula, type ReferenceContext } from './formula-refs';
import type { Overlay } from './scenarios';

/** A computed value; errors carry their code (`#DIV/0!`) and a message. */
export interface CellResult {
	value: number | string | boolean | null;
	error?: { code: string; message: string };
}

/** A cell whose computed value changed: sheet id, zero-based position and ids. */
export interface CellChange {
	sheetId: string;
	row: number;
	col: number;
	rowId: string;
	colId: string;
}

const ERROR_MESSAGES: Record<string, string> = {
	'#DIV/0!': 'Division by zero.',
	'#REF!': 'The formula refers to a cell that was deleted or does not exist.',
	'#NAME?': 'The formula uses a name or function that does not exist.',
	'#VALUE!': 'A value has the wrong type.',
	'#NUM!': 'A number is out of range.',
	'#N/A': 'A value is not available.',
	'#CYCLE!': 'The formula refers to itself, directly or through other cells.',
	'#ERROR!': 'The formula cannot be parsed.',
	'#SPILL!': 'The result does not fit.'
};

/** Converts a HyperFormula value to a {@link CellResult}. */
export function toCellResult(value: unknown): CellResult {
	if (value instanceof DetailedCellError) {
		const code = value.value;
		return { value: code, error: { code, message: value.message || ERROR_MESSAGES[code] || code } };
	}
	if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') {
		return { value };
	}
	return { value: null };
}

/** A defined name whose value may have changed; `removed` when it is no longer defined. */
export interface NameChange {
	name: string;
	removed: boolean;
}

interface SheetMirror {
	hfId: number;
	name: string;
	rows: Axis;
	cols: Axis;
	/** Rendered text of each formula cell, as last given to the engine. */
	formulas: Map<string, string>;
}

/** A HyperFormula engine kept in step with one workbook document. Call {@link destroy} when done. */
export class WorkbookEvaluator {
	/** The underlying engine (read-only use: the evaluator owns its contents). */
	readonly engine: HyperFormula;
	private readonly doc: Y.Doc;
	private readonly context: ReferenceContext;
	private readonly sheets = new Map<string, SheetMirror>();
	private readonly bySheetNumber = new Map<number, string>();
	private names = new Map<string, string>();
	private readonly listeners = new Set<(changes: CellChange[]) => void>();
	private readonly nameListeners = new Set<(changes: NameChange[]) => void>();
	/** Names added, redefined or removed by the sync in progress (reported with the engine's). */
	private readonly touchedNames = new Set<string>();
	private readonly handleTransaction = (transaction: Y.Transaction) => this.sync(transaction);
	/** Override values shown instead of base inputs, by sheet id then cell key. */
	private overlay: Overlay = new Map();

	/**
	 * Builds the engine from `doc` in one `buildFromSheets` pass (every formula rendered once,
	 * against row/column orders read once) and starts following its transactions.
	 */
	constructor(doc: Y.Doc) {
		this.doc = doc;
		this.context = mirrorContext(this.sheets, referenceContext(doc));
		const entries = listSheetEntries(doc);
		for (const sheet of entries) {
			this.sheets.set(sheet.id, {
				hfId: -1,
				name: sheet.name,
				rows: axisOf(doc, sheet, 'rows'),
				cols: axisOf(doc, sheet, 'cols'),
				formulas: new Map()
			});
		}
		const contents: Record<string, RawCellContent[][]> = {};
		for (const sheet of entries) contents[sheet.name] = this.sheetGrid(sheet);
		const names = this.renderNames();
		let engine: HyperFormula;
		try {
			engine = createFormulaEngineFromSheets(
				contents,
				[...names].map(([name, expression]) => ({ name, expression }))
			);
			this.names = names;
		} catch {
			// A name the engine refuses (say, one colliding with a function): build without the
			// workbook's names and add those it accepts one by one, as later syncs do.
			engine = createFormulaEngineFromSheets(contents);
		}
		this.engine = engine;
		for (const [sheetId, mirror] of this.sheets) {
			mirror.hfId = engine.getSheetId(mirror.name)!;
			this.bySheetNumber.set(mirror.hfId, sheetId);
		}
		if (this.names !== names) engine.batch(() => this.syncNames(true));
		doc.on('afterTransaction', this.handleTransaction);
	}

	/** Stops following the document and releases the engine. */
	destroy(): void {
		this.doc.off('afterTransaction', this.handleTransaction);
		this.listeners.clear();
		this.nameListeners.clear();
		this.engine.destroy();
	}

	/** Calls `listener` after each transaction with the cells whose value changed; returns unsubscribe. */
	onChange(listener: (changes: CellChange[]) => void): () => void {
		this.listeners.add(listener);
		return () => this.listeners.delete(listener);
	}

	/**
	 * Calls `listener` after each transaction that may have changed the value of a defined name
	 * (its inputs changed, or it was defined, redefined, renamed or removed), with those names
	 * as the engine knows them; a name may be reported whose value ends up the same. Returns
	 * unsubscribe. Live dashboards read the new values with {@link getNameValue}.
	 */
	onNamesChange(listener: (changes: NameChange[]) => void): () => void {
		this.nameListeners.add(listener);
		return () => this.nameListeners.delete(listener);
	}

	/** The computed value of a cell by identity (null value for empty or unknown cells). */
	getValue(sheetId: string, rowId: string, colId: string): CellResult {
		const mirror = this.sheets.get(sheetId);
		const row = mirror?.rows.indexOf.get(rowId);
		const col = mirror?.cols.indexOf.get(colId);
		if (!mirror || row === undefined || col === undefined) return { value: null };
		return toCellResult(this.engine.getCellValue({ sheet: mirror.hfId, row, col }));
	}

	/** The computed value of a cell by sheet name and A1 address; throws typed errors. */
	getValueAt(sheetName: string, address: string): CellResult {
		const sheet = requireSheet(this.doc, sheetName);
		const { row, col } = parseCellAddress(address);
		const mirror = this.sheets.get(sheet.id);
		if (!mirror) return { value: null };
		return toCellResult(this.engine.getCellValue({ sheet: mirror.hfId, row, col }));
	}

	/** The value of a defined name (a range yields its top-left value), or undefined if unknown. */
	getNameValue(name: string): CellResult | undefined {
		const entry = nameByText(this.doc, name);
		if (!entry) return undefined;
		const value = this.engine.getNamedExpressionValue(entry.name);
		return toCellResult(Array.isArray(value) ? value[0]?.[0] : value);
	}

	/** The overlay shown now (empty: the base); callers that switch scenarios restore it after. */
	get shownOverlay(): Overlay {
		return this.overlay;
	}

	/**
	 * Shows `overlay` (a scenario's overrides, see `scenarioOverlay`) instead of the base inputs
	 * of its cells; an empty overlay shows the base. Only cells whose shown input changes are
	 * re-set, in one batch; change listeners hear about the values that moved. Base edits of an
	 * overridden cell keep showing the override until the overlay drops it.
	 */
	setOverlay(overlay: Overlay): void {
		const changed = new Map<string, Set<string>>();
		const note = (sheetId: string, key: string) => {
			let keys = changed.get(sheetId);
			if (!keys) changed.set(sheetId, (keys = new Set()));
			keys.add(key);
		};
		for (const [sheetId, cells] of this.overlay) {
			const next = overlay.get(sheetId);
			for (const [key, value] of cells) if (next?.get(key) !== value) note(sheetId, key);
		}
		for (const [sheetId, cells] of overlay) {
			const previous = this.overlay.get(sheetId);
			for (const [key, value] of cells) if (previous?.get(key) !== value) note(sheetId, key);
		}
		this.overlay = overlay;
		if (changed.size === 0) return;
		const exported = this.engine.batch(() => {
			for (const [sheetId, keys] of changed) this.setCells(sheetId, keys);
		});
		this.emit(exported);
	}

	/** What the engine is given for a cell: the overlay's value, else the base input. */
	private inputOf(sheet: SheetEntry, key: string): CellInput | undefined {
		const shown = this.overlay.get(sheet.id)?.get(key);
		return shown !== undefined ? shown : sheet.cells.get(key);
	}

	/**
	 * Gives WORKBOOK() its published outputs (see functions/workbook-ref.ts) and recomputes every
	 * WORKBOOK() call with them, telling listeners of the cells that changed.
	 */
	setWorkbookSource(source: WorkbookSource): void {
		attachWorkbookSource(this.engine, source);
		this.emit(this.engine.batch(() => {}));
	}

	/**
	 * Every value of a defined name: one result for a single cell or formula, the cells of a
	 * range row by row (flattened) for a range; undefined if the name is unknown.
	 */
	getNameValues(name: string): CellResult | CellResult[] | undefined {
		const entry = nameByText(this.doc, name);
		if (!entry) return undefined;
		let value: unknown = this.engine.getNamedExpressionValue(entry.name);
		// A name for a plain range evaluates to an error ("Cell range not allowed"): read the range.
		const formula = this.engine.getNamedExpressionFormula(entry.name);
		const range = formula ? this.engine.simpleCellRangeFromString(formula.slice(1), 0) : undefined;
		if (range) value = this.engine.getRangeValues(range);
		if (!Array.isArray(value)) return toCellResult(value);
		if (value.length === 1 && value[0].length === 1) return toCellResult(value[0][0]);
		return (value as unknown[][]).flat().map(toCellResult);
	}

	private addSheet(sheet: SheetEntry): void {
		const hfName = this.engine.addSheet(sheet.name);
		const hfId = this.engine.getSheetId(hfName)!;
		this.sheets.set(sheet.id, {
			hfId,
			name: sheet.name,
			rows: axisOf(this.doc, sheet, 'rows'),
			cols: axisOf(this.doc, sheet, 'cols'),
			formulas: new Map()
		});
		this.bySheetNumber.set(hfId, sheet.id);
	}

	private loadSheet(sheet: SheetEntry): void {
		this.engine.setSheetContent(this.sheets.get(sheet.id)!.hfId, this.sheetGrid(sheet));
	}

	/** A sheet's cells as rows of engine contents (its mirror must be current). */
	private sheetGrid(sheet: SheetEntry): RawCellContent[][] {
		const mirror = this.sheets.get(sheet.id)!;
		const grid: RawCellContent[][] = [];
		const place = (input: CellInput | undefined, key: string) => {
			const colon = key.indexOf(':');
			const row = mirror.rows.indexOf.get(key.slice(0, colon));
			const col = mirror.cols.indexOf.get(key.slice(colon + 1));
			if (row === undefined || col === undefined) return;
			(grid[row] ??= [])[col] = this.toRaw(sheet.id, mirror, key, input);
		};
		sheet.cells.forEach((input, key) => place(this.inputOf(sheet, key), key));
		this.overlay.get(sheet.id)?.forEach((value, key) => place(value, key));
		for (let r = 0; r < grid.length; r++) grid[r] ??= [];
		return grid;
	}

	private toRaw(
		sheetId: string,
		mirror: SheetMirror,
		key: string,
		input: CellInput | undefined
	): RawCellContent {
		if (input === undefined) {
			mirror.formulas.delete(key);
			return null;
		}
		if (isFormulaInput(input)) {
			const text = renderFormula(input.f, sheetId, this.context, { engine: true });
			mirror.formulas.set(key, text);
			return text;
		}
		mirror.formulas.delete(key);
		// A leading apostrophe makes HyperFormula keep text as text ("12", "=x", "TRUE").
		return typeof input === 'string' ? `'${input}` : input;
	}

	/** Each defined name in effect with its expression as the engine takes it (all `$`). */
	private renderNames(): Map<string, string> {
		const rendered = new Map<string, string>();
		for (const entry of listNameEntries(this.doc)) {
			rendered.set(
				entry.name,
				renderFormula(entry.expr, '', this.context, { forceAbsolute: true, engine: true })
			);
		}
		return rendered;
	}

	private syncNames(force: boolean): void {
		const next = this.renderNames();
		for (const [name, expression] of this.names) {
			if (next.get(name) !== expression) this.touchedNames.add(name);
			if (next.get(name) !== expression || force) {
				if (this.engine.isItPossibleToRemoveNamedExpression(name))
					this.engine.removeNamedExpression(name);
			}
		}
		for (const [name, expression] of next) {
			if (this.names.get(name) !== expression) this.touchedNames.add(name);
			if (this.names.get(name) === expression && !force) continue;
			if (this.engine.isItPossibleToAddNamedExpression(name, expression)) {
				this.engine.addNamedExpression(name, expression);
			}
		}
		this.names = next;
	}

	private sync(transaction: Y.Transaction): void {
		const sheetsRoot = sheetsMap(this.doc);
		const changedCells = new Map<string, Set<string>>();
		const reordered = new Set<string>();
		let sheetsChanged = false;
		let namesChanged = false;
		for (const [type, keys] of transaction.changed) {
			const parent = type.parent as unknown;
			if ((type as unknown) === sheetsRoot || parent === sheetsRoot) sheetsChanged = true;
			else if ((type as unknown) === namesMap(this.doc)) namesChanged = true;
			else if (type.parent && (type.parent.parent as unknown) === sheetsRoot) {
				const sheetId = (type.parent as Y.Map<unknown>)._item?.parentSub;
				const sheet = sheetId ? sheetById(this.doc, sheetId) : undefined;
				if (!sheet) continue;
				if ((type as unknown) === sheet.cells) {
					let set = changedCells.get(sheet.id);
					if (!set) changedCells.set(sheet.id, (set = new Set()));
					for (const key of keys) if (key !== null) set.add(key);
				} else if (
					[sheet.rows, sheet.cols, sheet.deletedRows, sheet.deletedCols].includes(type as never)
				) {
					reordered.add(sheet.id);
				}
			}
		}
		if (!sheetsChanged && !namesChanged && reordered.size === 0 && changedCells.size === 0) return;
		const structural = sheetsChanged || namesChanged || reordered.size > 0;
		const exported = this.engine.batch(() => {
			const added = sheetsChanged ? this.syncSheetList() : [];
			let moved = false;
			for (const sheetId of reordered) moved = this.syncOrder(sheetId, changedCells) || moved;
			if (structural) this.syncNames(reordered.size > 0 || sheetsChanged);
			for (const sheet of added) this.loadSheet(sheet);
			const addedIds = new Set(added.map((sheet) => sheet.id));
			for (const [sheetId, keys] of changedCells) {
				if (!addedIds.has(sheetId)) this.setCells(sheetId, keys);
			}
			if (structural) this.reconcileFormulas(addedIds, moved);
		});
		this.emit(exported);
	}

	/** Removes, renames and adds engine sheets to match the document; returns the added ones. */
	private syncSheetList(): SheetEntry[] {
		const entries = listSheetEntries(this.doc);
		const alive = new Set(entries.map((sheet) => sheet.id));
		for (const [sheetId, mirror] of this.sheets) {
			if (alive.has(sheetId) && sheetById(this.doc, sheetId)) continue;
			this.engine.removeSheet(mirror.hfId);
			this.bySheetNumber.delete(mirror.hfId);
			this.sheets.delete(sheetId);
		}
		// Two phases so that swapping two names never collides inside the engine.
		const renamed = entries.filter(
			(sheet) => this.sheets.get(sheet.id) && this.sheets.get(sheet.id)!.name !== sheet.name
		);
		for (const sheet of renamed) {
			const mirror = this.sheets.get(sheet.id)!;
			mirror.name = `__renaming_${mirror.hfId}`;
			this.engine.renameSheet(mirror.hfId, mirror.name);
		}
		for (const sheet of renamed) {
			const mirror = this.sheets.get(sheet.id)!;
			this.engine.renameSheet(mirror.hfId, sheet.name);
			mirror.name = sheet.name;
		}
		const added = entries.filter((sheet) => !this.sheets.has(sheet.id));
		for (const sheet of added) this.addSheet(sheet);
		return added;
	}

	/**
	 * Moves the engine's rows/columns to the document's order. Cells already stored in rows or
	 * columns new to the engine (written concurrently, arriving before the row) are queued in
	 * `changedCells` so they get loaded too. Returns whether rows or columns were moved.
	 */
	private syncOrder(sheetId: string, changedCells: Map<string, Set<string>>): boolean {
		const sheet = sheetById(this.doc, sheetId);
		const mirror = this.sheets.get(sheetId);
		if (!sheet || !mirror) return false;
		let moved = false;
		const noteMoves = (ops: AxisEngineOps): AxisEngineOps => ({
			...ops,
			move: (start, count, before) => {
				moved = true;
				ops.move(start, count, before);
			}
		});
		const rows = axisOf(this.doc, sheet, 'rows');
		const cols = axisOf(this.doc, sheet, 'cols');
		const newRows = rows.ids.filter((id) => !mirror.rows.indexOf.has(id));
		const newCols = cols.ids.filter((id) => !mirror.cols.indexOf.has(id));
		if (rows !== mirror.rows) {
			const ops = noteMoves(engineAxisOps(this.engine, mirror.hfId, 'rows'));
			syncAxisOrder(mirror.rows.ids, rows.ids, ops);
		}
		if (cols !== mirror.cols) {
			const ops = noteMoves(engineAxisOps(this.engine, mirror.hfId, 'cols'));
			syncAxisOrder(mirror.cols.ids, cols.ids, ops);
		}
		mirror.rows = rows;
		mirror.cols = cols;
		if (newRows.length === 0 && newCols.length === 0) return moved;
		const fresh = new Set([...newRows, ...newCols]);
		let keys = changedCells.get(sheetId);
		const overlaid = this.overlay.get(sheetId)?.keys() ?? [];
		for (const key of [...sheet.cells.keys(), ...overlaid]) {
			const { rowId, colId } = splitCellKey(key);
			if (!fresh.has(rowId) && !fresh.has(colId)) continue;
			if (!keys) changedCells.set(sheetId, (keys = new Set()));
			keys.add(key);
		}
		return moved;
	}

	private setCells(sheetId: string, keys: Set<string>): void {
		const sheet = sheetById(this.doc, sheetId);
		const mirror = this.sheets.get(sheetId);
		if (!sheet || !mirror) return;
		const targets: { key: string; row: number; col: number }[] = [];
		let top = Infinity;
		let left = Infinity;
		let bottom = -1;
		let right = -1;
		for (const key of keys) {
			const { rowId, colId } = splitCellKey(key);
			const row = mirror.rows.indexOf.get(rowId);
			const col = mirror.cols.indexOf.get(colId);
			if (row === undefined || col === undefined) continue;
			targets.push({ key, row, col });
			top = Math.min(top, row);
			left = Math.min(left, col);
			bottom = Math.max(bottom, row);
			right = Math.max(right, col);
		}
		const area = (bottom - top + 1) * (right - left + 1);
		// A dense block (a paste) goes in as one rectangle: far faster than cell by cell.
		if (targets.length >= 64 && targets.length * 2 >= area) {
			const block: RawCellContent[][] = [];
			for (let r = top; r <= bottom; r++) {
				const line: RawCellContent[] = [];
				for (let c = left; c <= right; c++) {
					const key = `${mirror.rows.ids[r]}:${mirror.cols.ids[c]}`;
					line.push(this.toRaw(sheetId, mirror, key, this.inputOf(sheet, key)));
				}
				block.push(line);
			}
			this.engine.setCellContents({ sheet: mirror.hfId, row: top, col: left }, block);
			return;
		}
		for (const { key, row, col } of targets) {
			const raw = this.toRaw(sheetId, mirror, key, this.inputOf(sheet, key));
			this.engine.setCellContents({ sheet: mirror.hfId, row, col }, raw);
		}
	}

	/**
	 * Re-renders every formula and re-sets those whose text changed (see module comment). After
	 * a move the engine may have rewritten a formula whose text did not change for us (it moves
	 * range corners its own way), so then every formula is checked against the engine's text.
	 */
	private reconcileFormulas(skip: Set<string>, checkUnchanged: boolean): void {
		for (const [sheetId, mirror] of this.sheets) {
			if (skip.has(sheetId)) continue;
			const sheet = sheetById(this.doc, sheetId)!;
			for (const [key, previous] of mirror.formulas) {
				const input = this.inputOf(sheet, key);
				const { rowId, colId } = splitCellKey(key);
				const row = mirror.rows.indexOf.get(rowId);
				const col = mirror.cols.indexOf.get(colId);
				if (!isFormulaInput(input) || row === undefined || col === undefined) {
					if (row === undefined || col === undefined) mirror.formulas.delete(key);
					continue;
				}
				const text = renderFormula(input.f, sheetId, this.context, { engine: true });
				if (text === previous && !checkUnchanged) continue;
				mirror.formulas.set(key, text);
				// The engine adjusts references itself on row/column operations; most of the time
				// its text already matches ours, and re-setting 10,000 formulas would be slow.
				const current = this.engine.getCellFormula({ sheet: mirror.hfId, row, col });
				if (current !== undefined && normaliseFormula(current) === normaliseFormula(text)) continue;
				this.engine.setCellContents({ sheet: mirror.hfId, row, col }, text);
			}
		}
	}

	private emit(exported: ReturnType<HyperFormula['batch']>): void {
		this.emitNames(exported);
		if (this.listeners.size === 0) return;
		const changes: CellChange[] = [];
		for (const change of exported) {
			if (!('address' in change)) continue;
			const { sheet, row, col } = change.address;
			const sheetId = this.bySheetNumber.get(sheet);
			const mirror = sheetId ? this.sheets.get(sheetId) : undefined;
			if (!sheetId || !mirror) continue;
			const rowId = mirror.rows.ids[row];
			const colId = mirror.cols.ids[col];
			if (rowId !== undefined && colId !== undefined)
				changes.push({ sheetId, row, col, rowId, colId });
		}
		if (changes.length === 0) return;
		for (const listener of this.listeners) listener(changes);
	}

	private emitNames(exported: ReturnType<HyperFormula['batch']>): void {
		const names = new Set(this.touchedNames);
		this.touchedNames.clear();
		if (this.nameListeners.size === 0) return;
		for (const change of exported) {
			if ('name' in change && this.names.has(change.name)) names.add(change.name);
		}
		if (names.size === 0) return;
		const changes = [...names].map((name) => ({ name, removed: !this.names.has(name) }));
		for (const listener of this.nameListeners) listener(changes);
	}
}

/** Formula text with case and spacing outside string literals ignored. */
function normaliseFormula(text: string): string {
	return text.replace(/"(?:[^"]|"")*"|[^"]+/g, (part) =>
		part.startsWith('"') ? part : part.replace(/\s+/g, '').toUpperCase()
	);
}

/**
 * A {@link ReferenceContext} that reads sheet names and row/column positions from the
 * evaluator's mirrors (plain map lookups, current whenever the evaluator renders) and defers
 * everything else, and any id a mirror does not know, to the document's own context.
 */
function mirrorContext(
	sheets: Map<string, SheetMirror>,
	documentContext: ReferenceContext
): ReferenceContext {
	return {
		...documentContext,
		sheetName: (sheetId) => sheets.get(sheetId)?.name ?? documentContext.sheetName(sheetId),
		rowIndex: (sheetId, rowId) =>
			sheets.get(sheetId)?.rows.indexOf.get(rowId) ?? documentContext.rowIndex(sheetId, rowId),
		colIndex: (sheetId, colId) =>
			sheets.get(sheetId)?.cols.indexOf.get(colId) ?? documentContext.colIndex(sheetId, colId)
	};
}

/** Builds an evaluator for `doc` (see {@link WorkbookEvaluator}). */
export function createEvaluator(doc: Y.Doc): WorkbookEvaluator {
	return new WorkbookEvaluator(doc);
}
