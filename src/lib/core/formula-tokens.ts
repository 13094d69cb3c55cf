/**
 * A tokenizer for Excel-style A1 formulas. It finds references (cells, ranges, whole columns,
 * whole rows, each optionally sheet-qualified) and tells them apart from text literals, error
 * literals, numbers, function names and defined names, so `formula-refs.ts` can bind references
 * to identities and leave everything else verbatim.
 */
import { MAX_ROWS, columnIndexFromLetters } from './addresses';
import { InvalidFormulaError } from './errors';
import { mayNeedSumRangeResizing, resizeSumRanges } from './functions/criteria-range-shape';

/** One end of an A1 reference: zero-based indices and whether each part was `$`-anchored. */
export interface A1RefEnd {
	row?: number;
	col?: number;
	absRow: boolean;
	absCol: boolean;
}

/** A reference as written: a cell (no `end`), a cell range, or whole columns / whole rows. */
export interface A1Ref {
	sheet?: string;
	start: A1RefEnd;
	end?: A1RefEnd;
}

/** A token of formula text; `ref` tokens carry their parsed reference. */
export type FormulaToken =
	| { type: 'ref'; text: string; ref: A1Ref }
	| { type: 'name'; text: string }
	| { type: 'function' | 'string' | 'number' | 'error' | 'operator' | 'space'; text: string };

const ERROR_LITERAL = /^#(NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|N\/A|SPILL!|CALC!|CYCLE!|ERROR!)/i;
const BARE_SHEET = /^([A-Za-z_\u00C0-\uFFFF][A-Za-z0-9_.\u00C0-\uFFFF]*)!/;
const CELL = /^(\$?)([A-Za-z]{1,3})(\$?)([0-9]{1,7})(?![A-Za-z0-9_.(!])/;
const COLUMNS = /^(\$?)([A-Za-z]{1,3}):(\$?)([A-Za-z]{1,3})(?![A-Za-z0-9_.(!])/;
const ROWS = /^(\$?)([0-9]{1,7}):(\$?)([0-9]{1,7})(?![A-Za-z0-9_.(!])/;
const NUMBER = /^(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?/;
const IDENTIFIER = /^[A-Za-z_\\\u00C0-\uFFFF][A-Za-z0-9_.\u00C0-\uFFFF]*/;
const OPERATORS = ['<=', '>=', '<>', '+', '-', '*', '/', '^', '&', '=', '<', '>', '%', ',', ';'];
const PUNCTUATION = ['(', ')', '{', '}', ':', '@'];

/**
 * Splits formula text (without its leading `=`) into tokens. Throws {@link InvalidFormulaError}
 * for unterminated text or sheet names, unknown characters and unbalanced parentheses.
 */
export function tokenizeFormula(body: string): FormulaToken[] {
	const tokens: FormulaToken[] = [];
	let depth = 0;
	let i = 0;
	const fail = (reason: string): never => {
		throw new InvalidFormulaError(`=${body}`, reason);
	};
	while (i < body.length) {
		const rest = body.slice(i);
		const char = body[i];
		if (/\s/.test(char)) {
			const text = /^\s+/.exec(rest)![0];
			tokens.push({ type: 'space', text });
			i += text.length;
			continue;
		}
		if (char === '"') {
			let j = i + 1;
			for (;;) {
				if (j >= body.length) fail('a text value is missing its closing quote');
				if (body[j] === '"') {
					if (body[j + 1] === '"') j += 2;
					else break;
				} else j++;
			}
			tokens.push({ type: 'string', text: body.slice(i, j + 1) });
			i = j + 1;
			continue;
		}
		if (char === '#') {
			const match = ERROR_LITERAL.exec(rest) ?? fail(`unknown error value at "${rest}"`);
			tokens.push({ type: 'error', text: match[0] });
			i += match[0].length;
			continue;
		}
		const qualified = readSheetPrefix(rest, fail);
		if (qualified) {
			const ref = readReference(rest.slice(qualified.length));
			if (!ref) fail(`"${rest}" names a sheet but no cell or range`);
			ref!.ref.sheet = qualified.sheet;
			const text = rest.slice(0, qualified.length + ref!.length);
			tokens.push({ type: 'ref', text, ref: ref!.ref });
			i += text.length;
			continue;
		}
		const ref = readReference(rest);
		if (ref) {
			tokens.push({ type: 'ref', text: rest.slice(0, ref.length), ref: ref.ref });
			i += ref.length;
			continue;
		}
		const number = NUMBER.exec(rest);
		if (number) {
			tokens.push({ type: 'number', text: number[0] });
			i += number[0].length;
			continue;
		}
		const identifier = IDENTIFIER.exec(rest);
		if (identifier) {
			const after = body.slice(i + identifier[0].length);
			tokens.push({ type: /^\s*\(/.test(after) ? 'function' : 'name', text: identifier[0] });
			i += identifier[0].length;
			continue;
		}
		const operator = OPERATORS.find((op) => rest.startsWith(op));
		if (operator || PUNCTUATION.includes(char)) {
			if (char === '(') depth++;
			if (char === ')' && --depth < 0) fail('a closing parenthesis has no opening one');
			const text = operator ?? char;
			tokens.push({ type: 'operator', text });
			i += text.length;
			continue;
		}
		fail(`unexpected "${char}"`);
	}
	if (depth > 0) fail('a parenthesis is not closed');
	return tokens;
}

function readSheetPrefix(
	rest: string,
	fail: (reason: string) => never
): { sheet: string; length: number } | null {
	if (rest[0] === "'") {
		let j = 1;
		for (;;) {
			if (j >= rest.length) fail('a quoted sheet name is missing its closing quote');
			if (rest[j] === "'") {
				if (rest[j + 1] === "'") j += 2;
				else break;
			} else j++;
		}
		if (rest[j + 1] !== '!') fail('a quoted sheet name must be followed by "!"');
		return { sheet: rest.slice(1, j).replace(/''/g, "'"), length: j + 2 };
	}
	const bare = BARE_SHEET.exec(rest);
	return bare ? { sheet: bare[1], length: bare[0].length } : null;
}

function readReference(text: string): { ref: A1Ref; length: number } | null {
	const columns = COLUMNS.exec(text);
	if (columns) {
		const left = columnIndexFromLetters(columns[2]);
		const right = columnIndexFromLetters(columns[4]);
		if (left < 0 || right < 0) return null;
		return {
			ref: {
				start: { col: left, absCol: columns[1] === '$', absRow: false },
				end: { col: right, absCol: columns[3] === '$', absRow: false }
			},
			length: columns[0].length
		};
	}
	const rows = ROWS.exec(text);
	if (rows) {
		const top = Number(rows[2]) - 1;
		const bottom = Number(rows[4]) - 1;
		if (top < 0 || bottom < 0 || top >= MAX_ROWS || bottom >= MAX_ROWS) return null;
		return {
			ref: {
				start: { row: top, absRow: rows[1] === '$', absCol: false },
				end: { row: bottom, absRow: rows[3] === '$', absCol: false }
			},
			length: rows[0].length
		};
	}
	const start = readCell(text);
	if (!start) return null;
	if (text[start.length] === ':') {
		const end = readCell(text.slice(start.length + 1));
		if (end) {
			return { ref: { start: start.end, end: end.end }, length: start.length + 1 + end.length };
		}
	}
	return { ref: { start: start.end }, length: start.length };
}

function readCell(text: string): { end: A1RefEnd; length: number } | null {
	const match = CELL.exec(text);
	if (!match) return null;
	const col = columnIndexFromLetters(match[2]);
	const row = Number(match[4]) - 1;
	if (col < 0 || row < 0 || row >= MAX_ROWS) return null;
	return {
		end: { row, col, absCol: match[1] === '$', absRow: match[3] === '$' },
		length: match[0].length
	};
}

/**
 * Formula text as HyperFormula should read it: SUMIF's and AVERAGEIF's sum ranges resized to
 * their criteria ranges' shape, as Excel reads them (see `functions/criteria-range-shape.ts`),
 * and doubled quotes spelled so HyperFormula can parse them ({@link withEngineQuotes}). People
 * and exports keep seeing the text as typed.
 */
export function toEngineFormulaText(text: string): string {
	return withEngineQuotes(withResizedSumRanges(text));
}

function withResizedSumRanges(text: string): string {
	if (!text.startsWith('=') || !mayNeedSumRangeResizing(text)) return text;
	let tokens: FormulaToken[];
	try {
		tokens = tokenizeFormula(text.slice(1));
	} catch {
		return text; // HyperFormula reports the formula's error itself.
	}
	const resized = resizeSumRanges(tokens);
	return resized ? '=' + resized.map((token) => token.text).join('') : text;
}

/**
 * Formula text as HyperFormula can parse it. Excel writes a quote inside a text literal as two
 * quotes (`="Unit ""B"""`), which HyperFormula's lexer cannot read; each such literal becomes a
 * parenthesised concatenation with `CHAR(34)` (`=("Unit "&CHAR(34)&"B"&CHAR(34)&"")`), which
 * evaluates to the same text wherever a value may stand. Everything else, quoted sheet names
 * included, is returned unchanged, and text without doubled quotes is returned as is (the
 * common case costs one `includes`). People and exports keep seeing Excel's own spelling.
 */
function withEngineQuotes(text: string): string {
	if (!text.includes('""')) return text;
	let result = '';
	let i = 0;
	while (i < text.length) {
		const char = text[i];
		if (char === "'") {
			const end = closingQuote(text, i, "'");
			result += text.slice(i, end + 1);
			i = end + 1;
		} else if (char === '"') {
			const end = closingQuote(text, i, '"');
			const content = text.slice(i + 1, end);
			result += content.includes('""')
				? `("${content.replaceAll('""', '"&CHAR(34)&"')}")`
				: `"${content}"`;
			i = end + 1;
		} else {
			result += char;
			i++;
		}
	}
	return result;
}

/** Index of the quote closing the one at `start` (a doubled quote is an escaped one). */
function closingQuote(text: string, start: number, quote: string): number {
	let j = start + 1;
	while (j < text.length) {
		if (text[j] !== quote) j++;
		else if (text[j + 1] === quote) j += 2;
		else return j;
	}
	return text.length - 1;
}
