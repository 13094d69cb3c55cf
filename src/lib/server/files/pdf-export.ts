/**
 * One sheet (or range) as a printable PDF, made with pdfkit: the columns scaled to fit the page
 * width (landscape when the sheet is wider than tall), the first row repeated at the top of every
 * page as the header, the workbook title, sheet and date in each page's heading, and
 * "Page n of m" at the foot. Numbers are right-aligned, as the grid shows them.
 */
import PDFDocument from 'pdfkit';
import type { SheetGrid } from './sheet-grid';

const MARGIN = 36;
const HEADING_HEIGHT = 30;
const FOOTER_HEIGHT = 20;
const MAX_FONT_SIZE = 9;
const MIN_FONT_SIZE = 5;
const CELL_PADDING = 2;

/** What the heading of each page says. */
export interface PdfHeading {
	title: string;
	/** The date printed in the heading, as `yyyy-mm-dd`. */
	date: string;
}

/** The PDF of `grid` as bytes. */
export async function exportPdf(grid: SheetGrid, heading: PdfHeading): Promise<Buffer> {
	const totalPixels = grid.colWidths.reduce((sum, width) => sum + width, 0) || 1;
	const layout = totalPixels > 700 ? 'landscape' : 'portrait';
	const doc = new PDFDocument({
		size: 'LETTER',
		layout,
		margin: MARGIN,
		bufferPages: true,
		info: { Title: heading.title, Creator: 'InvestFlow' }
	});
	const chunks: Buffer[] = [];
	doc.on('data', (chunk: Buffer) => chunks.push(chunk));
	const finished = new Promise<void>((resolve, reject) => {
		doc.on('end', resolve);
		doc.on('error', reject);
	});

	const pageWidth = doc.page.width - 2 * MARGIN;
	// Pixels become points at 0.75 (96 dpi to 72); past the page width everything shrinks.
	const scale = Math.min(0.75, pageWidth / totalPixels);
	const widths = grid.colWidths.map((width) => width * scale);
	const fontSize = Math.max(MIN_FONT_SIZE, Math.min(MAX_FONT_SIZE, MAX_FONT_SIZE * (scale / 0.75)));
	const rowHeight = fontSize + 2 * CELL_PADDING + 2;
	const bottomLimit = doc.page.height - MARGIN - FOOTER_HEIGHT;

	const drawHeading = () => {
		doc.font('Helvetica-Bold').fontSize(11).fillColor('black');
		doc.text(`${heading.title} — ${grid.sheetName}`, MARGIN, MARGIN, {
			width: pageWidth * 0.75,
			lineBreak: false,
			ellipsis: true
		});
		doc.font('Helvetica').fontSize(9);
		doc.text(heading.date, MARGIN, MARGIN + 2, { width: pageWidth, align: 'right' });
		return MARGIN + HEADING_HEIGHT;
	};
	const drawRow = (cells: SheetGrid['rows'][number], y: number, bold: boolean) => {
		doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(fontSize);
		let x = MARGIN;
		cells.forEach((cell, index) => {
			const width = widths[index];
			if (cell.display && width > 2 * CELL_PADDING) {
				doc.text(cell.display, x + CELL_PADDING, y + CELL_PADDING, {
					width: width - 2 * CELL_PADDING,
					align: typeof cell.value === 'number' ? 'right' : 'left',
					lineBreak: false,
					ellipsis: true,
					height: rowHeight
				});
			}
			x += width;
		});
		doc
			.moveTo(MARGIN, y + rowHeight)
			.lineTo(MARGIN + widths.reduce((a, b) => a + b, 0), y + rowHeight)
			.lineWidth(0.25)
			.strokeColor('#bbbbbb')
			.stroke();
	};

	const [headerRow, ...bodyRows] = grid.rows;
	let y = drawHeading();
	if (headerRow) {
		drawRow(headerRow, y, true);
		y += rowHeight;
	}
	for (const row of bodyRows) {
		if (y + rowHeight > bottomLimit) {
			doc.addPage();
			y = drawHeading();
			drawRow(headerRow, y, true);
			y += rowHeight;
		}
		drawRow(row, y, false);
		y += rowHeight;
	}

	const pages = doc.bufferedPageRange();
	for (let index = 0; index < pages.count; index++) {
		doc.switchToPage(pages.start + index);
		doc.font('Helvetica').fontSize(8).fillColor('black');
		// Writing below the bottom margin would make pdfkit start a new page; lift the margin first.
		const bottomMargin = doc.page.margins.bottom;
		doc.page.margins.bottom = 0;
		doc.text(`Page ${index + 1} of ${pages.count}`, MARGIN, doc.page.height - MARGIN - 10, {
			width: pageWidth,
			align: 'center',
			lineBreak: false
		});
		doc.page.margins.bottom = bottomMargin;
	}
	doc.end();
	await finished;
	return Buffer.concat(chunks);
}
