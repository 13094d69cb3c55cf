/**
 * `npm run bench [-- name…]`: runs the benchmarks (all, or those named) one after another and
 * prints each one's results as a JSON line (format in bench/results.ts); the same lines are
 * written to bench/results/latest.jsonl. The app must be built (`npx vite build`) for the
 * benchmarks that start a server; this script builds it when `build/` is missing.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { flattenResults, printResults, type BenchRecord } from './results';

interface BenchEntry {
	name: string;
	file: string;
	run: string;
	needsBuild: boolean;
}

const BENCHES: BenchEntry[] = [
	{ name: 'core', file: 'core.bench.ts', run: 'runCoreBench', needsBuild: false },
	{ name: 'templates', file: 'templates.bench.ts', run: 'runTemplatesBench', needsBuild: false },
	{ name: 'auth', file: 'auth.bench.ts', run: 'runAuthBench', needsBuild: true },
	{ name: 'collab', file: 'collab.bench.ts', run: 'runCollabBench', needsBuild: true },
	{ name: 'editor', file: 'editor.bench.ts', run: 'runEditorBench', needsBuild: true },
	{ name: 'files', file: 'files.bench.ts', run: 'runFilesBench', needsBuild: false },
	{ name: 'books', file: 'books.bench.ts', run: 'runBooksBench', needsBuild: false },
	{ name: 'scenarios', file: 'scenarios.bench.ts', run: 'runScenariosBench', needsBuild: true },
	{ name: 'portfolio', file: 'portfolio.bench.ts', run: 'runPortfolioBench', needsBuild: true },
	{ name: 'history', file: 'history.bench.ts', run: 'runHistoryBench', needsBuild: true }
];

function ensureBuilt(): void {
	const handler = path.resolve(process.env.BUILD_DIR || 'build', 'handler.js');
	if (fs.existsSync(handler)) return;
	const result = spawnSync('npx', ['vite', 'build'], { stdio: 'inherit' });
	if (result.status !== 0)
		throw new Error('The build failed; benchmarks that need a server cannot run.');
}

async function main(): Promise<void> {
	const wanted = process.argv.slice(2).filter((arg) => !arg.startsWith('-'));
	const selected = BENCHES.filter((bench) => wanted.length === 0 || wanted.includes(bench.name));
	const records: BenchRecord[] = [];
	let failed = false;
	for (const bench of selected) {
		const file = path.resolve('bench', bench.file);
		if (!fs.existsSync(file)) continue;
		try {
			if (bench.needsBuild) ensureBuilt();
			const module = (await import(pathToFileURL(file).href)) as Record<
				string,
				() => Promise<Record<string, unknown>>
			>;
			records.push(printResults(bench.name, flattenResults(await module[bench.run]())));
		} catch (error) {
			failed = true;
			records.push(printResults(bench.name, { error: String(error) }));
		}
	}
	fs.mkdirSync('bench/results', { recursive: true });
	fs.writeFileSync(
		'bench/results/latest.jsonl',
		records.map((record) => JSON.stringify(record)).join('\n') + '\n'
	);
	process.exit(failed ? 1 : 0);
}

await main();
