/**
 * `POST /api/v1/workbooks/:id/ledger/import`: a bank statement into a property workbook's
 * ledger (editors). The file is read on an evaluation worker (statement-task.ts); deduplication
 * and categorisation then run against the ledger as it is, and the new rows are written through
 * the room as ONE Yjs update, committed before the answer and seen live by every co-owner. A dry
 * run plans the same import on the durable document and writes nothing. A successful import
 * remembers its mapping for the file's layout.
 */
import { eq } from 'drizzle-orm';
import { readLedgerState, appendLedgerRows, readRules } from '../../core/books/ledger-doc';
import {
	planImport,
	type PreviewRow,
	type RememberedMapping
} from '../../core/books/statement-import';
import { readMapping, type StatementMapping } from '../../core/books/statement-mapping';
import { getRoomRegistry } from '../collab/room-registry';
import { getDb } from '../db';
import { ledgerMapping } from '../db/schema';
import { AppError } from '../errors';
import { runStatelessTask } from '../evaluation/run-stateless';
import { requireRole } from '../workbooks';
import { inBooksRoom } from './books-errors';

/** Largest statement accepted. */
export const MAX_STATEMENT_BYTES = 20 * 1024 * 1024;

/** What an import answers. */
export interface ImportResult {
	added: number;
	duplicates: number;
	uncategorised: number;
	skipped: number;
	dryRun: boolean;
	mapping: StatementMapping;
	/** Zero-based first and last ledger rows written (absent on a dry run or when none). */
	rows?: { first: number; last: number };
	preview: PreviewRow[];
}

/** The mapping from its JSON text (query parameter or form field); null when absent. */
export function readMappingText(text: string | null | undefined): StatementMapping | null {
	if (text === null || text === undefined || text.trim() === '') return null;
	let value: unknown;
	try {
		value = JSON.parse(text);
	} catch {
		throw new AppError(400, 'invalid_mapping', 'The mapping is not valid JSON.', 'mapping');
	}
	try {
		return readMapping(value);
	} catch (error) {
		throw new AppError(400, 'invalid_mapping', (error as Error).message, 'mapping');
	}
}

/** The workbook's remembered mappings, most recently used first. */
async function rememberedMappings(workbookId: string): Promise<RememberedMapping[]> {
	const db = await getDb();
	const rows = await db
		.select()
		.from(ledgerMapping)
		.where(eq(ledgerMapping.workbookId, workbookId));
	rows.sort((a, b) => b.updatedAt.getTime() - a.updatedAt.getTime());
	return rows.map((row) => ({
		signature: row.signature,
		mapping: JSON.parse(row.mapping) as StatementMapping
	}));
}

async function remember(workbookId: string, signature: string, mapping: StatementMapping) {
	const db = await getDb();
	const value = JSON.stringify(mapping);
	await db
		.insert(ledgerMapping)
		.values({ workbookId, signature, mapping: value })
		.onConflictDoUpdate({
			target: [ledgerMapping.workbookId, ledgerMapping.signature],
			set: { mapping: value, updatedAt: new Date() }
		});
}

/**
 * Imports statement `bytes` into the ledger of `workbookId` as `userId` (see the module
 * comment). `mapping` null uses the remembered mapping of the file's layout, else 400.
 */
export async function importStatement(
	userId: string,
	workbookId: string,
	bytes: Uint8Array,
	mapping: StatementMapping | null,
	dryRun: boolean
): Promise<ImportResult> {
	await requireRole(userId, workbookId, 'editor');
	const remembered = mapping ? [] : await rememberedMappings(workbookId);
	const parsed = await runStatelessTask({ kind: 'statement', bytes, mapping, remembered });
	const registry = getRoomRegistry();
	const result = await inBooksRoom(() => {
		if (dryRun) {
			return registry.read(workbookId, (doc) => {
				const plan = planImport(readLedgerState(doc), readRules(doc), parsed);
				return { plan, rows: undefined };
			});
		}
		return registry.mutate(workbookId, userId, (doc) => {
			const state = readLedgerState(doc);
			const plan = planImport(state, readRules(doc), parsed);
			const rows = plan.entries.length > 0 ? appendLedgerRows(doc, state, plan.entries) : undefined;
			return { plan, rows };
		});
	});
	if (!dryRun) await remember(workbookId, parsed.signature, parsed.mapping);
	const { plan, rows } = result;
	return {
		added: plan.entries.length,
		duplicates: plan.duplicates,
		uncategorised: plan.uncategorised,
		skipped: parsed.skipped,
		dryRun,
		mapping: parsed.mapping,
		...(rows ? { rows } : {}),
		preview: plan.preview
	};
}
