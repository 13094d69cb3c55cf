/**
 * Stable fingerprints of statement transactions, so that re-importing a file or an overlapping
 * statement adds no row twice. A fingerprint hashes the date, the amount in cents, the
 * description (case and spacing folded) and the reference, plus the transaction's occurrence
 * among identical ones in its file: two same-day identical charges are two rows, and the second
 * file showing them both still matches both.
 */
import { sha256 } from '@oslojs/crypto/sha2';
import type { StatementTransaction } from './statement-mapping';

const encoder = new TextEncoder();

function identity(tx: StatementTransaction): string {
	const description = tx.description.toLowerCase().replace(/\s+/g, ' ').trim();
	return [tx.date, Math.round(tx.amount * 100), description, tx.reference.trim()].join('\u001f');
}

/** The fingerprint of each transaction, in order (16 hex digits of SHA-256). */
export function fingerprintTransactions(transactions: StatementTransaction[]): string[] {
	const seen = new Map<string, number>();
	return transactions.map((tx) => {
		const key = identity(tx);
		const occurrence = (seen.get(key) ?? 0) + 1;
		seen.set(key, occurrence);
		const digest = sha256(encoder.encode(`${key}\u001f${occurrence}`));
		let hex = '';
		for (let i = 0; i < 8; i++) hex += digest[i].toString(16).padStart(2, '0');
		return hex;
	});
}
