/**
 * `GET|POST …/ledger/rules`, `DELETE …/ledger/rules/:rid`: the workbook's categorisation rules,
 * kept on its Rules sheet (core/books/ledger-doc.ts), so they travel with the workbook, show in
 * the grid and change live for every co-owner. Viewers read them; editors change them.
 */
import { addRule, deleteRule, readRules } from '../../core/books/ledger-doc';
import { readRuleInput, type LedgerRule } from '../../core/books/categorise';
import { getRoomRegistry } from '../collab/room-registry';
import type { Requester } from '../workbook-access';
import { requireRole } from '../workbooks';
import { booksErrorToAppError, inBooksRoom } from './books-errors';

/** The rules, in sheet order. */
export async function listRules(who: Requester, workbookId: string): Promise<LedgerRule[]> {
	await requireRole(who, workbookId, 'viewer');
	return inBooksRoom(() => getRoomRegistry().read(workbookId, (doc) => readRules(doc)));
}

/** Adds a rule from `{contains, line, sign?}` (400 otherwise); returns it with its id. */
export async function createRule(
	userId: string,
	workbookId: string,
	body: unknown
): Promise<LedgerRule> {
	let input: Omit<LedgerRule, 'id'>;
	try {
		input = readRuleInput(body);
	} catch (error) {
		throw booksErrorToAppError(error);
	}
	await requireRole(userId, workbookId, 'editor');
	return inBooksRoom(() =>
		getRoomRegistry().mutate(workbookId, userId, (doc) => addRule(doc, input))
	);
}

/** Deletes a rule (its row on the Rules sheet); 404 when there is none with that id. */
export async function removeRule(
	userId: string,
	workbookId: string,
	ruleId: string
): Promise<void> {
	await requireRole(userId, workbookId, 'editor');
	await inBooksRoom(() =>
		getRoomRegistry().mutate(workbookId, userId, (doc) => deleteRule(doc, ruleId))
	);
}
