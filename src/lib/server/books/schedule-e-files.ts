/**
 * The Schedule E report as files: CSV and PDF through the workbook exporters (files/csv-export.ts,
 * files/pdf-export.ts) from a grid of the report, XLSX as one sheet with the same table. Columns:
 * line, description, the property, then one per owner with their share in the header.
 */
import ExcelJS from 'exceljs';
import { SCHEDULE_E_LINES } from '../../core/templates/property/schedule-e';
import { formatValue, NUMBER_FORMATS } from '../../core/number-format';
import { exportCsv } from '../files/csv-export';
import { exportPdf } from '../files/pdf-export';
import type { GridCell, SheetGrid } from '../files/sheet-grid';
import { sanitiseFilename } from '../files/workbook-export';
import { invalidInput } from '../errors';
import type { ScheduleEAnswer } from './schedule-e';

/** File formats of the report. */
export type ReportFormat = 'csv' | 'xlsx' | 'pdf';

const CONTENT_TYPES: Record<ReportFormat, string> = {
	csv: 'text/csv; charset=utf-8',
	xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
	pdf: 'application/pdf'
};

/** `?format=` as a report format, null for JSON; 400 for anything else. */
export function readReportFormat(value: string | null): ReportFormat | null {
	if (value === null || value === '' || value === 'json') return null;
	if (value === 'csv' || value === 'xlsx' || value === 'pdf') return value;
	throw invalidInput('format must be csv, xlsx or pdf.', 'format');
}

/** The report's table: a header row, then one row per line. */
function reportTable(report: ScheduleEAnswer): (string | number)[][] {
	const header = [
		'Line',
		'Schedule E',
		report.property,
		...report.owners.map((owner) => `${owner.name} (${Math.round(owner.share * 1e4) / 100}%)`)
	];
	const rows = SCHEDULE_E_LINES.map(([line, label]) => [
		line,
		label,
		report.lines[String(line)],
		...report.owners.map((owner) => owner.lines[String(line)])
	]);
	return [header, ...rows];
}

function gridOf(report: ScheduleEAnswer): SheetGrid {
	const table = reportTable(report);
	const rows: GridCell[][] = table.map((row, r) =>
		row.map((value, c) => ({
			value,
			display:
				typeof value === 'number' && r > 0 && c >= 2
					? formatValue(value, NUMBER_FORMATS.currency)
					: String(value)
		}))
	);
	return {
		sheetName: `Schedule E ${report.year}`,
		rows,
		colWidths: table[0].map((_, c) => (c === 1 ? 240 : c === 0 ? 50 : 120))
	};
}

/** The report as a file: its bytes, type and download name. */
export async function buildReportFile(
	report: ScheduleEAnswer,
	format: ReportFormat
): Promise<{ body: Uint8Array; contentType: string; filename: string }> {
	const filename = `${sanitiseFilename(`${report.property} Schedule E ${report.year}`)}.${format}`;
	let body: Uint8Array;
	if (format === 'csv') body = new TextEncoder().encode(exportCsv(gridOf(report), 'raw'));
	else if (format === 'pdf') {
		body = await exportPdf(gridOf(report), {
			title: `${report.property} — Schedule E ${report.year}`,
			date: new Date().toISOString().slice(0, 10)
		});
	} else {
		const book = new ExcelJS.Workbook();
		const sheet = book.addWorksheet(`Schedule E ${report.year}`);
		for (const row of reportTable(report)) sheet.addRow(row);
		sheet.getRow(1).font = { bold: true };
		sheet.columns.forEach((column, c) => {
			column.width = c === 1 ? 36 : c === 0 ? 6 : 18;
			if (c >= 2) column.numFmt = '"$"#,##0.00';
		});
		body = new Uint8Array(await book.xlsx.writeBuffer());
	}
	return { body, contentType: CONTENT_TYPES[format], filename };
}
