/**
 * Recalculates generated formulas in LibreOffice Calc: one XLSX per batch holding the data block
 * and every formula with no cached value, converted headless (`soffice --convert-to xlsx`) with a
 * private profile that forces recalculation on load, then read back with exceljs.
 *
 * A canary cell `=1+1` is written with a wrong cached value (5): if LibreOffice echoed cached
 * values instead of recalculating, the canary would come back 5 and the batch is rejected.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import { parseInput } from '../../src/lib/core/values';
import type { FormulaCase } from './case-kinds';
import { DATA_BLOCK, FORMULA_COLUMN } from './data-block';
import type { Outcome } from './outcome';

const run = promisify(execFile);

/** Where LibreOffice is; `SOFFICE_PATH` overrides (scripts/test.js installs it there on Debian). */
export const SOFFICE = process.env.SOFFICE_PATH || '/usr/bin/soffice';

const CANARY = 'Z1';
const CONVERT_TIMEOUT_MS = 180_000;

// OOXMLRecalcMode 0 = "always recalculate" when loading an XLSX (the default may keep cached values).
const RECALCULATE_ON_LOAD = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

// Functions newer than Excel 2007 are stored with the _xlfn. prefix in OOXML; without it
// LibreOffice reads them as unknown names.
const PREFIXED_FUNCTIONS = [
	'CONCAT',
	'IFS',
	'IFNA',
	'DAYS',
	'XLOOKUP',
	'XMATCH',
	'STDEV.S',
	'STDEV.P',
	'TEXTJOIN',
	'SWITCH',
	'MAXIFS',
	'MINIFS',
	'XOR'
];
const PREFIX_PATTERN = new RegExp(
	`(^|[^A-Za-z0-9_.])(${PREFIXED_FUNCTIONS.map((name) => name.replace('.', '\\.')).join('|')})\\(`,
	'gi'
);

/** The OOXML form of a formula typed as `=…`: no `=`, `_xlfn.` where Excel writes it. */
export function toOoxmlFormula(formula: string): string {
	const body = formula.replace(/^=/, '');
	// Split on string literals ("…" with "" escapes) and prefix only outside them.
	return body
		.split(/("(?:[^"]|"")*")/)
		.map((part, index) =>
			index % 2 === 1 ? part : part.replace(PREFIX_PATTERN, (_, before, name) => `${before}_xlfn.${name.toUpperCase()}(`)
		)
		.join('');
}

function dataCellValue(input: string): ExcelJS.CellValue {
	const parsed = parseInput(input);
	switch (parsed.kind) {
		case 'formula':
			return { formula: toOoxmlFormula(parsed.text) } as ExcelJS.CellFormulaValue;
		case 'empty':
			return null;
		default:
			return parsed.value;
	}
}

async function writeWorkbook(file: string, cases: readonly FormulaCase[]): Promise<void> {
	const workbook = new ExcelJS.Workbook();
	const sheet = workbook.addWorksheet('Sheet1');
	for (const { ref, input } of DATA_BLOCK) sheet.getCell(ref).value = dataCellValue(input);
	sheet.getCell(CANARY).value = { formula: '1+1', result: 5 } as ExcelJS.CellFormulaValue;
	for (const formulaCase of cases) {
		sheet.getCell(`${FORMULA_COLUMN}${formulaCase.index + 1}`).value = {
			formula: toOoxmlFormula(formulaCase.libreOfficeFormula ?? formulaCase.formula)
		} as ExcelJS.CellFormulaValue;
	}
	await workbook.xlsx.writeFile(file);
}

/** exceljs turns date-formatted numbers into Dates (1900 system, linear): undo that exactly. */
function serialOf(date: Date): number {
	return date.getTime() / 86_400_000 + 25_569;
}

/**
 * The outcome of a recalculated formula cell. exceljs's `value.result` drops 0 and FALSE, so
 * read the cell model; a formula cell with no value at all is LibreOffice's empty text result.
 */
function outcomeOf(cell: ExcelJS.Cell): Outcome {
	const result = (cell.model as { result?: unknown }).result;
	if (result === undefined || result === null) return { kind: 'text', value: '' };
	if (typeof result === 'number') return { kind: 'number', value: result };
	if (typeof result === 'string') return { kind: 'text', value: result };
	if (typeof result === 'boolean') return { kind: 'boolean', value: result };
	if (result instanceof Date) return { kind: 'number', value: serialOf(result) };
	if (typeof result === 'object' && 'error' in result) {
		return { kind: 'error', code: String(result.error) };
	}
	return { kind: 'text', value: String(result) };
}

/**
 * The outcome LibreOffice computes for every case, in order. Throws when soffice is missing,
 * fails or times out, or when the canary shows the values were not recalculated.
 */
export async function evaluateInLibreOffice(cases: readonly FormulaCase[]): Promise<Outcome[]> {
	const workDir = await fs.mkdtemp(path.join(os.tmpdir(), 'investflow-lo-'));
	try {
		const profile = path.join(workDir, 'profile');
		await fs.mkdir(path.join(profile, 'user'), { recursive: true });
		await fs.writeFile(path.join(profile, 'user', 'registrymodifications.xcu'), RECALCULATE_ON_LOAD);
		const input = path.join(workDir, 'formulas.xlsx');
		const outDir = path.join(workDir, 'out');
		await writeWorkbook(input, cases);
		await run(
			SOFFICE,
			[
				`-env:UserInstallation=file://${profile}`,
				'--headless',
				'--norestore',
				'--calc',
				'--convert-to',
				'xlsx',
				'--outdir',
				outDir,
				input
			],
			{ timeout: CONVERT_TIMEOUT_MS }
		);
		const workbook = new ExcelJS.Workbook();
		await workbook.xlsx.readFile(path.join(outDir, 'formulas.xlsx'));
		const sheet = workbook.worksheets[0];
		const canary = outcomeOf(sheet.getCell(CANARY));
		if (canary.kind !== 'number' || canary.value !== 2) {
			throw new Error('LibreOffice returned cached values instead of recalculating (=1+1 is not 2)');
		}
		return cases.map((formulaCase) =>
			outcomeOf(sheet.getCell(`${FORMULA_COLUMN}${formulaCase.index + 1}`))
		);
	} finally {
		await fs.rm(workDir, { recursive: true, force: true });
	}
}
