/**
 * The evaluation-worker half of a bank statement import: decoding the upload (byte-order marks,
 * UTF-8 or Windows-1252) and reading it into fingerprinted transactions with core/books. Runs on
 * a worker thread (evaluation/evaluation-tasks.ts) so a 10,000-row file never stalls the event
 * loop; its refusals are BooksErrors, answered as refusals with their status.
 */
import { BooksError } from '../../core/books/errors';
import {
	parseStatement,
	type ParsedStatement,
	type RememberedMapping
} from '../../core/books/statement-import';
import type { StatementMapping } from '../../core/books/statement-mapping';
import { decodeCsv } from '../files/csv-import';

/** A statement to read: its bytes, the caller's mapping if any, the workbook's remembered ones. */
export interface StatementTask {
	kind: 'statement';
	bytes: Uint8Array;
	mapping: StatementMapping | null;
	remembered: RememberedMapping[];
}

/** Reads `task`'s file (see the module comment). */
export function readStatementTask(task: StatementTask): ParsedStatement {
	if (task.bytes.includes(0) && !(task.bytes[0] === 0xff || task.bytes[0] === 0xfe)) {
		throw new BooksError('malformed_file', 'This file is not a text CSV file.');
	}
	return parseStatement(decodeCsv(task.bytes), task.mapping, task.remembered);
}
