/**
 * LibreOffice as an independent spreadsheet engine for tests: an XLSX file has its cached
 * formula values stripped (LibreOffice then has nothing to trust and computes every formula on
 * load), is converted headless to XLSX, and the results are read back with exceljs.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';

const run = promisify(execFile);

/** The bytes as an ArrayBuffer of their own, the input exceljs's types accept. */
export function arrayBufferOf(bytes: Uint8Array): ArrayBuffer {
	return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
}

/** Where soffice is, or null when LibreOffice is not installed. */
export function findSoffice(): string | null {
	for (const path of ['/usr/bin/soffice', '/usr/lib/libreoffice/program/soffice']) {
		if (existsSync(path)) return path;
	}
	return null;
}

/** The file with every formula's cached result removed. */
export async function stripCachedValues(xlsx: Buffer): Promise<Buffer> {
	const book = new ExcelJS.Workbook();
	await book.xlsx.load(arrayBufferOf(xlsx));
	book.eachSheet((sheet) => {
		sheet.eachRow((row) => {
			row.eachCell((cell) => {
				if (cell.type === ExcelJS.ValueType.Formula) cell.value = { formula: cell.formula };
			});
		});
	});
	book.calcProperties.fullCalcOnLoad = true;
	return Buffer.from(await book.xlsx.writeBuffer());
}

/**
 * Converts `input` to XLSX in `outDir` with headless LibreOffice Calc, using the profile
 * directory `profile` (a fresh one per call: two soffice processes cannot share one).
 */
export async function convertToXlsx(
	soffice: string,
	input: string,
	outDir: string,
	profile: string,
	timeoutMs: number
): Promise<void> {
	await run(
		soffice,
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
		{ timeout: timeoutMs }
	);
}

/**
 * LibreOffice's recalculation of `xlsx`: per sheet name, a map from A1 address to the computed
 * value (number, string, boolean, or `{ error }`) of every formula cell.
 */
export async function recalculateWithLibreOffice(
	xlsx: Buffer,
	soffice: string
): Promise<Map<string, Map<string, unknown>>> {
	const dir = await mkdtemp(join(tmpdir(), 'investflow-lo-'));
	try {
		const input = join(dir, 'in', 'book.xlsx');
		const output = join(dir, 'out');
		await run('mkdir', ['-p', join(dir, 'in'), output]);
		await writeFile(input, await stripCachedValues(xlsx));
		await convertToXlsx(soffice, input, output, join(dir, 'profile'), 120_000);
		return await readFormulaResults(await readFile(join(output, 'book.xlsx')));
	} finally {
		await rm(dir, { recursive: true, force: true });
	}
}

const XML_ENTITIES: Record<string, string> = {
	'&lt;': '<',
	'&gt;': '>',
	'&quot;': '"',
	'&apos;': "'",
	'&amp;': '&'
};

function unescapeXml(text: string): string {
	return text.replace(/&(lt|gt|quot|apos|amp);/g, (entity) => XML_ENTITIES[entity]);
}

/**
 * The cached result of every formula cell of an XLSX file, per sheet name and A1 address, read
 * from the XML itself (exceljs reads a cached `0` back as no result): a number, text, boolean,
 * `{ error: '#N/A' }`, or null when the file holds none.
 */
export async function readFormulaResults(xlsx: Buffer): Promise<Map<string, Map<string, unknown>>> {
	const zip = await JSZip.loadAsync(xlsx);
	const workbookXml = await zip.file('xl/workbook.xml')!.async('string');
	const relsXml = await zip.file('xl/_rels/workbook.xml.rels')!.async('string');
	const targets = new Map<string, string>();
	for (const rel of relsXml.matchAll(/<Relationship\b[^>]*>/g)) {
		const id = /\bId="([^"]+)"/.exec(rel[0])?.[1];
		const target = /\bTarget="([^"]+)"/.exec(rel[0])?.[1];
		if (id && target) targets.set(id, target.replace(/^\/?(xl\/)?/, 'xl/'));
	}
	const results = new Map<string, Map<string, unknown>>();
	for (const sheet of workbookXml.matchAll(/<sheet\b[^>]*>/g)) {
		const name = unescapeXml(/\bname="([^"]*)"/.exec(sheet[0])?.[1] ?? '');
		const relId = /\br:id="([^"]+)"/.exec(sheet[0])?.[1] ?? '';
		const xml = await zip.file(targets.get(relId) ?? '')?.async('string');
		const values = new Map<string, unknown>();
		for (const cell of (xml ?? '').matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
			const body = cell[2] ?? '';
			if (!/<f\b/.test(body)) continue;
			const address = /\br="([A-Z]+\d+)"/.exec(cell[1])?.[1] ?? '';
			const type = /\bt="([a-z]+)"/.exec(cell[1])?.[1] ?? 'n';
			const raw = /<v>([\s\S]*?)<\/v>/.exec(body)?.[1];
			if (raw === undefined) values.set(address, type === 'str' ? '' : null);
			else if (type === 'str') values.set(address, unescapeXml(raw));
			else if (type === 'b') values.set(address, raw === '1');
			else if (type === 'e') values.set(address, { error: unescapeXml(raw) });
			else values.set(address, Number(raw));
		}
		results.set(name, values);
	}
	return results;
}
