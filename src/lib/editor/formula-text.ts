/**
 * Working with formula text while it is typed or moved: shifting relative references (paste),
 * finding references to highlight (tolerating half-typed formulas), and where a clicked or
 * arrowed reference may be inserted. Built on the core tokenizer so it reads formulas exactly
 * as the document does.
 */
import { columnLetters } from '$lib/core/addresses';
import {
	tokenizeFormula,
	type A1Ref,
	type A1RefEnd,
	type FormulaToken
} from '$lib/core/formula-tokens';

/** A reference found in formula text: its character span in the full text (with `=`). */
export interface TextReference {
	start: number;
	end: number;
	ref: A1Ref;
}

/** Colours of highlighted references, in order of appearance (as Google Sheets cycles them). */
export const REFERENCE_COLORS = ['#1a73e8', '#d93025', '#9334e6', '#188038', '#e37400', '#007b83'];

/** Tokens of a possibly unfinished formula body (closing open strings and parentheses). */
function tolerantTokens(body: string): FormulaToken[] | null {
	for (const suffix of ['', ')', '))', ')))', '"', '")', '"))']) {
		try {
			return tokenizeFormula(body + suffix);
		} catch {
			// try the next completion
		}
	}
	return null;
}

function formatEnd(end: A1RefEnd, dRow: number, dCol: number): string | null {
	let text = '';
	if (end.col !== undefined) {
		const col = end.absCol ? end.col : end.col + dCol;
		if (col < 0) return null;
		text += (end.absCol ? '$' : '') + columnLetters(col);
	}
	if (end.row !== undefined) {
		const row = end.absRow ? end.row : end.row + dRow;
		if (row < 0) return null;
		text += (end.absRow ? '$' : '') + String(row + 1);
	}
	return text;
}

/**
 * Formula text with every relative reference moved by (dRow, dCol), as pasting a copied
 * formula does; `$` parts stay. A reference pushed off the sheet becomes `#REF!`. Text that is
 * not a formula, or that cannot be read, is returned unchanged.
 */
export function shiftFormula(text: string, dRow: number, dCol: number): string {
	if (!text.startsWith('=') || (dRow === 0 && dCol === 0)) return text;
	let tokens: FormulaToken[];
	try {
		tokens = tokenizeFormula(text.slice(1));
	} catch {
		return text;
	}
	let out = '=';
	for (const token of tokens) {
		if (token.type !== 'ref') {
			out += token.text;
			continue;
		}
		const bang = token.text.lastIndexOf('!');
		const prefix = bang >= 0 ? token.text.slice(0, bang + 1) : '';
		const start = formatEnd(token.ref.start, dRow, dCol);
		const end = token.ref.end ? formatEnd(token.ref.end, dRow, dCol) : '';
		out += start === null || end === null ? '#REF!' : prefix + start + (end ? `:${end}` : '');
	}
	return out;
}

/** References in formula text (highlighting); tolerant of a formula still being typed. */
export function formulaReferences(text: string): TextReference[] {
	if (!text.startsWith('=')) return [];
	const tokens = tolerantTokens(text.slice(1));
	if (!tokens) return [];
	const found: TextReference[] = [];
	let position = 1;
	for (const token of tokens) {
		if (position >= text.length) break;
		if (token.type === 'ref') {
			found.push({ start: position, end: position + token.text.length, ref: token.ref });
		}
		position += token.text.length;
	}
	return found;
}

const INSERT_AFTER = new Set(['=', '(', ',', ';', '+', '-', '*', '/', '^', '&', '<', '>', ':']);

/**
 * True when the caret sits where a reference may be inserted by clicking or arrowing: in a
 * formula, right after an operator, an opening parenthesis or a comma (spaces ignored).
 */
export function canInsertReference(text: string, caret: number): boolean {
	if (!text.startsWith('=')) return false;
	let i = caret - 1;
	while (i >= 0 && text[i] === ' ') i--;
	return i >= 0 && INSERT_AFTER.has(text[i]);
}

/** What the caret is in: a function name being typed, and the call whose argument it is in. */
export interface FunctionContext {
	/** The identifier being typed just before the caret, with its start, or null. */
	prefix: { text: string; start: number } | null;
	/** The innermost enclosing call and which argument (0-based) the caret is in, or null. */
	call: { name: string; argument: number } | null;
}

/** Reads {@link FunctionContext} from formula text at `caret`. */
export function functionContext(text: string, caret: number): FunctionContext {
	if (!text.startsWith('=')) return { prefix: null, call: null };
	const before = text.slice(0, caret);
	const quotes = (before.match(/"/g) ?? []).length;
	if (quotes % 2 === 1) return { prefix: null, call: null };
	const match = /[A-Za-z_][A-Za-z0-9_.]*$/.exec(before);
	const prefix =
		match && !/[A-Za-z0-9_.$!:]/.test(before[match.index - 1] ?? '')
			? { text: match[0], start: match.index }
			: null;
	let depth = 0;
	let argument = 0;
	let inString = false;
	for (let i = caret - 1; i > 0; i--) {
		const char = text[i];
		if (char === '"') inString = !inString;
		if (inString) continue;
		if (char === ')') depth++;
		else if (char === '(') {
			if (depth === 0) {
				const name = /[A-Za-z_][A-Za-z0-9_.]*$/.exec(text.slice(0, i));
				return { prefix, call: name ? { name: name[0].toUpperCase(), argument } : null };
			}
			depth--;
		} else if ((char === ',' || char === ';') && depth === 0) argument++;
	}
	return { prefix, call: null };
}

/**
 * A formula with the parentheses it left open closed at the end, as Sheets completes `=SUM(A1`
 * on Enter. Parentheses inside "strings" and 'sheet names' do not count; text that is not a
 * formula, or that closes more than it opens, is returned unchanged.
 */
export function closeOpenParentheses(text: string): string {
	if (!text.startsWith('=')) return text;
	let open = 0;
	let quote: string | null = null;
	for (const char of text) {
		if (quote) {
			if (char === quote) quote = null;
		} else if (char === '"' || char === "'") quote = char;
		else if (char === '(') open++;
		else if (char === ')') open--;
	}
	if (open <= 0) return text;
	// An unfinished "string" is closed first: `=IF(A1="x` becomes `=IF(A1="x")`.
	return text + (quote === '"' ? '"' : '') + ')'.repeat(open);
}
