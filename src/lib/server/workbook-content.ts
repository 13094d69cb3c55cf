/**
 * The server's uses of the workbook core when managing workbooks: seeding a new workbook's
 * document from a template, and listing its sheets. New documents are created here only — clients
 * never seed — so every replica starts from the same stored state.
 */
import * as Y from 'yjs';
import { seedTemplate, TEMPLATES } from '../core/templates';
import { listSheets, seedBlankWorkbook, type SheetSummary } from '../core/workbook-api';

/** A template a workbook can be created from: a blank sheet or one of the core's templates. */
export type WorkbookTemplate = string;

/** Every template's id, `blank` first. */
export const WORKBOOK_TEMPLATES: readonly WorkbookTemplate[] = [
	'blank',
	...TEMPLATES.map((template) => template.id)
];

/** What `GET /api/v1/templates` lists. */
export const TEMPLATE_LIST = [
	{ id: 'blank', title: 'Blank workbook', description: 'One empty sheet.' },
	...TEMPLATES
];

/** True when `value` names a known template. */
export function isWorkbookTemplate(value: unknown): value is WorkbookTemplate {
	return typeof value === 'string' && (WORKBOOK_TEMPLATES as readonly string[]).includes(value);
}

/** The full initial document state of a new workbook made from `template`, as one Yjs update. */
export function seedWorkbookState(template: WorkbookTemplate): Uint8Array {
	const doc = new Y.Doc();
	if (template === 'blank') seedBlankWorkbook(doc, 'seed');
	else seedTemplate(doc, template, 'seed');
	const state = Y.encodeStateAsUpdate(doc);
	doc.destroy();
	return state;
}

/** The workbook's sheets in display order with their size. */
export function listWorkbookSheets(doc: Y.Doc): SheetSummary[] {
	return listSheets(doc);
}
