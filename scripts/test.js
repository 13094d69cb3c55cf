// `npm test`: the whole suite, in the order that fails fastest — lint, type check, build, unit,
// integration (PGlite, and PostgreSQL too when TEST_DATABASE_URL is set), end to end in Chromium.
// Installs Debian's Chromium and LibreOffice Calc with apt-get when missing and we are root;
// otherwise says how.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
// The formula differential test recalculates with LibreOffice (tests/differential/libreoffice.ts).
const SOFFICE = process.env.SOFFICE_PATH || '/usr/bin/soffice';
const RESULTS = path.resolve('test-results');
const totals = { passed: 0, failed: 0, skipped: 0 };
let aptUpdated = false;

function run(label, command, args, env = {}) {
	console.log(`\n── ${label} ──`);
	const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
	return result.status === 0;
}

/**
 * Makes sure a program the tests need exists: installs its Debian package with apt-get when it
 * is missing and we are root; otherwise says how and stops.
 */
function ensureDebianPackage({ program, pkg, purpose, override }) {
	if (fs.existsSync(program)) return;
	const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
	if (isRoot && fs.existsSync('/usr/bin/apt-get')) {
		console.log(`${program} is missing: installing Debian’s ${pkg}…`);
		aptUpdated ||= run('apt-get update', 'apt-get', ['update', '-qq']);
		const ok =
			aptUpdated &&
			run(`apt-get install ${pkg}`, 'apt-get', ['install', '-y', '-qq', pkg], {
				DEBIAN_FRONTEND: 'noninteractive'
			});
		if (ok && fs.existsSync(program)) return;
	}
	console.error(
		`${purpose} need ${program}. Install it (Debian: sudo apt-get install ${pkg}) or set ${override}.`
	);
	process.exit(1);
}

function countVitest(file) {
	const report = JSON.parse(fs.readFileSync(file, 'utf8'));
	totals.passed += report.numPassedTests;
	totals.failed += report.numFailedTests;
	totals.skipped += report.numPendingTests + (report.numTodoTests ?? 0);
}

function countPlaywright(file) {
	const { stats } = JSON.parse(fs.readFileSync(file, 'utf8'));
	totals.passed += stats.expected + stats.flaky;
	totals.failed += stats.unexpected;
	totals.skipped += stats.skipped;
}

function finish(ok) {
	console.log(
		`\ntests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`
	);
	process.exit(ok ? 0 : 1);
}

ensureDebianPackage({
	program: CHROMIUM,
	pkg: 'chromium',
	purpose: 'The end-to-end tests',
	override: 'CHROMIUM_PATH'
});
ensureDebianPackage({
	program: SOFFICE,
	pkg: 'libreoffice-calc-nogui',
	purpose: 'The formula differential test',
	override: 'SOFFICE_PATH'
});
fs.mkdirSync(RESULTS, { recursive: true });
if (process.env.TEST_DATABASE_URL) {
	console.log(
		`Integration suites run on PGlite and on PostgreSQL (${process.env.TEST_DATABASE_URL}).`
	);
} else {
	console.log('Integration suites run on PGlite (set TEST_DATABASE_URL to add PostgreSQL).');
}

const steps = [
	['lint', 'npm', ['run', 'lint']],
	['type check', 'npm', ['run', 'check']],
	['build', 'npx', ['vite', 'build']]
];
for (const [label, command, args] of steps) {
	if (!run(label, command, args)) finish(false);
}

const vitestSuites = ['unit', 'integration'];
let ok = true;
for (const project of vitestSuites) {
	const report = path.join(RESULTS, `vitest-${project}.json`);
	const passed = run(`${project} tests`, 'npx', [
		'vitest',
		'run',
		'--project',
		project,
		'--reporter=default',
		'--reporter=json',
		`--outputFile.json=${report}`
	]);
	if (fs.existsSync(report)) countVitest(report);
	ok &&= passed;
}

const e2eReport = path.join(RESULTS, 'playwright.json');
const e2ePassed = run(
	'end-to-end tests (Chromium)',
	'npx',
	['playwright', 'test', '--reporter=list,json'],
	{
		PLAYWRIGHT_JSON_OUTPUT_NAME: e2eReport
	}
);
if (fs.existsSync(e2eReport)) countPlaywright(e2eReport);
finish(ok && e2ePassed);
