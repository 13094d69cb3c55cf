/**
 * Finding the table in a bank statement's text: the delimiter (`,` `;` tab `|`), the header row
 * after any preamble (account number, period, balances), and the header signature that names
 * the file's layout so a remembered column mapping can be found again.
 */
import Papa from 'papaparse';
import { BooksError } from './errors';

/** Most data rows one statement may hold. */
export const MAX_STATEMENT_ROWS = 50_000;

/** A statement's table: header names and the data rows under them (fields as text). */
export interface StatementTable {
	delimiter: string;
	/** Zero-based line of the header row in the file (rows before it are preamble). */
	headerRow: number;
	headers: string[];
	rows: string[][];
	/** The layout's identity: its header names, trimmed, lower-cased, joined by `|`. */
	signature: string;
}

const DELIMITERS = [',', ';', '\t', '|'];

function parseWith(text: string, delimiter: string): string[][] {
	const parsed = Papa.parse<string[]>(text, { delimiter, skipEmptyLines: 'greedy' });
	const unclosed = parsed.errors.find((error) => error.code === 'MissingQuotes');
	if (unclosed) {
		throw new BooksError(
			'malformed_file',
			`This CSV file has an unclosed quote on row ${(unclosed.row ?? 0) + 1}.`
		);
	}
	return parsed.data;
}

/** How many rows share the most common width above 1, and that width. */
function modalWidth(rows: string[][]): { width: number; count: number } {
	const counts = new Map<number, number>();
	for (const row of rows)
		if (row.length > 1) counts.set(row.length, (counts.get(row.length) ?? 0) + 1);
	let best = { width: 0, count: 0 };
	for (const [width, count] of counts) {
		if (count > best.count || (count === best.count && width > best.width)) best = { width, count };
	}
	return best;
}

function looksLikeData(field: string): boolean {
	return /^[-+($€£]?\s*[\d.,/ -]+\)?$/.test(field.trim()) && /\d/.test(field);
}

/** The layout signature of header names (order kept: the same names reordered is another layout). */
export function headerSignature(headers: string[]): string {
	return headers.map((header) => header.trim().toLowerCase().replace(/\s+/g, ' ')).join('|');
}

/**
 * Reads the table of a statement's text. `expected` (header names a mapping gives) picks the
 * header row when present: the first row containing all of them; otherwise the first row as
 * wide as the table whose fields are mostly not numbers or dates. 422 when there is no table.
 */
export function readStatementTable(text: string, expected: string[] = []): StatementTable {
	let chosen: { delimiter: string; rows: string[][]; count: number } | null = null;
	for (const delimiter of DELIMITERS) {
		if (!text.includes(delimiter)) continue;
		const rows = parseWith(text, delimiter);
		const { count } = modalWidth(rows);
		if (!chosen || count > chosen.count) chosen = { delimiter, rows, count };
	}
	if (!chosen || chosen.count < 1) {
		throw new BooksError(
			'no_table',
			'No table of transactions was found in this file: it needs a header row and columns separated by commas, semicolons or tabs.',
			422
		);
	}
	const { rows, delimiter } = chosen;
	const { width } = modalWidth(rows);
	const wanted = expected.map((name) => name.trim().toLowerCase());
	const headerRow = rows.findIndex((row) => {
		const names = row.map((field) => field.trim().toLowerCase());
		if (wanted.length > 0) return wanted.every((name) => names.includes(name));
		const filled = row.filter((field) => field.trim() !== '');
		return row.length >= width && filled.length >= 2 && filled.filter(looksLikeData).length === 0;
	});
	if (headerRow < 0) {
		throw new BooksError(
			wanted.length > 0 ? 'mapping_mismatch' : 'no_header',
			wanted.length > 0
				? `No row of this file has the columns the mapping names (${expected.join(', ')}).`
				: 'This file has no header row naming its columns.',
			422
		);
	}
	const headers = rows[headerRow].map((field) => field.trim());
	const data = rows.slice(headerRow + 1).filter((row) => row.some((field) => field.trim() !== ''));
	if (data.length > MAX_STATEMENT_ROWS) {
		throw new BooksError(
			'too_many_rows',
			`A statement may hold at most ${MAX_STATEMENT_ROWS} transactions; split the file.`,
			413
		);
	}
	return { delimiter, headerRow, headers, rows: data, signature: headerSignature(headers) };
}
