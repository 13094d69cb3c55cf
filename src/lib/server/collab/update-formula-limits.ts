/**
 * The typed-input formula limits (`core/limits.ts`: text length, nesting, cells per range)
 * applied to the formulas a raw update carries, against the room's document as the update
 * would leave it. References are stored by row and column ids, so each corner is resolved to
 * a position: ids the document holds through its cached axis views (`document-view.ts`), ids the
 * update itself inserts (growing the grid) from where Yjs will integrate them — between the
 * items named by their origin and right origin. Those places are bounds, not indices, and the
 * largest area they allow is what counts; a reference to an id known nowhere is `#REF!`.
 *
 * Only the formulas in the update are checked, and only the update's own axis items are
 * walked. The document's order of a long axis (a view rebuilt after each change to it, linear
 * in its length) is only consulted for a formula that its length alone cannot clear: every
 * formula is first checked with such an axis counted whole, which is an upper bound.
 */
import * as Y from 'yjs';
import { axisOf, nameById, sheetById } from '../../core/document-view';
import { LimitExceededError } from '../../core/errors';
import {
	checkStoredFormula,
	type PositionBounds,
	type StoredFormulaContext
} from '../../core/limits';
import type { UpdateContents } from './update-contents';

/** Axes longer than this are first counted whole (their order costs a pass over them). */
const LONG_AXIS = 10_000;

/** Deleted items skipped at most when looking for a visible neighbour in the document. */
const MAX_DELETED_WALK = 64;

type Gap = readonly [low: number, high: number] | null;

/** One axis (a sheet's rows or columns) as the update would leave it. */
class AxisBounds {
	private readonly index: Map<string, number>;
	private readonly length: number;
	private readonly array: Y.Array<string> | undefined;
	/** The document's visible elements are exactly its effective order (no duplicates). */
	private readonly exact: boolean;
	private readonly items: Y.Item[];
	private readonly gaps = new Map<Y.Item, Gap>();
	private readonly newIds = new Map<string, Gap>();
	private readonly lows: number[];
	private readonly highs: number[];
	private unknown = 0;
	private total = 0;

	constructor(doc: Y.Doc, contents: UpdateContents, sheetId: string, axis: 'rows' | 'cols') {
		const sheet = sheetById(doc, sheetId);
		const view = sheet ? axisOf(doc, sheet, axis) : { ids: [], indexOf: new Map() };
		this.index = view.indexOf;
		this.length = view.ids.length;
		this.array = sheet?.[axis];
		this.exact = !this.array || this.array.length === this.length;
		this.items = contents.axisItems
			.filter((entry) => entry.sheetId === sheetId && entry.axis === axis)
			.map((entry) => entry.item);
		const members = new Set(this.items);
		for (const item of this.items) {
			const gap = this.gapOf(item, members, contents);
			for (const id of (item.content as Y.ContentAny).arr) {
				this.newIds.set(String(id), gap);
				this.total++;
				if (gap === null) this.unknown++;
			}
		}
		const known = [...this.newIds.values()].filter((gap): gap is [number, number] => !!gap);
		this.lows = known.map((gap) => gap[0]).sort((a, b) => a - b);
		this.highs = known.map((gap) => gap[1]).sort((a, b) => a - b);
	}

	/** Where `id` may end up, or null when neither the document nor the update has it. */
	bounds(id: string): PositionBounds | null {
		const p = this.index.get(id);
		const fromDocument: PositionBounds | null =
			p === undefined
				? null
				: [p + countAtMost(this.highs, p), p + countAtMost(this.lows, p) + this.unknown];
		if (!this.newIds.has(id)) return fromDocument;
		const gap = this.newIds.get(id)!;
		const inserted: PositionBounds = gap
			? [
					gap[0] + countAtMost(this.highs, gap[0] - 1),
					gap[1] + countAtMost(this.lows, gap[1]) - 1 + this.unknown
				]
			: [0, this.length + this.total - 1];
		if (!fromDocument) return inserted;
		return [Math.min(fromDocument[0], inserted[0]), Math.max(fromDocument[1], inserted[1])];
	}

	/**
	 * The gaps of the document's order (gap g is before its element g) an inserted item may
	 * land in: after its origin, before its right origin (Yjs places it in between). Iterative,
	 * as an update may chain thousands of items.
	 */
	private gapOf(start: Y.Item, members: Set<Y.Item>, contents: UpdateContents): Gap {
		const stack: Y.Item[] = [start];
		const visiting = new Set<Y.Item>();
		while (stack.length > 0) {
			const item = stack[stack.length - 1];
			if (this.gaps.has(item)) {
				stack.pop();
				continue;
			}
			visiting.add(item);
			const pending: Y.Item[] = [];
			const side = (id: Y.ID | null, fallback: number, which: 0 | 1): number | null => {
				if (id === null) return fallback;
				const own = contents.find(id);
				if (own) {
					if (!(own instanceof Y.Item) || !members.has(own)) return null;
					if (!this.gaps.has(own)) {
						if (visiting.has(own)) return null;
						pending.push(own);
						return null;
					}
					const gap = this.gaps.get(own)!;
					return gap ? gap[which] : null;
				}
				return this.documentGap(id, which);
			};
			const low = side(item.origin, 0, 0);
			const high = side(item.rightOrigin, this.length, 1);
			if (pending.length > 0) {
				stack.push(...pending);
				continue;
			}
			this.gaps.set(item, low === null || high === null || high < low ? null : [low, high]);
			stack.pop();
		}
		return this.gaps.get(start)!;
	}

	/**
	 * The gap just after (`which` 0, an origin) or just before (1, a right origin) the document
	 * element `id`, skipping a few deleted items; null when it is not a visible element of this
	 * axis or the axis holds duplicates (its visible elements are then no effective order).
	 */
	private documentGap(id: Y.ID, which: 0 | 1): number | null {
		const array = this.array;
		if (!array || !this.exact || !array.doc) return null;
		const store = array.doc.store;
		if (id.clock >= Y.getState(store, id.client)) return null;
		const struct = Y.getItem(store, id) as Y.Item | Y.GC;
		if (!(struct instanceof Y.Item) || struct.parent !== array) return null;
		let item: Y.Item | null = struct;
		let offset = id.clock - struct.id.clock;
		for (let steps = 0; item && steps < MAX_DELETED_WALK; steps++) {
			if (!item.deleted) {
				if (!(item.content instanceof Y.ContentAny)) return null;
				const position = this.index.get(String(item.content.arr[offset]));
				return position === undefined ? null : position + (which === 0 ? 1 : 0);
			}
			item = which === 0 ? item.left : item.right;
			offset = which === 0 && item ? item.length - 1 : 0;
		}
		if (item) return null;
		return which === 0 ? 0 : this.length;
	}
}

/** How many of the sorted `values` are at most `limit`. */
function countAtMost(values: number[], limit: number): number {
	let low = 0;
	let high = values.length;
	while (low < high) {
		const mid = (low + high) >> 1;
		if (values[mid] <= limit) low = mid + 1;
		else high = mid;
	}
	return low;
}

/**
 * Throws `LimitExceededError` (from `core/limits.ts`) when a formula `contents` carries (a
 * cell's, a defined name's or a chart range's) exceeds a typed-input limit once the update is
 * applied to `doc`. Call after {@link checkUpdateSchema} passed, before applying the update.
 */
export function checkUpdateFormulaLimits(doc: Y.Doc, contents: UpdateContents): void {
	if (contents.formulas.length === 0) return;
	const axes = new Map<string, AxisBounds>();
	const axisBounds = (sheetId: string, axis: 'rows' | 'cols') => {
		const key = `${axis}:${sheetId}`;
		let bounds = axes.get(key);
		if (!bounds) {
			bounds = new AxisBounds(doc, contents, sheetId, axis);
			axes.set(key, bounds);
		}
		return bounds;
	};
	const longAxes = new Map<string, PositionBounds | null>();
	/** A long axis as a whole, [0, most elements it may have − 1]; null when it is short. */
	const wholeLongAxis = (sheetId: string, axis: 'rows' | 'cols'): PositionBounds | null => {
		const key = `${axis}:${sheetId}`;
		if (!longAxes.has(key)) {
			let length = sheetById(doc, sheetId)?.[axis].length ?? 0;
			for (const entry of contents.axisItems) {
				if (entry.sheetId === sheetId && entry.axis === axis) length += entry.item.length;
			}
			longAxes.set(key, length > LONG_AXIS ? [0, length - 1] : null);
		}
		return longAxes.get(key)!;
	};
	const contextOf = (coarse: boolean): StoredFormulaContext => ({
		sheetName: (sheetId) => contents.sheetNames.get(sheetId) ?? sheetById(doc, sheetId)?.name,
		definedName: (nameId) => contents.definedNames.get(nameId) ?? nameById(doc, nameId)?.name,
		rowBounds: (sheetId, rowId) =>
			(coarse && wholeLongAxis(sheetId, 'rows')) || axisBounds(sheetId, 'rows').bounds(rowId),
		colBounds: (sheetId, colId) =>
			(coarse && wholeLongAxis(sheetId, 'cols')) || axisBounds(sheetId, 'cols').bounds(colId)
	});
	const coarse = contextOf(true);
	const exact = contextOf(false);
	for (const { formula, hostSheetId, absolute } of contents.formulas) {
		try {
			checkStoredFormula(formula, hostSheetId, coarse, absolute);
		} catch (error) {
			if (!(error instanceof LimitExceededError)) throw error;
			checkStoredFormula(formula, hostSheetId, exact, absolute);
		}
	}
}
