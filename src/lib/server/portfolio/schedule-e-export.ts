/**
 * The combined Schedule E as a file for the accountant: one sheet with the lines as rows and one
 * column per property plus the total, written by the workbook exporters (files/): XLSX, CSV or
 * PDF. The table is at most 21 rows by one column per property, so it is built here directly.
 */
import { invalidInput } from '../errors';
import { exportCsv } from '../files/csv-export';
import { exportPdf } from '../files/pdf-export';
import { sheetGrid } from '../files/sheet-grid';
import type { CapturedCell, CapturedWorkbook } from '../files/workbook-capture';
import { exportXlsx } from '../files/xlsx-export';
import type { CombinedScheduleE } from './portfolio';

/** A file format the combined Schedule E exports to. */
export type ScheduleEFormat = 'xlsx' | 'csv' | 'pdf';

const MONEY = '#,##0.00;(#,##0.00)';

const CONTENT_TYPES: Record<ScheduleEFormat, string> = {
	xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
	csv: 'text/csv; charset=utf-8',
	pdf: 'application/pdf'
};

/** Reads `?format=`: null for JSON (absent), else xlsx, csv or pdf; 400 otherwise. */
export function readScheduleEFormat(value: string | null): ScheduleEFormat | null {
	if (value === null || value === '' || value === 'json') return null;
	if (value === 'xlsx' || value === 'csv' || value === 'pdf') return value;
	throw invalidInput('format must be json, xlsx, csv or pdf.', 'format');
}

/** The report as one captured sheet (header row, one row per line). */
export function captureScheduleE(report: CombinedScheduleE): CapturedWorkbook {
	const cells: CapturedCell[] = [];
	const text = (row: number, col: number, value: string, bold = false) =>
		cells.push({ row, col, input: value, result: { value }, bold });
	const money = (row: number, col: number, value: number, bold = false) =>
		cells.push({ row, col, input: value, result: { value }, format: MONEY, bold });
	const headers = ['Line', 'Description', ...report.properties.map((p) => p.title), 'Total'];
	headers.forEach((header, col) => text(0, col, header, true));
	report.lines.forEach(({ line, label }, index) => {
		const row = index + 1;
		const bold = line >= 20;
		cells.push({ row, col: 0, input: line, result: { value: line }, bold });
		text(row, 1, label, bold);
		report.properties.forEach((property, p) => money(row, p + 2, property.lines[line] ?? 0, bold));
		money(row, report.properties.length + 2, report.total[line] ?? 0, bold);
	});
	const colWidths = new Map<number, number>([
		[0, 50],
		[1, 230]
	]);
	for (let col = 2; col < headers.length; col++) colWidths.set(col, 120);
	return {
		currency: 'USD',
		names: [],
		sheets: [
			{
				name: `Schedule E ${report.year}`,
				rowCount: report.lines.length + 1,
				colCount: headers.length,
				colWidths,
				cells
			}
		]
	};
}

/** The report as a file: its bytes, content type and download name. */
export async function exportScheduleE(
	report: CombinedScheduleE,
	format: ScheduleEFormat
): Promise<{ bytes: Uint8Array; contentType: string; filename: string }> {
	const captured = captureScheduleE(report);
	const title = `Schedule E ${report.year} (combined)`;
	const filename = `schedule-e-${report.year}.${format}`;
	let bytes: Uint8Array;
	if (format === 'xlsx') bytes = await exportXlsx(captured, title);
	else {
		const grid = sheetGrid(captured, captured.sheets[0], null);
		if (format === 'csv') bytes = new TextEncoder().encode(exportCsv(grid, 'raw'));
		else bytes = await exportPdf(grid, { title, date: new Date().toISOString().slice(0, 10) });
	}
	return { bytes, contentType: CONTENT_TYPES[format], filename };
}
