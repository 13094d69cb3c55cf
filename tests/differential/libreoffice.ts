/**
 * Recalculates generated formulas in LibreOffice Calc: one XLSX per batch holding the data block
 * and every formula with no cached value, converted headless (`soffice --convert-to xlsx`) with a
 * private profile that forces recalculation on load.
 *
 * A canary cell `=1+1` is written with a wrong cached value (5): if LibreOffice echoed cached
 * values instead of recalculating, the canary would come back 5 and the batch is rejected.
 * The results are read from the sheet XML itself (see {@link readRecalculatedCells}).
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { parseInput } from '../../src/lib/core/values';
import type { FormulaCase } from './case-kinds';
import { DATA_BLOCK, FORMULA_COLUMN } from './data-block';
import type { Outcome } from './outcome';
import { convertToXlsx } from '../helpers/libreoffice';

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
			index % 2 === 1
				? part
				: part.replace(PREFIX_PATTERN, (_, before, name) => `${before}_xlfn.${name.toUpperCase()}(`)
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

const XML_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeXml(text: string): string {
	return text.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (whole, entity: string) => {
		if (entity.startsWith('#x')) return String.fromCodePoint(parseInt(entity.slice(2), 16));
		if (entity.startsWith('#')) return String.fromCodePoint(Number(entity.slice(1)));
		return XML_ENTITIES[entity] ?? whole;
	});
}

/** The outcome of one `<c>` element of the sheet XML, from its type and cached value. */
function outcomeOfCell(type: string, content: string): Outcome {
	const valueMatch = /<v>([\s\S]*?)<\/v>/.exec(content);
	const raw = valueMatch ? decodeXml(valueMatch[1]) : '';
	switch (type) {
		case 'e':
			return { kind: 'error', code: raw };
		case 'b':
			return { kind: 'boolean', value: raw === '1' };
		case 'str':
		case 'inlineStr':
			return { kind: 'text', value: raw };
		default:
			return raw === '' ? { kind: 'empty' } : { kind: 'number', value: Number(raw) };
	}
}

/**
 * Every cell of the first sheet's XML by address. Read directly rather than through exceljs,
 * which drops cached 0 and FALSE and turns date-formatted errors into invalid Dates.
 */
async function readRecalculatedCells(file: string): Promise<Map<string, Outcome>> {
	const zip = await JSZip.loadAsync(await fs.readFile(file));
	const xml = await zip.file('xl/worksheets/sheet1.xml')?.async('string');
	if (xml === undefined) throw new Error('LibreOffice wrote no first sheet');
	const cells = new Map<string, Outcome>();
	for (const match of xml.matchAll(/<c r="([A-Z]+\d+)"([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
		const type = /\bt="(\w+)"/.exec(match[2])?.[1] ?? 'n';
		cells.set(match[1], outcomeOfCell(type, match[3] ?? ''));
	}
	return cells;
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
		await fs.writeFile(
			path.join(profile, 'user', 'registrymodifications.xcu'),
			RECALCULATE_ON_LOAD
		);
		const input = path.join(workDir, 'formulas.xlsx');
		const outDir = path.join(workDir, 'out');
		await writeWorkbook(input, cases);
		await convertToXlsx(SOFFICE, input, outDir, profile, CONVERT_TIMEOUT_MS);
		const cells = await readRecalculatedCells(path.join(outDir, 'formulas.xlsx'));
		const canary = cells.get(CANARY);
		if (canary?.kind !== 'number' || canary.value !== 2) {
			throw new Error(
				'LibreOffice returned cached values instead of recalculating (=1+1 is not 2)'
			);
		}
		return cases.map(
			(formulaCase): Outcome =>
				cells.get(`${FORMULA_COLUMN}${formulaCase.index + 1}`) ?? { kind: 'empty' }
		);
	} finally {
		await fs.rm(workDir, { recursive: true, force: true });
	}
}
