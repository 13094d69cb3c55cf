/**
 * The server's uses of the workbook core when managing workbooks: seeding a new workbook's
 * document from a template, and listing its sheets. New documents are created here only — clients
 * never seed — so every replica starts from the same stored state.
 */
import * as Y from 'yjs';
import { listSheets, seedBlankWorkbook, type SheetSummary } from '../core/workbook-api';

/** Templates a workbook can be created from. */
export const WORKBOOK_TEMPLATES = ['blank'] as const;
/** One of {@link WORKBOOK_TEMPLATES}. */
export type WorkbookTemplate = (typeof WORKBOOK_TEMPLATES)[number];

/** True when `value` names a known template. */
export function isWorkbookTemplate(value: unknown): value is WorkbookTemplate {
	return typeof value === 'string' && (WORKBOOK_TEMPLATES as readonly string[]).includes(value);
}

/** The full initial document state of a new workbook made from `template`, as one Yjs update. */
export function seedWorkbookState(_template: WorkbookTemplate): Uint8Array {
	const doc = new Y.Doc();
	seedBlankWorkbook(doc, 'seed');
	const state = Y.encodeStateAsUpdate(doc);
	doc.destroy();
	return state;
}

/** The workbook's sheets in display order with their size. */
export function listWorkbookSheets(doc: Y.Doc): SheetSummary[] {
	return listSheets(doc);
}
