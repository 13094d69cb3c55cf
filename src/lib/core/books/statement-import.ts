/**
 * A bank statement's import into the ledger, in two halves: {@link parseStatement} reads the
 * file into fingerprinted transactions (CPU-heavy for a large file, so the server runs it on an
 * evaluation worker), and {@link planImport} decides, against the ledger as it is, which rows are
 * new, their Schedule E lines and suggestions (cheap, run where the document is).
 */
import { matchRule, type LedgerRule } from './categorise';
import { BooksError } from './errors';
import { fingerprintTransactions } from './fingerprint';
import type { LedgerEntry, LedgerState } from './ledger-doc';
import {
	mappedColumns,
	readTransactions,
	type StatementMapping,
	type StatementTransaction
} from './statement-mapping';
import { readStatementTable, type StatementTable } from './statement-table';

/** A mapping remembered for a file layout. */
export interface RememberedMapping {
	signature: string;
	mapping: StatementMapping;
}

/** A statement read with a mapping: its transactions with their fingerprints. */
export interface ParsedStatement {
	signature: string;
	headers: string[];
	mapping: StatementMapping;
	transactions: StatementTransaction[];
	fingerprints: string[];
	skipped: number;
}

/** How many rows the import answers in its preview. */
export const PREVIEW_ROWS = 20;

function tryTable(text: string, mapping: StatementMapping): StatementTable | null {
	try {
		return readStatementTable(text, mappedColumns(mapping));
	} catch (error) {
		if (error instanceof BooksError && error.code === 'mapping_mismatch') return null;
		throw error;
	}
}

/**
 * Reads statement `text` with `mapping`, or else with the remembered mapping of its layout;
 * 400 `mapping_required` (listing the file's columns) when there is neither.
 */
export function parseStatement(
	text: string,
	mapping: StatementMapping | null,
	remembered: RememberedMapping[]
): ParsedStatement {
	let table: StatementTable | null = null;
	let used = mapping;
	if (mapping) table = readStatementTable(text, mappedColumns(mapping));
	else {
		for (const candidate of remembered) {
			const found = tryTable(text, candidate.mapping);
			if (found && found.signature === candidate.signature) {
				table = found;
				used = candidate.mapping;
				break;
			}
		}
	}
	if (!table || !used) {
		const { headers } = readStatementTable(text);
		throw new BooksError(
			'mapping_required',
			`Map this file's columns once (its columns: ${headers.join(', ')}): send mapping ` +
				'{date, description, amount or debit/credit, reference?, memo?, dateFormat?, decimal?}.',
			400
		);
	}
	const { transactions, skipped } = readTransactions(table, used);
	return {
		signature: table.signature,
		headers: table.headers,
		mapping: used,
		transactions,
		fingerprints: fingerprintTransactions(transactions),
		skipped
	};
}

/** A row of the import's preview. */
export interface PreviewRow {
	date: string;
	description: string;
	amount: number;
	reference: string;
	line: string | null;
	suggested: string | null;
	duplicate: boolean;
}

/** What an import adds, and what it tells the person importing. */
export interface ImportPlan {
	entries: LedgerEntry[];
	duplicates: number;
	uncategorised: number;
	preview: PreviewRow[];
}

/**
 * Decides the rows `parsed` adds to the ledger `state`: those whose fingerprint is new (in the
 * ledger or earlier in the file), each categorised by `rules` or else given the line earlier rows
 * of its payee had as a suggestion and left uncategorised.
 */
export function planImport(
	state: LedgerState,
	rules: LedgerRule[],
	parsed: ParsedStatement
): ImportPlan {
	const entries: LedgerEntry[] = [];
	const preview: PreviewRow[] = [];
	let duplicates = 0;
	let uncategorised = 0;
	const seen = new Set(state.fingerprints);
	parsed.transactions.forEach((tx, i) => {
		const importId = parsed.fingerprints[i];
		const duplicate = seen.has(importId);
		seen.add(importId);
		const rule = matchRule(rules, tx.description, tx.amount);
		const line = rule ? Number(rule.line) : undefined;
		const suggested = line === undefined ? state.history.suggest(tx.description) : undefined;
		if (preview.length < PREVIEW_ROWS) {
			preview.push({
				date: tx.date,
				description: tx.description,
				amount: tx.amount,
				reference: tx.reference,
				line: line === undefined ? null : String(line),
				suggested: suggested === undefined ? null : String(suggested),
				duplicate
			});
		}
		if (duplicate) {
			duplicates++;
			return;
		}
		if (line === undefined) uncategorised++;
		entries.push({
			date: tx.date,
			payee: tx.description,
			amount: Math.abs(tx.amount),
			direction: tx.amount < 0 ? 'out' : 'in',
			line,
			suggested,
			memo: tx.memo,
			reference: tx.reference,
			importId
		});
	});
	return { entries, duplicates, uncategorised, preview };
}
