/**
 * Workbook core benchmark. Run directly (`npx tsx --expose-gc bench/core.bench.ts`) to print one
 * JSON line per figure, or import {@link runCoreBench} (the bench runner does). Figures:
 * - `paste_100k_cells_ms`: a 10,000 × 10 paste (50,000 numbers, 50,000 formulas) into a
 *   document, and `paste_100k_cells_with_evaluator_ms` with an evaluator attached;
 * - `build_evaluator_ms` vs `build_raw_hyperformula_ms` (buildFromSheets on the same A1 data)
 *   and their `build_ratio` (target ≤ 1.3);
 * - `edit_10k_dependents_ms` / `edit_1k_dependents_ms`: one cell edit until the change event
 *   (target < 10 ms for 1,000 dependents);
 * - `insert_row_ms`: inserting a row at the top of that sheet, until the change event;
 * - `heap_doc_per_100k_cells_mb` / `heap_evaluator_per_100k_cells_mb`: heap growth (needs
 *   `--expose-gc`, otherwise reported as "n/a").
 */
import { HyperFormula } from 'hyperformula';
import * as Y from 'yjs';
import { listSheets, seedBlankWorkbook } from '../src/lib/core/workbook-api';
import { createEvaluator } from '../src/lib/core/evaluator';
import { FORMULA_ENGINE_CONFIG } from '../src/lib/core/formula-engine';
import { pasteBlock, setCellInput } from '../src/lib/core/operations/cells';
import { insertLines } from '../src/lib/core/operations/structure';

const ROWS = Number(process.env.BENCH_ROWS ?? 10_000);

/** The benchmark workbook as typed text: A–E numbers, F–J formulas. */
function benchmarkBlock(): string[][] {
	const block: string[][] = [];
	for (let r = 1; r <= ROWS; r++) {
		block.push([
			String(r),
			String(r * 2),
			String(r % 7),
			String(r % 13),
			String(r / 4),
			`=A${r}*B${r}`,
			`=F${r}+C${r}`,
			`=SUM(A${r}:E${r})`,
			r <= 1000 ? `=H${r}+$B$1` : `=H${r}+C${r}`,
			`=$A$1*D${r}`
		]);
	}
	return block;
}

function heapMb(): number | undefined {
	const gc = (globalThis as { gc?: () => void }).gc;
	if (!gc) return undefined;
	gc();
	gc();
	return process.memoryUsage().heapUsed / 1_048_576;
}

function time<T>(run: () => T): [T, number] {
	const started = performance.now();
	const result = run();
	return [result, performance.now() - started];
}

function timeEdit(
	doc: Y.Doc,
	sheetId: string,
	address: string,
	text: string,
	evaluator: ReturnType<typeof createEvaluator>
): number {
	let changed = 0;
	const started = performance.now();
	const stop = evaluator.onChange(() => (changed = performance.now()));
	setCellInput(doc, sheetId, address, text);
	stop();
	return (changed || performance.now()) - started;
}

/** Runs the benchmark and returns its figures (milliseconds, megabytes, ratios). */
export async function runCoreBench(): Promise<Record<string, number | string>> {
	const block = benchmarkBlock();
	const results: Record<string, number | string> = { rows: ROWS, cols: 10, formulas: ROWS * 5 };

	const heapBefore = heapMb();
	const doc = new Y.Doc();
	seedBlankWorkbook(doc);
	const sheetId = listSheets(doc)[0].id;
	const [, pasteMs] = time(() => pasteBlock(doc, sheetId, 'A1', block));
	results.paste_100k_cells_ms = round(pasteMs);
	const heapDoc = heapMb();

	const [evaluator, buildMs] = time(() => createEvaluator(doc));
	const heapEvaluator = heapMb();
	results.build_evaluator_ms = round(buildMs);
	const [raw, rawMs] = time(() =>
		HyperFormula.buildFromSheets(
			{ Sheet1: block.map((row) => row.map(toRaw)) },
			FORMULA_ENGINE_CONFIG
		)
	);
	raw.destroy();
	results.build_raw_hyperformula_ms = round(rawMs);
	results.build_ratio = round(buildMs / rawMs);

	results.edit_10k_dependents_ms = round(timeEdit(doc, sheetId, 'A1', '3', evaluator));
	results.edit_1k_dependents_ms = round(timeEdit(doc, sheetId, 'B1', '5', evaluator));
	let changed = 0;
	const stop = evaluator.onChange(() => (changed = performance.now()));
	const started = performance.now();
	insertLines(doc, sheetId, 'rows', 0, 1);
	stop();
	results.insert_row_ms = round((changed || performance.now()) - started);

	if (heapBefore !== undefined && heapDoc !== undefined && heapEvaluator !== undefined) {
		results.heap_doc_per_100k_cells_mb = round(heapDoc - heapBefore);
		results.heap_evaluator_per_100k_cells_mb = round(heapEvaluator - heapDoc);
	} else {
		results.heap_doc_per_100k_cells_mb = 'n/a (run with --expose-gc)';
	}
	evaluator.destroy();

	const live = new Y.Doc();
	seedBlankWorkbook(live);
	const liveEvaluator = createEvaluator(live);
	const [, livePasteMs] = time(() => pasteBlock(live, listSheets(live)[0].id, 'A1', block));
	results.paste_100k_cells_with_evaluator_ms = round(livePasteMs);
	liveEvaluator.destroy();
	return results;
}

function toRaw(text: string): string | number {
	return text.startsWith('=') ? text : Number(text);
}

function round(value: number): number {
	return Math.round(value * 100) / 100;
}

if (process.argv[1]?.endsWith('core.bench.ts')) {
	for (const [metric, value] of Object.entries(await runCoreBench())) {
		console.log(JSON.stringify({ bench: 'core', metric, value }));
	}
}
