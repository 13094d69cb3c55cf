import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { clearRange, setCellInputs } from '../../core/operations/cells';
import { listSheets, seedBlankWorkbook } from '../../core/workbook-api';
import { EVALUATION_DEFAULTS, type EvaluationConfig } from './evaluation-config';
import { EvaluationOverBudgetError, EvaluationPool } from './evaluation-pool';
import type { CellsReading, EvaluationAnswer } from './evaluation-tasks';

let pool: EvaluationPool | undefined;

afterEach(async () => {
	await pool?.close();
	pool = undefined;
});

function startPool(overrides: Partial<EvaluationConfig> = {}): EvaluationPool {
	pool = new EvaluationPool({ ...EVALUATION_DEFAULTS, workers: 1, ...overrides });
	return pool;
}

function workbook(cells: Record<string, string>): Y.Doc {
	const doc = new Y.Doc();
	seedBlankWorkbook(doc);
	const sheetId = listSheets(doc)[0].id;
	const updates = Object.entries(cells).map(([address, text]) => ({ address, text }));
	setCellInputs(doc, sheetId, updates);
	return doc;
}

function values(answer: EvaluationAnswer): unknown[][] {
	if (answer.kind !== 'value') throw new Error(`expected a value, got ${JSON.stringify(answer)}`);
	return (answer.value as CellsReading).cells.map((row) => row.map((cell) => cell.value));
}

/** Formulas that take the worker a while: each multiplies two 200×200 matrices. */
const SLOW = Object.fromEntries(
	Array.from({ length: 400 }, (_, index) => [
		`A${index + 1}`,
		`=SUM(MMULT(SEQUENCE(200,200),SEQUENCE(200,200)))+${index}`
	])
);

// Each test starts worker threads, which load the core through tsx: seconds on a busy machine.
describe('evaluation pool', { timeout: 30_000 }, () => {
	it('evaluates on a worker and follows later edits of the same document', async () => {
		const pool = startPool();
		const doc = workbook({ A1: '2', A2: '=A1*21' });
		const task = { kind: 'cells', sheet: null, range: 'A1:A2' } as const;
		expect(values(await pool.dispatch('w1', doc, task))).toEqual([[2], [42]]);
		setCellInputs(doc, listSheets(doc)[0].id, [{ address: 'A1', text: '3' }]);
		expect(values(await pool.dispatch('w1', doc, task))).toEqual([[3], [63]]);
		expect(values(await pool.dispatch('w1', doc, task))).toEqual([[3], [63]]);
	});

	it('starts a replica from stored parts, then follows edits by their difference', async () => {
		const pool = startPool();
		const doc = workbook({ A1: '2', A2: '=A1*21' });
		const snapshot = Y.encodeStateAsUpdate(doc);
		const before = Y.encodeStateVector(doc);
		setCellInputs(doc, listSheets(doc)[0].id, [{ address: 'A1', text: '4' }]);
		const parts = [snapshot, Y.encodeStateAsUpdate(doc, before)];
		const task = { kind: 'cells', sheet: null, range: 'A1:A2' } as const;
		expect(values(await pool.dispatch('w1', doc, task, false, parts))).toEqual([[4], [84]]);
		setCellInputs(doc, listSheets(doc)[0].id, [{ address: 'A1', text: '5' }]);
		expect(values(await pool.dispatch('w1', doc, task, false, parts))).toEqual([[5], [105]]);
	});

	it('follows an edit that only deletes (the state vector stays the same)', async () => {
		const pool = startPool();
		const doc = workbook({ A1: '2', A2: '=A1*21' });
		const task = { kind: 'cells', sheet: null, range: 'A1:A2' } as const;
		expect(values(await pool.dispatch('w1', doc, task))).toEqual([[2], [42]]);
		const before = Y.encodeStateVector(doc);
		clearRange(doc, listSheets(doc)[0].id, 'A1');
		expect(Y.encodeStateVector(doc)).toEqual(before);
		expect(values(await pool.dispatch('w1', doc, task))).toEqual([[null], [0]]);
	});

	it('answers a core refusal as refused, with its code', async () => {
		const pool = startPool();
		const doc = workbook({ A1: '1' });
		const answer = await pool.dispatch('w1', doc, { kind: 'cells', sheet: 'Nope', range: 'A1' });
		expect(answer).toMatchObject({ kind: 'refused', code: 'unknown_sheet', missing: false });
	});

	it('stops a request past its time budget, and a fresh worker answers the next one', async () => {
		const pool = startPool({ timeoutMs: 1_500 });
		const fast = workbook({ A1: '=6*7' });
		await pool.dispatch('fast', fast, { kind: 'cells', sheet: null, range: 'A1' });
		const slow = workbook(SLOW);
		const stopped = pool.dispatch('slow', slow, { kind: 'cells', sheet: null, range: 'A1' });
		const queued = pool.dispatch('fast', fast, { kind: 'cells', sheet: null, range: 'A1' });
		await expect(stopped).rejects.toBeInstanceOf(EvaluationOverBudgetError);
		await expect(queued).rejects.toThrow(/replaced before it ran/);
		const again = await pool.dispatch(
			'fast',
			fast,
			{ kind: 'cells', sheet: null, range: 'A1' },
			true
		);
		expect(values(again)).toEqual([[42]]);
	});

	it('stops a worker that runs out of its heap', async () => {
		const pool = startPool({ memoryMb: 32, timeoutMs: 30_000 });
		const hungry = workbook({
			A1: '=SUM(SEQUENCE(1000,1000)*SEQUENCE(1000,1000)*SEQUENCE(1000,1000)*SEQUENCE(1000,1000))'
		});
		const answer = pool.dispatch('hungry', hungry, { kind: 'cells', sheet: null, range: 'A1' });
		await expect(answer).rejects.toMatchObject({ budget: 'memory' });
		const fine = workbook({ A1: '=1+1' });
		expect(
			values(await pool.dispatch('fine', fine, { kind: 'cells', sheet: null, range: 'A1' }))
		).toEqual([[2]]);
	});

	it('closes while its workers are still warming up without leaving an unhandled rejection', async () => {
		const unhandled: unknown[] = [];
		const record = (reason: unknown) => unhandled.push(reason);
		process.on('unhandledRejection', record);
		try {
			const pool = startPool({ workers: 2 });
			pool.warmUp();
			await pool.close();
			await new Promise((resolve) => setTimeout(resolve, 50));
			expect(unhandled).toEqual([]);
		} finally {
			process.off('unhandledRejection', record);
		}
	});
});
