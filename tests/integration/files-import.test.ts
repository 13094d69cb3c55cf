import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_KINDS } from '../helpers/databases';
import { ApiClient, uniqueEmail } from '../helpers/http-client';
import { arrayBufferOf } from '../helpers/libreoffice';
import { startTestServer, type TestServer } from '../helpers/server';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

interface Cell {
	ref: string;
	input: string;
	value: unknown;
	display: string;
	error?: { code: string };
}

async function upload(
	client: ApiClient,
	path: string,
	body: Uint8Array | string,
	contentType: string
) {
	const response = await fetch(new URL(path, client.baseUrl), {
		method: 'POST',
		headers: {
			'content-type': contentType,
			...(client.sessionCookie && { cookie: client.sessionCookie })
		},
		body: typeof body === 'string' ? body : Buffer.from(body)
	});
	return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

async function download(client: ApiClient, path: string): Promise<Buffer> {
	const response = await fetch(new URL(path, client.baseUrl), {
		headers: { cookie: client.sessionCookie ?? '' }
	});
	expect(response.status).toBe(200);
	return Buffer.from(await response.arrayBuffer());
}

/** Every sheet's cells (inputs and values) of a workbook, by sheet name. */
async function readAllCells(client: ApiClient, id: string): Promise<Record<string, Cell[][]>> {
	const summary = await client.get<{
		sheets: { name: string; rowCount: number; colCount: number }[];
	}>(`/api/v1/workbooks/${id}`);
	const result: Record<string, Cell[][]> = {};
	for (const sheet of summary.body.sheets) {
		const range = `A1:${columnLetters(Math.min(sheet.colCount, 60))}${Math.min(sheet.rowCount, 1500)}`;
		const cells = await client.get<{ cells: Cell[][] }>(
			`/api/v1/workbooks/${id}/cells?sheet=${encodeURIComponent(sheet.name)}&range=${range}`
		);
		// Trailing empty rows differ only by the grid's size; compare the used part.
		const rows = cells.body.cells;
		while (rows.length && rows[rows.length - 1].every((cell) => cell.input === '')) rows.pop();
		result[sheet.name] = rows.map((row) => {
			const kept = [...row];
			while (kept.length && kept[kept.length - 1].input === '') kept.pop();
			return kept;
		});
	}
	return result;
}

function columnLetters(count: number): string {
	let letters = '';
	for (let n = count; n > 0; n = Math.floor((n - 1) / 26)) {
		letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
	}
	return letters;
}

/** A workbook made the way Excel users make them, built in the test with exceljs. */
async function handBuiltWorkbook(): Promise<Buffer> {
	const book = new ExcelJS.Workbook();
	const inputs = book.addWorksheet('Inputs');
	const calc = book.addWorksheet('Calc sheet');
	inputs.getCell('A1').value = 'Price';
	inputs.getCell('A1').font = { bold: true };
	inputs.getCell('B1').value = 250_000;
	inputs.getCell('B1').numFmt = '"$"#,##0';
	inputs.getCell('B2').value = 0.05;
	inputs.getCell('B2').numFmt = '0.00%';
	inputs.getCell('B3').value = 30;
	inputs.getCell('B4').value = new Date(Date.UTC(2026, 0, 15));
	inputs.getCell('B4').numFmt = 'yyyy-mm-dd';
	inputs.getColumn(1).width = 24;
	book.definedNames.add('Inputs!$B$2', 'Rate');
	book.definedNames.add('Inputs!$B$1', 'Price');
	const flows = [-1000, 300, 400, 500];
	const days = [
		Date.UTC(2026, 0, 1),
		Date.UTC(2026, 6, 1),
		Date.UTC(2027, 0, 1),
		Date.UTC(2027, 6, 1)
	];
	flows.forEach((flow, index) => {
		calc.getCell(`C${index + 1}`).value = flow;
		calc.getCell(`D${index + 1}`).value = new Date(days[index]);
		calc.getCell(`D${index + 1}`).numFmt = 'yyyy-mm-dd';
	});
	['a', 'b', 'c'].forEach((key, index) => {
		calc.getCell(`F${index + 1}`).value = key;
		calc.getCell(`G${index + 1}`).value = index + 1;
	});
	const formulas: Record<string, string> = {
		A1: 'PMT(Rate/12,Inputs!$B$3*12,-Price)',
		A2: 'IRR(C1:C4)',
		A3: 'XNPV(0.1,C1:C4,D1:D4)',
		A4: 'INDEX(C1:C4,MATCH(400,C1:C4,0))',
		A5: 'VLOOKUP("b",$F$1:$G$3,2,FALSE)',
		A6: 'SUMIFS(G1:G3,F1:F3,"<>a")',
		A7: 'Inputs!B1*$C$2+C$3',
		A8: "'Calc sheet'!G3+Inputs!$B2*100",
		A9: '_xlfn.IFNA(MATCH(9,G1:G3,0),-1)',
		A10: 'FOOBARBAZ(1)'
	};
	for (const [address, formula] of Object.entries(formulas))
		calc.getCell(address).value = { formula };
	calc.getCell('H1').value = { formula: 'C1*2', result: -2000 };
	calc.getCell('H2').value = { sharedFormula: 'H1', result: 600 } as ExcelJS.CellValue;
	calc.getCell('F6').value = 'merged';
	calc.mergeCells('F6:G7');
	return Buffer.from(await book.xlsx.writeBuffer());
}

describe.each(DATABASE_KINDS)('workbook import on %s', (kind) => {
	let server: TestServer;
	let owner: ApiClient;

	beforeAll(async () => {
		server = await startTestServer(kind);
		owner = new ApiClient(server.url);
		await owner.register(uniqueEmail('importer'));
	});

	afterAll(async () => {
		await server?.stop();
		await server?.database.drop();
	});

	async function workbookCount(): Promise<number> {
		const listed = await owner.get<{ workbooks: unknown[] }>('/api/v1/workbooks');
		return listed.body.workbooks.length;
	}

	it(
		'imports every exported template back with identical inputs and values',
		{ timeout: 300_000 },
		async () => {
			const templates = await owner.get<{ templates: { id: string }[] }>('/api/v1/templates');
			for (const { id: template } of templates.body.templates) {
				const created = await owner.post<{ id: string }>('/api/v1/workbooks', {
					title: `Round trip ${template}`,
					template
				});
				const file = await download(
					owner,
					`/api/v1/workbooks/${created.body.id}/export?format=xlsx`
				);
				const imported = await upload(
					owner,
					`/api/v1/workbooks/import?title=${encodeURIComponent(`Back ${template}`)}`,
					file,
					XLSX_TYPE
				);
				expect(imported.status, JSON.stringify(imported.body)).toBe(201);
				expect(imported.body.title).toBe(`Back ${template}`);
				expect(imported.body.role).toBe('owner');
				const before = await readAllCells(owner, created.body.id);
				const after = await readAllCells(owner, imported.body.id as string);
				expect(Object.keys(after)).toEqual(Object.keys(before));
				for (const sheet of Object.keys(before)) {
					expect(after[sheet], `${template} ${sheet}`).toEqual(before[sheet]);
				}
				const names = async (id: string) =>
					(await owner.get<{ names: unknown[] }>(`/api/v1/workbooks/${id}/names`)).body.names;
				expect(await names(imported.body.id as string)).toEqual(await names(created.body.id));
			}
		}
	);

	it('imports a hand-built Excel workbook with names, cross-sheet and mixed references, dates, percents and finance functions', async () => {
		const imported = await upload(
			owner,
			'/api/v1/workbooks/import?title=Excel%20model',
			await handBuiltWorkbook(),
			XLSX_TYPE
		);
		expect(imported.status, JSON.stringify(imported.body)).toBe(201);
		const id = imported.body.id as string;
		expect(imported.body.notes).toEqual(
			expect.arrayContaining([expect.stringContaining('merged cells')])
		);
		const read = async (sheet: string, range: string) =>
			(
				await owner.get<{ cells: Cell[][] }>(
					`/api/v1/workbooks/${id}/cells?sheet=${encodeURIComponent(sheet)}&range=${range}`
				)
			).body.cells.flat();
		const inputs = await read('Inputs', 'B1:B4');
		expect(inputs.map((cell) => cell.display)).toEqual(['$250,000', '5.00%', '30', '2026-01-15']);
		const calc = await read('Calc sheet', 'A1:A10');
		const rate = 0.05 / 12;
		expect(calc[0].value).toBeCloseTo((250_000 * rate) / (1 - (1 + rate) ** -360), 6);
		expect(calc[0].input).toBe('=PMT(Rate/12,Inputs!$B$3*12,-Price)');
		expect(calc[1].value).toBeCloseTo(0.0889633947, 8);
		const days = [0, 181, 365, 546];
		const xnpv = [-1000, 300, 400, 500].reduce(
			(sum, flow, i) => sum + flow / 1.1 ** (days[i] / 365),
			0
		);
		expect(calc[2].value).toBeCloseTo(xnpv, 6);
		expect(calc[3].value).toBe(400);
		expect(calc[4].value).toBe(2);
		expect(calc[5].value).toBe(5);
		expect(calc[6].value).toBe(250_000 * 300 + 400);
		expect(calc[6].input).toBe('=Inputs!B1*$C$2+C$3');
		expect(calc[7].value).toBe(8);
		expect(calc[7].input).toBe("='Calc sheet'!G3+Inputs!$B2*100");
		expect(calc[8].value).toBe(-1);
		expect(calc[8].input).toBe('=IFNA(MATCH(9,G1:G3,0),-1)');
		expect(calc[9].input).toBe('=FOOBARBAZ(1)');
		expect(calc[9].error?.code).toBe('#NAME?');
		const shared = await read('Calc sheet', 'H1:H2');
		expect(shared.map((cell) => cell.input)).toEqual(['=C1*2', '=C2*2']);
		expect(shared.map((cell) => cell.value)).toEqual([-2000, 600]);
		const merged = await read('Calc sheet', 'F6:G7');
		expect(merged.map((cell) => cell.value)).toEqual(['merged', null, null, null]);
		const names = await owner.get<{ names: { name: string; ref: string }[] }>(
			`/api/v1/workbooks/${id}/names`
		);
		expect(names.body.names.map((entry) => [entry.name, entry.ref]).sort()).toEqual([
			['Price', 'Inputs!$B$1'],
			['Rate', 'Inputs!$B$2']
		]);
		const exported = new ExcelJS.Workbook();
		await exported.xlsx.load(
			arrayBufferOf(await download(owner, `/api/v1/workbooks/${id}/export?format=xlsx`))
		);
		expect(exported.getWorksheet('Inputs')!.getCell('A1').font?.bold).toBe(true);
		expect(exported.getWorksheet('Inputs')!.getColumn(1).width).toBeCloseTo(24, 0);
	});

	it('imports a semicolon-separated Windows-1252 CSV as a new workbook, typed as a person would', async () => {
		const csv = Buffer.from(
			'Date;Payee;Amount\r\n2026-03-01;Café Müller;-12.50\r\n2026-03-02;"Rent; March";1,250.00\r\n2026-03-03;=HYPERLINK("x");5%\r\n',
			'latin1'
		);
		const imported = await upload(owner, '/api/v1/workbooks/import?title=Bank', csv, 'text/csv');
		expect(imported.status, JSON.stringify(imported.body)).toBe(201);
		const cells = (
			await owner.get<{ cells: Cell[][] }>(
				`/api/v1/workbooks/${imported.body.id}/cells?range=A1:C4`
			)
		).body.cells;
		expect(cells[1].map((cell) => cell.value)).toEqual([46082, 'Café Müller', -12.5]);
		expect(cells[1][0].display).toBe('2026-03-01');
		expect(cells[2].map((cell) => cell.value)).toEqual([46083, 'Rent; March', 1250]);
		expect(cells[3][1].value).toBe('=HYPERLINK("x")');
		expect(cells[3][2].value).toBe(0.05);
	});

	it('adds a CSV as a new sheet for editors only, refusing a taken name', async () => {
		const created = await owner.post<{ id: string }>('/api/v1/workbooks', { title: 'Books' });
		const base = `/api/v1/workbooks/${created.body.id}`;
		const added = await upload(
			owner,
			`${base}/import?sheet=Bank%20March`,
			'Payee,Amount\nRent,1200\n',
			'text/csv'
		);
		expect(added.status, JSON.stringify(added.body)).toBe(201);
		expect(added.body.sheet).toMatchObject({ name: 'Bank March' });
		const cells = await owner.get<{ cells: Cell[][] }>(`${base}/cells?sheet=Bank%20March&range=B2`);
		expect(cells.body.cells[0][0].value).toBe(1200);
		expect(
			(await upload(owner, `${base}/import?sheet=bank%20march`, 'a\n', 'text/csv')).status
		).toBe(409);
		const link = await owner.post<{ token: string }>(`${base}/links`, {});
		const refused = await fetch(
			new URL(`${base}/import?sheet=X&link=${link.body.token}`, server.url),
			{
				method: 'POST',
				headers: { 'content-type': 'text/csv' },
				body: 'a\n'
			}
		);
		expect(refused.status).toBe(401);
		const xlsx = await upload(
			owner,
			`${base}/import?sheet=Y`,
			await handBuiltWorkbook(),
			XLSX_TYPE
		);
		expect(xlsx.status).toBe(400);
	});

	it('adds a CSV larger than one change as a sheet, every cell in place', async () => {
		const created = await owner.post<{ id: string }>('/api/v1/workbooks', { title: 'Statement' });
		const base = `/api/v1/workbooks/${created.body.id}`;
		const rows = Array.from(
			{ length: 3_000 },
			(_, index) => `2026-01-05,Payee ${index},${index}.5`
		);
		const added = await upload(
			owner,
			`${base}/import?sheet=Year`,
			['Date,Payee,Amount', ...rows].join('\n'),
			'text/csv'
		);
		expect(added.status, JSON.stringify(added.body)).toBe(201);
		expect(added.body.cells).toBe(3 + 3_000 * 3);
		const read = async (range: string) =>
			(await owner.get<{ cells: Cell[][] }>(`${base}/cells?sheet=Year&range=${range}`)).body.cells;
		expect((await read('A1:C2')).map((row) => row.map((cell) => cell.value))).toEqual([
			['Date', 'Payee', 'Amount'],
			[46027, 'Payee 0', 0.5]
		]);
		expect((await read('B3001:C3001'))[0].map((cell) => cell.value)).toEqual([
			'Payee 2999',
			2999.5
		]);
	});

	it('refuses bad and dangerous files with a sentence and creates nothing', async () => {
		const before = await workbookCount();
		const refusals: [string, Uint8Array | string, string, number, string][] = [];
		refusals.push([
			'truncated xlsx',
			(await handBuiltWorkbook()).subarray(0, 2000),
			XLSX_TYPE,
			400,
			'malformed_file'
		]);
		refusals.push(['not a zip', 'hello, world', XLSX_TYPE, 400, 'malformed_file']);
		const ole = Buffer.alloc(4096);
		Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(ole);
		refusals.push(['binary xls', ole, 'application/vnd.ms-excel', 400, 'unsupported_format']);
		const encrypted = Buffer.concat([ole, Buffer.from('EncryptionInfo', 'utf16le')]);
		refusals.push(['encrypted', encrypted, XLSX_TYPE, 400, 'encrypted_file']);
		const macro = await JSZip.loadAsync(await handBuiltWorkbook());
		macro.file('xl/vbaProject.bin', 'Attribute VB_Name = "Module1"');
		refusals.push([
			'macros',
			await macro.generateAsync({ type: 'uint8array', compression: 'DEFLATE' }),
			XLSX_TYPE,
			400,
			'macros_not_supported'
		]);
		const bomb = await JSZip.loadAsync(await handBuiltWorkbook());
		bomb.file('xl/media/zeros.bin', new Uint8Array(50 * 1024 * 1024));
		refusals.push([
			'zip bomb',
			await bomb.generateAsync({ type: 'uint8array', compression: 'DEFLATE' }),
			XLSX_TYPE,
			413,
			'file_too_large'
		]);
		refusals.push([
			'over 20 MiB',
			Buffer.alloc(20 * 1024 * 1024 + 1, 0x41),
			'text/csv',
			413,
			'file_too_large'
		]);
		refusals.push(['empty', '', 'text/csv', 400, 'empty_file']);
		for (const [what, body, type, status, code] of refusals) {
			const response = await upload(owner, '/api/v1/workbooks/import', body, type);
			expect(response.status, what).toBe(status);
			const error = response.body.error as { code: string; message: string };
			expect(error.code, what).toBe(code);
			expect(error.message, what).toMatch(/\.$/);
		}
		expect(await workbookCount()).toBe(before);
		const anonymous = await upload(
			new ApiClient(server.url),
			'/api/v1/workbooks/import',
			'a\n',
			'text/csv'
		);
		expect(anonymous.status).toBe(401);
	});
});
