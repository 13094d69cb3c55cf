// `npm start`: builds the app when the build is missing or older than the sources, then runs
// server/index.ts in this process (TypeScript through tsx).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const BUILD_MARKER = path.resolve('build/handler.js');
const SOURCES = ['src', 'static', 'svelte.config.js', 'vite.config.ts', 'package-lock.json'];

function newestModification(entry) {
	if (!fs.existsSync(entry)) return 0;
	const stat = fs.statSync(entry);
	if (!stat.isDirectory()) return stat.mtimeMs;
	let newest = stat.mtimeMs;
	for (const child of fs.readdirSync(entry)) {
		newest = Math.max(newest, newestModification(path.join(entry, child)));
	}
	return newest;
}

function buildIsStale() {
	if (!fs.existsSync(BUILD_MARKER)) return true;
	const built = fs.statSync(BUILD_MARKER).mtimeMs;
	return SOURCES.some((source) => newestModification(source) > built);
}

if (buildIsStale()) {
	console.log('Building InvestFlow…');
	const result = spawnSync('npx', ['vite', 'build'], { stdio: 'inherit' });
	if (result.status !== 0) process.exit(result.status ?? 1);
}

const { register } = await import('tsx/esm/api');
register();
const { main } = await import('../server/index.ts');
await main();
