/**
 * Long run of the workbook core's convergence property (see
 * `src/lib/core/convergence-harness.ts`). Usage: `npx tsx scripts/fuzz-core.ts --runs 10000
 * [--seed 42]`. Prints the seed, progress, and a shrunk counterexample on failure (exit 1).
 */
import fc from 'fast-check';
import { convergenceProperty } from '../src/lib/core/convergence-harness';

function argument(name: string): number | undefined {
	const index = process.argv.indexOf(`--${name}`);
	return index >= 0 ? Number(process.argv[index + 1]) : undefined;
}

const runs = argument('runs') ?? 1000;
const seed = argument('seed') ?? Date.now() % 2 ** 31;
console.log(JSON.stringify({ fuzz: 'core-convergence', runs, seed }));
const started = performance.now();
const result = fc.check(convergenceProperty, { numRuns: runs, seed });
const seconds = ((performance.now() - started) / 1000).toFixed(1);
if (result.failed) {
	console.error(fc.defaultReportMessage(result));
	process.exit(1);
}
console.log(JSON.stringify({ ok: true, runs: result.numRuns, seconds }));
