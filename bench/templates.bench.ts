/**
 * Template seeding benchmark. Run directly (`npx tsx bench/templates.bench.ts`) to print one
 * JSON line per template, or import {@link runTemplatesBench}. Figures per template:
 * - `seed_first_ms`: the first `seedTemplate` in a fresh process (cold: JIT, formula parser);
 * - `seed_median_ms`: median wall time of the following runs (target < 200 ms for `property`),
 *   and `seed_median_cpu_ms`, their CPU time (user + system), which a busy host inflates less;
 * - `evaluator_median_ms`: median time to build an evaluator over the seeded document;
 * - `update_bytes`: size of the document's first Yjs update.
 */
import * as Y from 'yjs';
import { createEvaluator } from '../src/lib/core/evaluator';
import { TEMPLATES, seedTemplate } from '../src/lib/core/templates';

const RUNS = 15;

function median(values: number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.floor(sorted.length / 2)];
}

/** CPU milliseconds of this process (user + system): steadier than wall time on a busy host. */
function cpuMs(): number {
	const { user, system } = process.cpuUsage();
	return (user + system) / 1000;
}

function seedOnce(templateId: string): { doc: Y.Doc; ms: number; cpu: number } {
	const doc = new Y.Doc();
	const started = performance.now();
	const cpuStarted = cpuMs();
	seedTemplate(doc, templateId);
	return { doc, ms: performance.now() - started, cpu: cpuMs() - cpuStarted };
}

/** Seeds every template {@link RUNS} times and returns the figures in the module comment. */
export async function runTemplatesBench(): Promise<Record<string, Record<string, number>>> {
	const results: Record<string, Record<string, number>> = {};
	for (const { id } of TEMPLATES) {
		const first = seedOnce(id).ms;
		const seeds: number[] = [];
		const cpus: number[] = [];
		const evaluators: number[] = [];
		let bytes = 0;
		for (let i = 0; i < RUNS; i++) {
			const { doc, ms, cpu } = seedOnce(id);
			seeds.push(ms);
			cpus.push(cpu);
			const started = performance.now();
			createEvaluator(doc).destroy();
			evaluators.push(performance.now() - started);
			bytes = Y.encodeStateAsUpdate(doc).length;
		}
		results[id] = {
			seed_first_ms: Math.round(first),
			seed_median_ms: Math.round(median(seeds)),
			seed_median_cpu_ms: Math.round(median(cpus)),
			evaluator_median_ms: Math.round(median(evaluators)),
			update_bytes: bytes
		};
	}
	return results;
}

if (import.meta.url === `file://${process.argv[1]}`) {
	for (const [id, figures] of Object.entries(await runTemplatesBench())) {
		console.log(JSON.stringify({ template: id, ...figures }));
	}
}
