/**
 * What a schema-checked update writes that the formula limits (update-formula-limits.ts) need,
 * gathered while update-schema.ts walks its items: the formulas it carries (with the sheet their
 * unqualified references are on), the row and column ids it inserts, and the sheet and defined
 * names it sets (a formula may refer to them in the same update).
 */
import type * as Y from 'yjs';
import type { StoredFormula } from '../../core/formula-refs';
import type { Place } from './update-schema';

/** A formula an update carries, with the sheet its unqualified references are on. */
export interface CarriedFormula {
	formula: StoredFormula;
	/** The sheet of the cell holding it; undefined for defined names and chart ranges. */
	hostSheetId: string | undefined;
	/** Defined names render with `$` on every reference. */
	absolute: boolean;
}

/** What one update writes, as the formula limits read it. */
export interface UpdateContents {
	formulas: CarriedFormula[];
	axisItems: { sheetId: string; axis: 'rows' | 'cols'; item: Y.Item }[];
	sheetNames: Map<string, string>;
	definedNames: Map<string, string>;
	/** The struct of this update holding `id`, if any. */
	find(id: Y.ID): Y.Item | Y.GC | undefined;
}

/** Contents with nothing in them yet; `find` looks a struct up in the update. */
export function emptyUpdateContents(find: UpdateContents['find']): UpdateContents {
	return { formulas: [], axisItems: [], sheetNames: new Map(), definedNames: new Map(), find };
}

/**
 * Records in `contents` what a schema-checked `value` landing at `landing` means for the formula
 * limits: a formula it carries, or a sheet or defined name it sets.
 */
export function collectValue(
	contents: UpdateContents,
	landing: Place & { key: string | null },
	value: unknown
): void {
	const { slot, key, sheetId } = landing;
	const add = (formula: unknown, hostSheetId: string | undefined, absolute = false) => {
		if (formula)
			contents.formulas.push({ formula: formula as StoredFormula, hostSheetId, absolute });
	};
	if (slot === 'cells' && typeof value === 'object' && value !== null) {
		add((value as { f: StoredFormula }).f, sheetId ?? '');
	} else if (slot === 'names' && key !== null) {
		const { name, expr } = value as { name: string; expr: StoredFormula };
		contents.definedNames.set(key, name);
		add(expr, undefined, true);
	} else if (slot === 'sheet' && key === 'name' && sheetId !== undefined) {
		contents.sheetNames.set(sheetId, value as string);
	} else if (slot === 'chart' && key === 'labels') {
		add(value, undefined);
	} else if (slot === 'chart' && key === 'series') {
		for (const series of value as { range: StoredFormula }[]) add(series.range, undefined);
	}
}
