/**
 * What the address box jumps to: a cell or range (`B3`, `A1:C9`, `Inputs!B2`) or a defined name
 * (`PurchasePrice`), resolved to a sheet and a selection. Null when the text names nothing.
 */
import type * as Y from 'yjs';
import { parseRange, splitSheetQualifier } from '$lib/core/addresses';
import { nameByText, referenceContext, sheetByName } from '$lib/core/document-view';
import type { Selection } from './selection';

/** Where to go. */
export interface JumpTarget {
	sheetId: string;
	selection: Selection;
}

/** Resolves address-box text typed while `sheetId` is shown. */
export function resolveJump(doc: Y.Doc, text: string, sheetId: string): JumpTarget | null {
	const trimmed = text.trim();
	if (!trimmed) return null;
	const { sheet, local } = splitSheetQualifier(trimmed);
	try {
		const bounds = parseRange(local);
		if (bounds.kind === 'cells') {
			const target = sheet === undefined ? sheetId : sheetByName(doc, sheet)?.id;
			if (!target) return null;
			return {
				sheetId: target,
				selection: {
					anchor: { row: bounds.top, col: bounds.left },
					focus: { row: bounds.bottom, col: bounds.right }
				}
			};
		}
	} catch {
		// not an address: try a defined name
	}
	const name = sheet === undefined ? nameByText(doc, trimmed) : undefined;
	const ref = name?.expr.refs[0];
	if (!ref || 'n' in ref || !ref.a.r || !ref.a.c) return null;
	const target = ref.s ?? sheetId;
	const context = referenceContext(doc);
	const row = context.rowIndex(target, ref.a.r);
	const col = context.colIndex(target, ref.a.c);
	if (row < 0 || col < 0) return null;
	const endRow = ref.b?.r ? context.rowIndex(target, ref.b.r) : row;
	const endCol = ref.b?.c ? context.colIndex(target, ref.b.c) : col;
	return {
		sheetId: target,
		selection: {
			anchor: { row, col },
			focus: { row: endRow < 0 ? row : endRow, col: endCol < 0 ? col : endCol }
		}
	};
}
