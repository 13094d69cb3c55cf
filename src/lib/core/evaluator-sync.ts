/**
 * Translating a change in a sheet's row or column order into HyperFormula structural
 * operations (remove, move, add), so cell values and formulas move inside the engine instead
 * of the sheet being reloaded. Formula text is reconciled afterwards by the evaluator, so these
 * steps only need to put every surviving cell at its new position.
 */
import type { HyperFormula } from 'hyperformula';

/** Structural operations on one axis of one HyperFormula sheet. */
export interface AxisEngineOps {
	remove(start: number, count: number): void;
	move(start: number, count: number, before: number): void;
	add(start: number, count: number): void;
}

/** The row or column operations of `engine` on `sheet`. */
export function engineAxisOps(
	engine: HyperFormula,
	sheet: number,
	axis: 'rows' | 'cols'
): AxisEngineOps {
	return axis === 'rows'
		? {
				remove: (start, count) => engine.removeRows(sheet, [start, count]),
				move: (start, count, before) => engine.moveRows(sheet, start, count, before),
				add: (start, count) => engine.addRows(sheet, [start, count])
			}
		: {
				remove: (start, count) => engine.removeColumns(sheet, [start, count]),
				move: (start, count, before) => engine.moveColumns(sheet, start, count, before),
				add: (start, count) => engine.addColumns(sheet, [start, count])
			};
}

/**
 * Applies the operations that turn order `before` into order `after` (lists of ids): removals
 * from the bottom up, then moves of contiguous runs, then insertions from the top down.
 */
export function syncAxisOrder(before: string[], after: string[], ops: AxisEngineOps): void {
	const inAfter = new Set(after);
	for (let i = before.length - 1; i >= 0;) {
		if (inAfter.has(before[i])) {
			i--;
			continue;
		}
		let start = i;
		while (start > 0 && !inAfter.has(before[start - 1])) start--;
		ops.remove(start, i - start + 1);
		i = start - 1;
	}
	const current = before.filter((id) => inAfter.has(id));
	const kept = new Set(current);
	const target = after.filter((id) => kept.has(id));
	for (let i = 0; i < target.length; i++) {
		if (current[i] === target[i]) continue;
		const from = current.indexOf(target[i], i + 1);
		let run = 1;
		while (from + run < current.length && current[from + run] === target[i + run]) run++;
		ops.move(from, run, i);
		current.splice(i, 0, ...current.splice(from, run));
	}
	for (let i = 0; i < after.length;) {
		if (kept.has(after[i])) {
			i++;
			continue;
		}
		let end = i;
		while (end < after.length && !kept.has(after[end])) end++;
		ops.add(i, end - i);
		i = end;
	}
}
