/**
 * Categorising ledger rows by Schedule E line: rules ("payee contains 'State Farm' → 9
 * Insurance", optionally only money in or out) decide; where none matches, the line earlier
 * rows with the same payee were given is a suggestion, and the row stays uncategorised for a
 * person to review.
 */
import { BooksError } from './errors';

/** Schedule E lines a ledger row may carry (3 rents, 4 royalties, 5–19 expenses). */
export const SCHEDULE_E_LINES = [3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19];

/** A categorisation rule as the API shows it; `id` is the rule's row on the Rules sheet. */
export interface LedgerRule {
	id: string;
	contains: string;
	/** The Schedule E line number as text (`"9"`). */
	line: string;
	sign?: 'in' | 'out';
}

/** Longest text a rule may match on. */
export const MAX_RULE_TEXT = 200;

/** Checks a rule from JSON (`{contains, line, sign?}`); 400 naming the field otherwise. */
export function readRuleInput(value: unknown): Omit<LedgerRule, 'id'> {
	const input = (typeof value === 'object' && value !== null ? value : {}) as Record<
		string,
		unknown
	>;
	const contains = typeof input.contains === 'string' ? input.contains.trim() : '';
	if (contains === '' || contains.length > MAX_RULE_TEXT) {
		throw new BooksError(
			'invalid_rule',
			`"contains" must be text of 1 to ${MAX_RULE_TEXT} characters.`
		);
	}
	const line = String(input.line ?? '').trim();
	if (!SCHEDULE_E_LINES.includes(Number(line)) || !/^\d+$/.test(line)) {
		throw new BooksError(
			'invalid_rule',
			'"line" must be a Schedule E line number: 3, 4 or 5 to 19.'
		);
	}
	const sign = input.sign;
	if (sign !== undefined && sign !== null && sign !== 'in' && sign !== 'out') {
		throw new BooksError('invalid_rule', '"sign" must be "in" or "out" when given.');
	}
	return { contains, line, ...(sign ? { sign } : {}) };
}

/** Folds payee text for comparison: lower case, single spaces, no store or card numbers. */
export function normalisePayee(text: string): string {
	return text
		.toLowerCase()
		.replace(/#?\d{3,}/g, ' ')
		.replace(/\s+/g, ' ')
		.trim();
}

/**
 * The rule deciding a transaction's line: among rules whose text the description contains
 * (case-insensitive) and whose sign fits, the longest text wins (the most specific).
 */
export function matchRule(
	rules: LedgerRule[],
	description: string,
	amount: number
): LedgerRule | undefined {
	const text = description.toLowerCase();
	const direction = amount < 0 ? 'out' : 'in';
	let best: LedgerRule | undefined;
	for (const rule of rules) {
		if (rule.sign && rule.sign !== direction) continue;
		if (!text.includes(rule.contains.toLowerCase())) continue;
		if (!best || rule.contains.length > best.contains.length) best = rule;
	}
	return best;
}

/** Remembers, for each normalised payee, the line its latest categorised row has. */
export class PayeeHistory {
	private readonly lines = new Map<string, number>();

	/** Records a categorised row (later rows override earlier ones). */
	add(payee: string, line: number): void {
		const key = normalisePayee(payee);
		if (key !== '') this.lines.set(key, line);
	}

	/** The line suggested for a payee, if an earlier row with that payee was categorised. */
	suggest(payee: string): number | undefined {
		return this.lines.get(normalisePayee(payee));
	}
}
