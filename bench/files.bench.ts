/**
 * File import/export benchmark (`npm run bench -- files`), in process on the server's own
 * modules. For a sheet of 10k and of 100k cells (four columns: three of numbers, one formula per
 * row), figures per size:
 * - `export_ms`: the export as the server runs it — dispatched to an evaluation worker
 *   (evaluation-pool.ts), which loads the workbook's replica, evaluates it, captures it and builds
 *   the XLSX — wall time until the bytes are back;
 * - `export_loop_max_ms`: the longest the event loop was blocked meanwhile (what an edit to
 *   another document would wait; target ≤ 50 ms), when the worker starts its replica from the
 *   stored parts as the server sends them (posting them, and receiving the bytes);
 * - `export_encoded_loop_max_ms`: the same when the dispatch encodes the whole document on the
 *   event loop instead (the way the server started replicas before), for comparison;
 * - `export_on_loop_ms`, `export_on_loop_max_ms`: the same export done on the event loop
 *   (capture with a local evaluator, then exceljs), the way exports ran before the pool, for
 *   comparison;
 * - `import_ms`: reading that XLSX back and building the workbook document, on this thread (the
 *   server does the same on an evaluation worker);
 * - `file_bytes`: the XLSX size; `peak_rss_mib`: the process's peak resident memory so far.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import * as Y from 'yjs';
import { createEvaluator } from '../src/lib/core/evaluator';
import { listSheetEntries } from '../src/lib/core/document-view';
import { setCellInputs } from '../src/lib/core/operations/cells';
import { seedBlankWorkbook } from '../src/lib/core/workbook-api';
import { EVALUATION_DEFAULTS } from '../src/lib/server/evaluation/evaluation-config';
import { EvaluationPool } from '../src/lib/server/evaluation/evaluation-pool';
import type { ExportedBytes } from '../src/lib/server/files/export-build';
import { buildImportedWorkbook } from '../src/lib/server/files/import-builder';
import { captureWorkbook } from '../src/lib/server/files/workbook-capture';
import { readXlsx } from '../src/lib/server/files/xlsx-import';
import { exportXlsx } from '../src/lib/server/files/xlsx-export';
import { checkXlsxUpload } from '../src/lib/server/files/zip-guard';

const SIZES = [10_000, 100_000];

const exportTask = {
	kind: 'export',
	format: 'xlsx',
	sheet: null,
	range: null,
	values: 'display',
	title: 'Bench',
	date: '2026-01-01'
} as const;

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

/** The longest event-loop stall (ms) while `run` runs, and its wall time (ms). */
async function measureLoop<T>(
	run: () => Promise<T>
): Promise<{ ms: number; maxMs: number; value: T }> {
	const loop = monitorEventLoopDelay({ resolution: 5 });
	loop.enable();
	const started = performance.now();
	const value = await run();
	const ms = performance.now() - started;
	loop.disable();
	return { ms: Math.round(ms), maxMs: Math.round(loop.max / 1e6), value };
}

/** Runs every size and returns the figures in the module comment. */
export async function runFilesBench(): Promise<Record<string, Record<string, number>>> {
	const results: Record<string, Record<string, number>> = {};
	const pool = new EvaluationPool({ ...EVALUATION_DEFAULTS, workers: 1 });
	pool.warmUp();
	// A first tiny export loads exceljs on the worker, as a server's first export would.
	await pool.dispatch('warm', buildDocument(4), exportTask);
	try {
		for (const size of SIZES) {
			const doc = buildDocument(size);
			const storedParts = [Y.encodeStateAsUpdate(doc)];
			const exportOnPool = (id: string, parts?: Uint8Array[]) =>
				measureLoop(async () => {
					const answer = await pool.dispatch(id, doc, exportTask, true, parts);
					if (answer.kind !== 'value') throw new Error(`export answered ${answer.kind}`);
					return (answer.value as ExportedBytes).bytes;
				});
			const onPool = await exportOnPool(`bench-${size}`, storedParts);
			const encoded = await exportOnPool(`bench-${size}-encoded`);
			const onLoop = await measureLoop(async () => {
				const evaluator = createEvaluator(doc);
				try {
					return await exportXlsx(captureWorkbook(doc, evaluator), 'Bench');
				} finally {
					evaluator.destroy();
				}
			});
			doc.destroy();
			const file = onPool.value;
			const started = performance.now();
			checkXlsxUpload(file);
			const { state } = buildImportedWorkbook(await readXlsx(file));
			const importMs = performance.now() - started;
			results[`cells_${size}`] = {
				export_ms: onPool.ms,
				export_loop_max_ms: onPool.maxMs,
				export_encoded_loop_max_ms: encoded.maxMs,
				export_on_loop_ms: onLoop.ms,
				export_on_loop_max_ms: onLoop.maxMs,
				import_ms: Math.round(importMs),
				file_bytes: file.length,
				state_bytes: state.length,
				peak_rss_mib: Math.round(process.resourceUsage().maxRSS / 1024)
			};
		}
	} finally {
		await pool.close();
	}
	return results;
}

if (import.meta.url === `file://${process.argv[1]}`) {
	console.log(JSON.stringify(await runFilesBench()));
}
