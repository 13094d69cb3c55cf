/**
 * SUMIF and AVERAGEIF read their sum (average) range in the shape of the criteria range, as
 * Excel does: Microsoft's "the sum_range argument does not have to be the same size and shape
 * as the range argument … the cells that are actually added are determined by using the
 * upper leftmost cell in the sum_range argument as the beginning cell, and then including cells
 * that correspond in size and shape to the range argument". HyperFormula gives #VALUE! for
 * ranges of different shapes. The resizing is done on the formula text given to the engine,
 * not in a plugin, so that HyperFormula's dependency graph knows every cell actually read and a
 * change to one of them recalculates the formula. People and exports keep the text as typed.
 */
import { MAX_COLS, MAX_ROWS, columnLetters } from '../addresses';
import type { A1Ref, A1RefEnd, FormulaToken } from '../formula-tokens';

/** Functions whose third argument takes the criteria range's shape. */
const RESIZED_FUNCTIONS = new Set(['SUMIF', 'AVERAGEIF']);

/** Cheap test telling the formulas that may need resizing from the rest. */
const MAY_NEED_RESIZING = /(SUMIF|AVERAGEIF)\s*\(/i;

/** Whether `text` calls SUMIF or AVERAGEIF (so {@link resizeSumRanges} may change it). */
export function mayNeedSumRangeResizing(text: string): boolean {
	return MAY_NEED_RESIZING.test(text);
}

/** A reference to cells (not whole columns or rows): its top-left corner and size. */
interface CellBlock {
	top: number;
	left: number;
	rows: number;
	cols: number;
}

function cellBlock(ref: A1Ref): CellBlock | undefined {
	const end = ref.end ?? ref.start;
	const { row: r1, col: c1 } = ref.start;
	const { row: r2, col: c2 } = end;
	if (r1 === undefined || c1 === undefined || r2 === undefined || c2 === undefined)
		return undefined;
	return {
		top: Math.min(r1, r2),
		left: Math.min(c1, c2),
		rows: Math.abs(r2 - r1) + 1,
		cols: Math.abs(c2 - c1) + 1
	};
}

function cellText(row: number, col: number, anchors: A1RefEnd): string {
	return `${anchors.absCol ? '$' : ''}${columnLetters(col)}${anchors.absRow ? '$' : ''}${row + 1}`;
}

/**
 * The text of `token`'s reference resized to `rows` × `cols` from its top-left cell, keeping its
 * sheet and `$` anchors; undefined when that would run off the sheet.
 */
function resizedReference(
	token: FormulaToken & { type: 'ref' },
	block: CellBlock,
	rows: number,
	cols: number
) {
	const bottom = block.top + rows - 1;
	const right = block.left + cols - 1;
	if (bottom >= MAX_ROWS || right >= MAX_COLS) return undefined;
	const sheet =
		token.ref.sheet === undefined ? '' : token.text.slice(0, token.text.lastIndexOf('!') + 1);
	const start = cellText(block.top, block.left, token.ref.start);
	if (rows === 1 && cols === 1) return sheet + start;
	return `${sheet}${start}:${cellText(bottom, right, token.ref.end ?? token.ref.start)}`;
}

/** Indices of the tokens of each argument of the call whose `(` is at `open`, and the `)` index. */
function callArguments(tokens: FormulaToken[], open: number): { args: number[][]; close: number } {
	const args: number[][] = [[]];
	let depth = 0;
	for (let i = open + 1; i < tokens.length; i++) {
		const { type, text } = tokens[i];
		if (type === 'operator' && (text === '(' || text === '{')) depth++;
		if (type === 'operator' && (text === ')' || text === '}')) {
			if (depth === 0) return { args, close: i };
			depth--;
		}
		if (depth === 0 && type === 'operator' && text === ',') args.push([]);
		else if (type !== 'space') args[args.length - 1].push(i);
	}
	return { args, close: tokens.length };
}

/** The reference token an argument consists of, if it is a single cell or cell range. */
function soleReference(tokens: FormulaToken[], indices: number[] | undefined) {
	if (indices?.length !== 1) return undefined;
	const token = tokens[indices[0]];
	return token.type === 'ref' ? token : undefined;
}

/**
 * `tokens` with each SUMIF's and AVERAGEIF's sum range resized to its criteria range's shape
 * where both are written as cell references of different shapes; `undefined` when nothing
 * changes (the common case).
 */
export function resizeSumRanges(tokens: FormulaToken[]): FormulaToken[] | undefined {
	let changed = false;
	const result = [...tokens];
	for (let i = 0; i < tokens.length; i++) {
		const token = tokens[i];
		if (token.type !== 'function' || !RESIZED_FUNCTIONS.has(token.text.toUpperCase())) continue;
		let open = i + 1;
		while (tokens[open]?.type === 'space') open++;
		if (tokens[open]?.text !== '(') continue;
		const { args } = callArguments(tokens, open);
		const criteria = soleReference(tokens, args[0]);
		const sum = soleReference(tokens, args[2]);
		if (!criteria || !sum) continue;
		const criteriaBlock = cellBlock(criteria.ref);
		const sumBlock = cellBlock(sum.ref);
		if (!criteriaBlock || !sumBlock) continue;
		if (criteriaBlock.rows === sumBlock.rows && criteriaBlock.cols === sumBlock.cols) continue;
		const text = resizedReference(sum, sumBlock, criteriaBlock.rows, criteriaBlock.cols);
		if (text === undefined) continue;
		result[args[2][0]] = { ...sum, text };
		changed = true;
	}
	return changed ? result : undefined;
}
