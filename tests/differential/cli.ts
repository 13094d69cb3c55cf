/**
 * `npm run fuzz:formulas -- --seed N --count N [--seeds K]`: longer differential runs against
 * LibreOffice, printing disagreements grouped by function and cause. Exits 1 when any
 * disagreement is unexplained (neither excluded nor a known failure of issue 28).
 */
import { parseArgs } from 'node:util';
import { runDifferential } from './run';
import { formatSummary } from './summary';

const { values } = parseArgs({
	options: {
		seed: { type: 'string', default: '1' },
		count: { type: 'string', default: '1000' },
		seeds: { type: 'string', default: '1' }
	}
});
const firstSeed = Number(values.seed);
const count = Number(values.count);
const seeds = Number(values.seeds);
if (![firstSeed, count, seeds].every(Number.isInteger) || count < 1 || seeds < 1) {
	console.error('Usage: npm run fuzz:formulas -- --seed N --count N [--seeds K] (whole numbers)');
	process.exit(2);
}

let unexplained = 0;
for (let seed = firstSeed; seed < firstSeed + seeds; seed++) {
	const started = performance.now();
	const results = await runDifferential(seed, count);
	console.log(formatSummary(seed, results));
	console.log(`  (${((performance.now() - started) / 1000).toFixed(1)} s)\n`);
	unexplained += results.filter((r) => r.cause && r.knownCause === undefined).length;
}
process.exit(unexplained > 0 ? 1 : 0);
