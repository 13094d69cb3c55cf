/**
 * Clipboard formats. Copying puts the shown values on `text/plain` as TSV (what Excel and
 * Google Sheets read) and an HTML table on `text/html` (what rich editors read); the table also
 * carries the copied inputs and where they came from, so a paste inside InvestFlow brings the
 * formulas and shifts their relative references. Pasting from elsewhere reads the TSV.
 */
import { parseTsv } from '$lib/core/operations/cells';
import { shiftFormula } from './formula-text';

/** What InvestFlow embeds in its HTML: the inputs as typed and the top-left cell they came from. */
export interface CopiedBlock {
	top: number;
	left: number;
	inputs: string[][];
}

function quoteTsvField(text: string): string {
	return /[\t\n\r"]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Rows of cell texts as TSV (quoted where a field holds a tab, line break or quote). */
export function toTsv(rows: string[][]): string {
	return rows.map((row) => row.map(quoteTsvField).join('\t')).join('\n');
}

function escapeHtml(text: string): string {
	return text
		.replace(/&/g, '&amp;')
		.replace(/</g, '&lt;')
		.replace(/>/g, '&gt;')
		.replace(/"/g, '&quot;');
}

function unescapeHtml(text: string): string {
	return text
		.replace(/&quot;/g, '"')
		.replace(/&gt;/g, '>')
		.replace(/&lt;/g, '<')
		.replace(/&amp;/g, '&');
}

/** An HTML table of the shown values, carrying `block` for pastes back into InvestFlow. */
export function toHtml(shown: string[][], block: CopiedBlock): string {
	const body = shown
		.map((row) => `<tr>${row.map((cell) => `<td>${escapeHtml(cell)}</td>`).join('')}</tr>`)
		.join('');
	const payload = escapeHtml(JSON.stringify(block));
	return `<meta charset="utf-8"><table data-investflow="${payload}"><tbody>${body}</tbody></table>`;
}

/** The {@link CopiedBlock} inside HTML InvestFlow put on the clipboard, or null. */
export function readCopiedBlock(html: string): CopiedBlock | null {
	const match = /data-investflow="([^"]*)"/.exec(html);
	if (!match) return null;
	try {
		const block = JSON.parse(unescapeHtml(match[1])) as CopiedBlock;
		const valid =
			Number.isInteger(block.top) &&
			Number.isInteger(block.left) &&
			Array.isArray(block.inputs) &&
			block.inputs.every(
				(row) => Array.isArray(row) && row.every((cell) => typeof cell === 'string')
			);
		return valid ? block : null;
	} catch {
		return null;
	}
}

/**
 * The texts to write when pasting at (top, left): InvestFlow's own inputs with formulas shifted
 * by the distance moved, or else the plain-text TSV as typed values.
 */
export function pastedTexts(plain: string, html: string, top: number, left: number): string[][] {
	const block = html ? readCopiedBlock(html) : null;
	if (block) {
		const dRow = top - block.top;
		const dCol = left - block.left;
		return block.inputs.map((row) => row.map((text) => shiftFormula(text, dRow, dCol)));
	}
	return parseTsv(plain);
}
