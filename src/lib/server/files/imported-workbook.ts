/**
 * What a file import produces before anything is stored: sheets of cells as a person would type
 * them (`=SUM(A1:A3)`, `12.5`, `'007`), with formats, bold and column widths, plus defined names
 * and notes about what could not be carried over. The XLSX and CSV readers produce it; the
 * builder turns it into a workbook document.
 */

/** Most cells one import may hold. */
export const MAX_IMPORT_CELLS = 1_000_000;

/** One cell to write: zero-based position and the text typed into it. */
export interface ImportedCell {
	row: number;
	col: number;
	text: string;
	format?: string;
	bold?: boolean;
}

/** One sheet to create. */
export interface ImportedSheet {
	name: string;
	cells: ImportedCell[];
	/** Column widths in pixels by zero-based index. */
	colWidths: Map<number, number>;
}

/** A whole file's content. */
export interface ImportedWorkbook {
	sheets: ImportedSheet[];
	/** Defined names with what they refer to, as typed (`Inputs!$B$2`). */
	names: { name: string; ref: string }[];
	/** Sentences about what changed on the way in (merged cells, dropped names, …). */
	notes: string[];
}

/**
 * The text a person would type to enter `value` as it is: text that would otherwise read as a
 * number, date, boolean or formula gets a leading `'`.
 */
export function typedText(value: string, readsAs: (text: string) => boolean): string {
	return readsAs(value) ? value : `'${value}`;
}
