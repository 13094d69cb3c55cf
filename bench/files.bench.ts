/**
 * File import/export benchmark (`npm run bench -- files`), in process on the server's own
 * modules. For a sheet of 10k and of 100k cells (four columns: three of numbers, one formula per
 * row), figures per size:
 * - `export_ms`: capture (with values from the evaluator) and XLSX build, wall time;
 * - `export_loop_max_ms`: the longest the event loop was blocked during that export (what an edit
 *   to another document would wait; target ≤ 50 ms);
 * - `import_ms`: reading that XLSX back and building the workbook document;
 * - `file_bytes`: the XLSX size; `peak_rss_mib`: the process's peak resident memory so far.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import * as Y from 'yjs';
import { createEvaluator } from '../src/lib/core/evaluator';
import { listSheetEntries } from '../src/lib/core/document-view';
import { setCellInputs } from '../src/lib/core/operations/cells';
import { seedBlankWorkbook } from '../src/lib/core/workbook-api';
import { buildImportedWorkbook } from '../src/lib/server/files/import-builder';
import { captureWorkbook } from '../src/lib/server/files/workbook-capture';
import { readXlsx } from '../src/lib/server/files/xlsx-import';
import { exportXlsx } from '../src/lib/server/files/xlsx-export';
import { checkXlsxUpload } from '../src/lib/server/files/zip-guard';

const SIZES = [10_000, 100_000];

function buildDocument(cells: number): Y.Doc {
	const doc = new Y.Doc();
	seedBlankWorkbook(doc);
	const sheetId = listSheetEntries(doc)[0].id;
	const rows = Math.ceil(cells / 4);
	const updates: { address: string; text: string }[] = [];
	for (let row = 1; row <= rows; row++) {
		updates.push(
			{ address: `A${row}`, text: String(row) },
			{ address: `B${row}`, text: String(row * 1.5) },
			{ address: `C${row}`, text: String(1000 - row) },
			{ address: `D${row}`, text: `=A${row}*B${row}-C${row}` }
		);
	}
	setCellInputs(doc, sheetId, updates);
	return doc;
}

/** Runs every size and returns the figures in the module comment. */
export async function runFilesBench(): Promise<Record<string, Record<string, number>>> {
	const results: Record<string, Record<string, number>> = {};
	for (const size of SIZES) {
		const doc = buildDocument(size);
		const evaluator = createEvaluator(doc);
		const loop = monitorEventLoopDelay({ resolution: 5 });
		loop.enable();
		let started = performance.now();
		const file = await exportXlsx(captureWorkbook(doc, evaluator), 'Bench');
		const exportMs = performance.now() - started;
		loop.disable();
		evaluator.destroy();
		doc.destroy();
		started = performance.now();
		checkXlsxUpload(file);
		const { state } = buildImportedWorkbook(await readXlsx(file));
		const importMs = performance.now() - started;
		results[`cells_${size}`] = {
			export_ms: Math.round(exportMs),
			export_loop_max_ms: Math.round(loop.max / 1e6),
			import_ms: Math.round(importMs),
			file_bytes: file.length,
			state_bytes: state.length,
			peak_rss_mib: Math.round(process.resourceUsage().maxRSS / 1024)
		};
	}
	return results;
}

if (import.meta.url === `file://${process.argv[1]}`) {
	console.log(JSON.stringify(await runFilesBench()));
}
