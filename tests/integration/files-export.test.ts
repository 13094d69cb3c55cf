import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_KINDS } from '../helpers/databases';
import { ApiClient, uniqueEmail } from '../helpers/http-client';
import {
	arrayBufferOf,
	findSoffice,
	readFormulaResults,
	recalculateWithLibreOffice
} from '../helpers/libreoffice';
import { startTestServer, type TestServer } from '../helpers/server';

const run = promisify(execFile);
const soffice = findSoffice();
const pdftotext = existsSync('/usr/bin/pdftotext') ? '/usr/bin/pdftotext' : null;
if (!soffice)
	console.warn('LibreOffice (soffice) is not installed: the recalculation proof is skipped.');
if (!pdftotext)
	console.warn('pdftotext (poppler-utils) is not installed: PDF text is not checked.');

/**
 * Cells where LibreOffice is known to compute differently from Excel (and InvestFlow, which
 * follows Excel), by template → sheet → A1 address.
 *
 * The forecast's Schedule!T13:T34 take YEAR()*12+MONTH() of an obligation row's empty start
 * date, serial 0: Excel's day 0 is 1900-01-00 (YEAR 1900, MONTH 1), LibreOffice's is 1899-12-30
 * (YEAR 1899, MONTH 12) — the differential test's `serial-zero` exclusion.
 */
const LIBREOFFICE_DIFFERS: Record<string, Record<string, string[]>> = {
	forecast: { Schedule: Array.from({ length: 22 }, (_, index) => `T${13 + index}`) }
};

async function download(client: ApiClient, path: string, headers: Record<string, string> = {}) {
	const response = await fetch(new URL(path, client.baseUrl), {
		headers: { ...(client.sessionCookie && { cookie: client.sessionCookie }), ...headers }
	});
	return {
		status: response.status,
		headers: response.headers,
		bytes: Buffer.from(await response.arrayBuffer())
	};
}

function sameValue(ours: unknown, theirs: unknown): boolean {
	if (typeof ours === 'number' && typeof theirs === 'number') {
		return Math.abs(ours - theirs) <= 1e-9 * Math.max(1, Math.abs(ours));
	}
	return JSON.stringify(ours) === JSON.stringify(theirs);
}

describe.each(DATABASE_KINDS)('workbook export on %s', (kind) => {
	let server: TestServer;
	let owner: ApiClient;
	let templates: string[];

	beforeAll(async () => {
		server = await startTestServer(kind);
		owner = new ApiClient(server.url);
		await owner.register(uniqueEmail('exporter'));
		const listed = await owner.get<{ templates: { id: string }[] }>('/api/v1/templates');
		templates = listed.body.templates.map((template) => template.id);
	});

	afterAll(async () => {
		await server?.stop();
		await server?.database.drop();
	});

	async function createWorkbook(title: string, template = 'blank'): Promise<string> {
		const created = await owner.post<{ id: string }>('/api/v1/workbooks', { title, template });
		expect(created.status).toBe(201);
		return created.body.id;
	}

	it('exports a workbook as XLSX with every sheet, formulas, cached values, formats, bold, widths and names', async () => {
		const id = await createWorkbook('Elm St / 2026: "model"', 'property');
		const sheets = await owner.get<{ sheets: { name: string }[] }>(`/api/v1/workbooks/${id}`);
		const file = await download(owner, `/api/v1/workbooks/${id}/export?format=xlsx`);
		expect(file.status).toBe(200);
		expect(file.headers.get('content-type')).toContain('spreadsheetml');
		expect(file.headers.get('content-disposition')).toBe(
			'attachment; filename="Elm St _ 2026_ _model.xlsx"'
		);
		const book = new ExcelJS.Workbook();
		await book.xlsx.load(arrayBufferOf(file.bytes));
		expect(book.worksheets.map((sheet) => sheet.name)).toEqual(
			sheets.body.sheets.map((sheet) => sheet.name)
		);
		const names = await owner.get<{ names: { name: string; ref: string }[] }>(
			`/api/v1/workbooks/${id}/names`
		);
		const capRate = names.body.names.find((entry) => entry.name === 'CapRate')!;
		expect(book.definedNames.getRanges('CapRate').ranges).toEqual([capRate.ref]);
		const [sheetName, address] = capRate.ref.replace(/\$/g, '').split('!');
		const cell = book.getWorksheet(sheetName.replace(/^'|'$/g, ''))!.getCell(address);
		expect(cell.formula).toBeTruthy();
		expect(cell.numFmt).toContain('%');
		const cells = await owner.get<{ cells: { value: unknown }[][] }>(
			`/api/v1/workbooks/${id}/cells?sheet=${encodeURIComponent(sheetName)}&range=${address}`
		);
		expect((cell.value as ExcelJS.CellFormulaValue).result).toBeCloseTo(
			cells.body.cells[0][0].value as number,
			12
		);
		const widths = book.worksheets.flatMap((sheet) => sheet.columns.map((column) => column.width));
		expect(widths.some((width) => width !== undefined && width > 0)).toBe(true);
		const boldCells = book.worksheets.flatMap((sheet) => {
			const found: string[] = [];
			sheet.eachRow((row) => row.eachCell((c) => c.font?.bold && found.push(c.address)));
			return found;
		});
		expect(boldCells.length).toBeGreaterThan(0);
	});

	it('lets a view-only link export, and nobody else', async () => {
		const id = await createWorkbook('Shared books', 'budget');
		const link = await owner.post<{ token: string }>(`/api/v1/workbooks/${id}/links`, {});
		const viaLink = await download(
			new ApiClient(server.url),
			`/api/v1/workbooks/${id}/export?format=csv&link=${link.body.token}`
		);
		expect(viaLink.status).toBe(200);
		const viaBearer = await download(new ApiClient(server.url), `/api/v1/workbooks/${id}/export`, {
			authorization: `Bearer ${link.body.token}`
		});
		expect(viaBearer.status).toBe(200);
		const stranger = new ApiClient(server.url);
		await stranger.register(uniqueEmail('stranger'));
		expect((await download(stranger, `/api/v1/workbooks/${id}/export`)).status).toBe(404);
		expect(
			(await download(new ApiClient(server.url), `/api/v1/workbooks/${id}/export`)).status
		).toBe(401);
	});

	it('exports one sheet as RFC 4180 CSV with raw or displayed values and neutralised formula text', async () => {
		const id = await createWorkbook('CSV books');
		const write = await owner.post(`/api/v1/workbooks/${id}/cells`, {
			sheet: 'Sheet1',
			updates: [
				{ ref: 'A1', input: 'Item' },
				{ ref: 'B1', input: 'Amount' },
				{ ref: 'A2', input: 'Rent, "north" unit' },
				{ ref: 'B2', input: '1250.5' },
				{ ref: 'A3', input: `'=HYPERLINK("http://evil.example","click")` },
				{ ref: 'B3', input: '=-B2' },
				{ ref: 'A4', input: `'=cmd|' /C calc'!A0` },
				{ ref: 'B4', input: '=B2/0' },
				{ ref: 'A5', input: "'@SUM(1)" },
				{ ref: 'B5', input: '12%' }
			]
		});
		expect(write.status).toBe(200);
		await owner.post(`/api/v1/workbooks/${id}/ops`, {
			ops: [{ op: 'setNumberFormat', sheet: 'Sheet1', range: 'B2:B3', format: '#,##0.00' }]
		});
		const display = await download(owner, `/api/v1/workbooks/${id}/export?format=csv&sheet=sheet1`);
		expect(display.status).toBe(200);
		expect(display.headers.get('content-type')).toBe('text/csv; charset=utf-8');
		expect(display.bytes[0]).not.toBe(0xef);
		const text = display.bytes.toString('utf8');
		const rows = Papa.parse<string[]>(text).data;
		expect(rows[0]).toEqual(['Item', 'Amount']);
		expect(rows[1]).toEqual(['Rent, "north" unit', '1,250.50']);
		expect(text).toContain('"Rent, ""north"" unit"');
		expect(rows[2]).toEqual([`'=HYPERLINK("http://evil.example","click")`, '-1,250.50']);
		expect(rows[3]).toEqual([`'=cmd|' /C calc'!A0`, '#DIV/0!']);
		expect(rows[4]).toEqual(["'@SUM(1)", '12%']);
		expect(text.split('\r\n')).toHaveLength(5);
		const raw = await download(owner, `/api/v1/workbooks/${id}/export?format=csv&values=raw`);
		expect(Papa.parse<string[]>(raw.bytes.toString('utf8')).data[1]).toEqual([
			'Rent, "north" unit',
			'1250.5'
		]);
		const range = await download(
			owner,
			`/api/v1/workbooks/${id}/export?format=csv&values=raw&range=B4:B5`
		);
		expect(range.bytes.toString('utf8')).toBe('#DIV/0!\r\n0.12');
		expect(
			(await download(owner, `/api/v1/workbooks/${id}/export?format=csv&sheet=Nope`)).status
		).toBe(404);
		expect((await download(owner, `/api/v1/workbooks/${id}/export?format=doc`)).status).toBe(400);
		expect(
			(await download(owner, `/api/v1/workbooks/${id}/export?format=csv&values=x`)).status
		).toBe(400);
	});

	it('exports a sheet as a PDF with the title, the date, a repeated header row and page numbers', async () => {
		const id = await createWorkbook('Ledger for the CPA');
		const updates = [
			{ ref: 'A1', input: 'Month' },
			{ ref: 'B1', input: 'Income' }
		];
		for (let row = 2; row <= 150; row++) {
			updates.push(
				{ ref: `A${row}`, input: `Entry ${row - 1}` },
				{ ref: `B${row}`, input: String(row * 10) }
			);
		}
		expect((await owner.post(`/api/v1/workbooks/${id}/cells`, { updates })).status).toBe(200);
		const file = await download(owner, `/api/v1/workbooks/${id}/export?format=pdf&sheet=Sheet1`);
		expect(file.status).toBe(200);
		expect(file.headers.get('content-type')).toBe('application/pdf');
		expect(file.headers.get('content-disposition')).toBe(
			'attachment; filename="Ledger for the CPA.pdf"'
		);
		expect(file.bytes.subarray(0, 5).toString()).toBe('%PDF-');
		if (!pdftotext) return;
		const dir = await mkdtemp(join(tmpdir(), 'investflow-pdf-'));
		try {
			await writeFile(join(dir, 'sheet.pdf'), file.bytes);
			const { stdout } = await run(pdftotext, ['-layout', join(dir, 'sheet.pdf'), '-']);
			const pages = stdout.split('\f').filter((page) => page.trim() !== '');
			expect(pages.length).toBeGreaterThan(1);
			const today = new Date().toISOString().slice(0, 10);
			pages.forEach((page, index) => {
				expect(page).toContain('Ledger for the CPA — Sheet1');
				expect(page).toContain(today);
				expect(page).toMatch(/Month\s+Income/);
				expect(page).toContain(`Page ${index + 1} of ${pages.length}`);
			});
			expect(stdout).toContain('Entry 149');
			expect(stdout).toContain('1500');
		} finally {
			await rm(dir, { recursive: true, force: true });
		}
	});

	it.skipIf(!soffice || kind !== DATABASE_KINDS[0])(
		'every template exported to XLSX is recalculated by LibreOffice to the same values',
		{ timeout: 600_000 },
		async () => {
			for (const template of templates.filter((id) => id !== 'blank')) {
				const id = await createWorkbook(`LibreOffice ${template}`, template);
				const file = await download(owner, `/api/v1/workbooks/${id}/export?format=xlsx`);
				expect(file.status).toBe(200);
				const ours = await readFormulaResults(file.bytes);
				const theirs = await recalculateWithLibreOffice(file.bytes, soffice!);
				const exclusions = LIBREOFFICE_DIFFERS[template] ?? {};
				const mismatches: string[] = [];
				let compared = 0;
				for (const [sheet, cells] of ours) {
					for (const [address, value] of cells) {
						if (exclusions[sheet]?.includes(address)) continue;
						compared++;
						const recalculated = theirs.get(sheet)?.get(address);
						if (!sameValue(value, recalculated)) {
							mismatches.push(
								`${template} ${sheet}!${address}: ${JSON.stringify(value)} vs ${JSON.stringify(recalculated)}`
							);
						}
					}
				}
				expect(compared, `${template} has formulas`).toBeGreaterThan(50);
				expect(mismatches).toEqual([]);
			}
		}
	);
});
