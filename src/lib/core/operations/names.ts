/**
 * Defined names (workbook-level): define, rename, remove. A name's expression is stored bound to
 * identities like a cell formula, with every reference sheet-qualified; formulas that use a
 * name store its id, so renaming a name updates them and removing it makes them `#NAME?`.
 */
import type * as Y from 'yjs';
import { looksLikeCellAddress } from '../addresses';
import { namesMap } from '../document';
import { listSheetEntries, nameByText, referenceContext } from '../document-view';
import { InvalidNameError, NameConflictError, UnknownNameError } from '../errors';
import { bindFormula, parseFormula } from '../formula-refs';
import { createId } from '../ids';
import { checkFormulaReferences, checkFormulaText } from '../limits';
import { isParsableFormula, referencesOf, requireSheetById, transact, type Origin } from './shared';
import { InvalidFormulaError } from '../errors';

const NAME_PATTERN = /^[A-Za-z_\\][A-Za-z0-9_.]*$/;

/**
 * Checks a defined name as Excel does: starts with a letter, `_` or `\`, then letters, digits,
 * `_` or `.`; at most 255 characters; not a cell address, not R1C1-like, not TRUE/FALSE; not
 * already defined (case-insensitive). Returns the trimmed name.
 */
export function validateDefinedName(doc: Y.Doc, name: string, exceptId?: string): string {
	const trimmed = typeof name === 'string' ? name.trim() : '';
	if (!NAME_PATTERN.test(trimmed) || trimmed.length > 255) {
		throw new InvalidNameError(
			String(name),
			'use letters, digits, "_" and "." and start with a letter'
		);
	}
	if (looksLikeCellAddress(trimmed) || /^(R[0-9]*C?[0-9]*|C[0-9]*)$/i.test(trimmed)) {
		throw new InvalidNameError(trimmed, 'it looks like a cell address');
	}
	if (/^(true|false)$/i.test(trimmed)) throw new InvalidNameError(trimmed, 'it is a logical value');
	const existing = nameByText(doc, trimmed);
	if (existing && existing.id !== exceptId) throw new NameConflictError(trimmed, 'name');
	return trimmed;
}

function bindExpression(doc: Y.Doc, ref: string, defaultSheetId: string | undefined) {
	const text = ref.trim().startsWith('=') ? ref.trim() : `=${ref.trim()}`;
	const sheetId = defaultSheetId ?? listSheetEntries(doc)[0].id;
	requireSheetById(doc, sheetId);
	checkFormulaText(text);
	const parsed = parseFormula(text, sheetId, referenceContext(doc));
	checkFormulaReferences(referencesOf(parsed));
	if (!isParsableFormula(text))
		throw new InvalidFormulaError(text, 'it is not a complete expression');
	return () => {
		const expr = bindFormula(parsed, referenceContext(doc));
		for (const stored of expr.refs) if (!('n' in stored)) stored.s ??= sheetId;
		return expr;
	};
}

/**
 * Defines a name for a reference or expression (`Sheet1!B2`, `=Sheet1!A1:A10`, `0.05`).
 * Unqualified references are taken on `defaultSheetId` (the first sheet if omitted). Returns
 * the name's id.
 */
export function defineName(
	doc: Y.Doc,
	name: string,
	ref: string,
	defaultSheetId?: string,
	origin?: Origin
): string {
	const finalName = validateDefinedName(doc, name);
	const bind = bindExpression(doc, ref, defaultSheetId);
	const id = createId(doc);
	transact(doc, origin, () => namesMap(doc).set(id, { name: finalName, expr: bind() }));
	return id;
}

/** Renames a defined name; formulas that use it show the new name. */
export function renameName(doc: Y.Doc, name: string, newName: string, origin?: Origin): void {
	const entry = nameByText(doc, name);
	if (!entry) throw new UnknownNameError(name);
	const finalName = validateDefinedName(doc, newName, entry.id);
	transact(doc, origin, () => namesMap(doc).set(entry.id, { name: finalName, expr: entry.expr }));
}

/** Points an existing name at a new reference or expression. */
export function redefineName(
	doc: Y.Doc,
	name: string,
	ref: string,
	defaultSheetId?: string,
	origin?: Origin
): void {
	const entry = nameByText(doc, name);
	if (!entry) throw new UnknownNameError(name);
	const bind = bindExpression(doc, ref, defaultSheetId);
	transact(doc, origin, () => namesMap(doc).set(entry.id, { name: entry.name, expr: bind() }));
}

/** Removes a defined name; formulas that used it show `#NAME?`. */
export function removeName(doc: Y.Doc, name: string, origin?: Origin): void {
	const entry = nameByText(doc, name);
	if (!entry) throw new UnknownNameError(name);
	transact(doc, origin, () => namesMap(doc).delete(entry.id));
}
