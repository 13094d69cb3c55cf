/**
 * Whole-column references (`A:A`, `Obligations!$C:$E`) rewritten into ranges bounded by the
 * referenced sheet's grid (`A$1:A$50`) for the XLSX export. InvestFlow's sheets have a fixed grid
 * that grows when rows are added, so both forms cover the same cells and give the same values;
 * spreadsheet engines reading the file (LibreOffice in particular) evaluate an unbounded column
 * over all 1,048,576 rows, which made a forecast take minutes to recalculate on open. The row
 * numbers are absolute, as the whole column was, so copying a formula in Excel keeps its rows.
 */

/** A string literal, or an optional sheet prefix followed by an optional column-only range. */
const WHOLE_COLUMN =
	/("(?:[^"]|"")*")|((?:'(?:[^']|'')+'|(?<![A-Za-z0-9_.$])[A-Za-z_][A-Za-z0-9_.]*)!)?(?:(?<![A-Za-z0-9_.$:])(\$?[A-Za-z]{1,3}):(\$?[A-Za-z]{1,3})(?![A-Za-z0-9_.(!:$]))?/g;

/** A sheet name as written before `!` (quoted or not) in the form rows are looked up by. */
function sheetKey(prefix: string): string {
	const name = prefix.slice(0, -1);
	const unquoted = name.startsWith("'") ? name.slice(1, -1).replace(/''/g, "'") : name;
	return unquoted.toLowerCase();
}

/**
 * `formula` (A1 text, with or without its leading `=`) with every whole-column reference bounded
 * to rows 1…n of its sheet, n from `rowCounts` (lower-case sheet name → rows in its grid). A
 * reference without a sheet prefix uses `currentSheet`; one to a sheet not in `rowCounts` (or
 * with no current sheet) is left whole. String literals and quoted sheet names are untouched.
 */
export function boundWholeColumns(
	formula: string,
	rowCounts: ReadonlyMap<string, number>,
	currentSheet: string | null
): string {
	return formula.replace(
		WHOLE_COLUMN,
		(
			match,
			literal: string | undefined,
			prefix: string | undefined,
			from?: string,
			to?: string
		) => {
			if (literal || from === undefined || to === undefined) return match;
			const sheet = prefix ? sheetKey(prefix) : currentSheet?.toLowerCase();
			const rows = sheet === undefined ? undefined : rowCounts.get(sheet);
			if (rows === undefined) return match;
			const last = Math.max(1, rows);
			return `${prefix ?? ''}${from}$1:${to}$${last}`;
		}
	);
}

/** Lower-case sheet name → rows in its grid, the lookup {@link boundWholeColumns} takes. */
export function rowCountsOf(sheets: { name: string; rowCount: number }[]): Map<string, number> {
	return new Map(sheets.map((sheet) => [sheet.name.toLowerCase(), sheet.rowCount]));
}
