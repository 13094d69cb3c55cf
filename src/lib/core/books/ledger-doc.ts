/**
 * The property workbook's Ledger and Rules sheets as the books features read and write them.
 * Ledger rows: A date, B payee, C amount (positive, as on Schedule E), D Schedule E line, E unit,
 * F memo; after the summary block, N direction (`in`/`out` as the bank had it), O the bank's
 * reference, P the import fingerprint, Q the suggested line. Rules: A "payee contains", B line,
 * C sign; a rule's id is its row's stable id, so co-owners may edit rules in the grid too.
 */
import type * as Y from 'yjs';
import { cellKey, type CellInput } from '../document';
import { axisOf, ensureGridSize, sheetByName, type SheetEntry } from '../document-view';
import { setCellInputs, setCellStyle, setColumnWidth, setNumberFormat } from '../operations/cells';
import { transact, type Origin } from '../operations/shared';
import { addSheet } from '../operations/sheets';
import { deleteLines, insertLines } from '../operations/structure';
import { NUMBER_FORMATS } from '../number-format';
import { columnLetters } from '../addresses';
import { RULES_HEADERS } from '../templates/property/rules';
import { PayeeHistory, type LedgerRule } from './categorise';
import { BooksError } from './errors';

/** Sheet names the books features look for. */
export const BOOKS_SHEETS = { ledger: 'Ledger', rules: 'Rules' } as const;

/** Zero-based Ledger columns. */
export const LEDGER_COLUMNS = {
	date: 0,
	payee: 1,
	amount: 2,
	line: 3,
	unit: 4,
	memo: 5,
	direction: 13,
	reference: 14,
	importId: 15,
	suggested: 16
} as const;

/** Empty rows an import leaves after its last row, so the next one inserts inside the ranges. */
const LEDGER_ROW_RESERVE = 100;

/** A row to append to the ledger. */
export interface LedgerEntry {
	date: string;
	payee: string;
	/** Positive: the direction says whether money came in or went out. */
	amount: number;
	direction: 'in' | 'out';
	line?: number;
	suggested?: number;
	memo: string;
	reference: string;
	importId: string;
}

/** What the import needs to know about the ledger as it is. */
export interface LedgerState {
	sheet: SheetEntry;
	/** Zero-based index of the first row after the last row with data in A:F. */
	nextRow: number;
	fingerprints: Set<string>;
	history: PayeeHistory;
}

function cellText(value: CellInput | undefined): string {
	if (value === undefined || typeof value === 'object') return '';
	return String(value);
}

/** The Ledger sheet, or 404 `no_ledger` (the workbook was not made from the property template). */
export function requireLedger(doc: Y.Doc): SheetEntry {
	const sheet = sheetByName(doc, BOOKS_SHEETS.ledger);
	if (!sheet) {
		throw new BooksError(
			'no_ledger',
			'This workbook has no Ledger sheet; bank statements import into property workbooks.',
			404
		);
	}
	return sheet;
}

/** Reads the ledger's fingerprints, payee history and first free row. */
export function readLedgerState(doc: Y.Doc): LedgerState {
	const sheet = requireLedger(doc);
	const rowIds = axisOf(doc, sheet, 'rows').ids;
	const colIds = axisOf(doc, sheet, 'cols').ids;
	const col = (index: number) => colIds[index];
	const fingerprints = new Set<string>();
	const history = new PayeeHistory();
	let nextRow = 1;
	for (let r = 1; r < rowIds.length; r++) {
		const get = (index: number) =>
			col(index) === undefined ? undefined : sheet.cells.get(cellKey(rowIds[r], col(index)));
		let used = false;
		for (let c = LEDGER_COLUMNS.date; c <= LEDGER_COLUMNS.memo; c++) {
			if (get(c) !== undefined) used = true;
		}
		if (!used) continue;
		nextRow = r + 1;
		const fingerprint = cellText(get(LEDGER_COLUMNS.importId));
		if (fingerprint) fingerprints.add(fingerprint);
		const line = get(LEDGER_COLUMNS.line);
		if (typeof line === 'number') history.add(cellText(get(LEDGER_COLUMNS.payee)), line);
	}
	return { sheet, nextRow, fingerprints, history };
}

const asText = (value: string) => (value === '' ? '' : `'${value}`);

/**
 * Appends `entries` after the ledger's last row in one transaction (growing the sheet as needed,
 * with date and money formats on the new rows); returns the first and last zero-based rows.
 */
export function appendLedgerRows(
	doc: Y.Doc,
	state: LedgerState,
	entries: LedgerEntry[],
	origin?: Origin
): { first: number; last: number } {
	const first = state.nextRow;
	const last = first + entries.length - 1;
	if (entries.length === 0) return { first, last };
	const { sheet } = state;
	const letter = (index: number) => columnLetters(index);
	const updates: { address: string; text: string }[] = [];
	entries.forEach((entry, i) => {
		const row = first + i + 1;
		const put = (index: number, text: string) => {
			if (text !== '') updates.push({ address: `${letter(index)}${row}`, text });
		};
		put(LEDGER_COLUMNS.date, entry.date);
		put(LEDGER_COLUMNS.payee, asText(entry.payee));
		put(LEDGER_COLUMNS.amount, String(entry.amount));
		put(LEDGER_COLUMNS.line, entry.line === undefined ? '' : String(entry.line));
		put(LEDGER_COLUMNS.memo, asText(entry.memo));
		put(LEDGER_COLUMNS.direction, entry.direction);
		put(LEDGER_COLUMNS.reference, asText(entry.reference));
		put(LEDGER_COLUMNS.importId, asText(entry.importId));
		put(LEDGER_COLUMNS.suggested, entry.suggested === undefined ? '' : String(entry.suggested));
	});
	transact(doc, origin, () => {
		const cols = axisOf(doc, sheet, 'cols').ids.length;
		const rows = axisOf(doc, sheet, 'rows').ids.length;
		// The Ledger's formulas read bounded ranges ending at its last row; rows inserted before
		// that row grow every range, where rows appended after it would be outside them all.
		if (last >= rows - 1) {
			const extra = last - (rows - 1) + 1 + LEDGER_ROW_RESERVE;
			if (first < rows) insertLines(doc, sheet.id, 'rows', first, extra, origin);
			else ensureGridSize(doc, sheet, last + 1 + LEDGER_ROW_RESERVE, cols);
		}
		ensureGridSize(doc, sheet, last + 1, Math.max(cols, LEDGER_COLUMNS.suggested + 1));
		setCellInputs(doc, sheet.id, updates, origin);
		setNumberFormat(doc, sheet.id, `A${first + 1}:A${last + 1}`, NUMBER_FORMATS.date, origin);
		setNumberFormat(doc, sheet.id, `C${first + 1}:C${last + 1}`, NUMBER_FORMATS.currency, origin);
	});
	return { first, last };
}

/** The workbook's categorisation rules, in sheet order (none when it has no Rules sheet). */
export function readRules(doc: Y.Doc): LedgerRule[] {
	const sheet = sheetByName(doc, BOOKS_SHEETS.rules);
	if (!sheet) return [];
	const rowIds = axisOf(doc, sheet, 'rows').ids;
	const colIds = axisOf(doc, sheet, 'cols').ids;
	const rules: LedgerRule[] = [];
	for (let r = 1; r < rowIds.length; r++) {
		const get = (c: number) => cellText(sheet.cells.get(cellKey(rowIds[r], colIds[c] ?? '')));
		const contains = get(0).trim();
		const line = get(1).trim();
		// A row a person left half-filled in the grid is not a rule yet.
		if (contains === '' || !/^\d+$/.test(line)) continue;
		const sign = get(2).trim().toLowerCase();
		rules.push({
			id: rowIds[r],
			contains,
			line,
			...(sign === 'in' || sign === 'out' ? { sign } : {})
		});
	}
	return rules;
}

/** Adds the Rules sheet with its headers (inside the caller's transaction); returns it. */
function ensureRulesSheet(doc: Y.Doc, origin?: Origin): SheetEntry {
	const existing = sheetByName(doc, BOOKS_SHEETS.rules);
	if (existing) return existing;
	const id = addSheet(doc, BOOKS_SHEETS.rules, { rows: 100, cols: 4 }, origin);
	setCellInputs(
		doc,
		id,
		RULES_HEADERS.map((text, i) => ({ address: `${columnLetters(i)}1`, text })),
		origin
	);
	setCellStyle(doc, id, 'A1:C1', { bold: true }, origin);
	setColumnWidth(doc, id, 'A', 220, origin);
	setColumnWidth(doc, id, 'B', 120, origin);
	setColumnWidth(doc, id, 'C', 120, origin);
	return sheetByName(doc, BOOKS_SHEETS.rules)!;
}

/** Appends a rule row (adding the Rules sheet if needed); returns the rule with its id. */
export function addRule(doc: Y.Doc, rule: Omit<LedgerRule, 'id'>, origin?: Origin): LedgerRule {
	return transact(doc, origin, () => {
		const sheet = ensureRulesSheet(doc, origin);
		let rowIds = axisOf(doc, sheet, 'rows').ids;
		const colIds = axisOf(doc, sheet, 'cols').ids;
		let free = rowIds.length;
		for (let r = rowIds.length - 1; r >= 1; r--) {
			const used = [0, 1, 2].some((c) => sheet.cells.has(cellKey(rowIds[r], colIds[c] ?? '')));
			if (used) break;
			free = r;
		}
		ensureGridSize(doc, sheet, free + 1, colIds.length);
		rowIds = axisOf(doc, sheet, 'rows').ids;
		const row = free + 1;
		setCellInputs(
			doc,
			sheet.id,
			[
				{ address: `A${row}`, text: asText(rule.contains) },
				{ address: `B${row}`, text: rule.line },
				{ address: `C${row}`, text: rule.sign ?? '' }
			],
			origin
		);
		return { id: rowIds[free], ...rule };
	});
}

/** Deletes the rule whose row id is `ruleId`; 404 `unknown_rule` when there is none. */
export function deleteRule(doc: Y.Doc, ruleId: string, origin?: Origin): void {
	const sheet = sheetByName(doc, BOOKS_SHEETS.rules);
	const index = sheet ? axisOf(doc, sheet, 'rows').ids.indexOf(ruleId) : -1;
	if (!sheet || index < 1 || !readRules(doc).some((rule) => rule.id === ruleId)) {
		throw new BooksError('unknown_rule', 'This workbook has no such rule.', 404);
	}
	deleteLines(doc, sheet.id, 'rows', index, 1, origin);
}
