#!/usr/bin/env node
// The whole test suite (README): unit, database (PGlite AND PostgreSQL), ETL end to end, crash
// recovery (the ETL killed and rerun, tests/crash), and the browser tests in Debian's Chromium.
// It never skips a part because something is missing: it tries to provide it (Chromium via
// apt-get when root, PostgreSQL via pg_ctlcluster) and otherwise fails loudly, saying what to do.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import net from 'node:net';

const env = { ...process.env };
env.TEST_DATABASE_URL ??= 'postgres://postgres@127.0.0.1:5432/postgres';
env.CHROMIUM_PATH ??= '/usr/bin/chromium';

function run(cmd, args, opts = {}) {
	return spawnSync(cmd, args, { stdio: 'inherit', env, ...opts });
}
function fail(msg) {
	process.stderr.write(`\n✗ ${msg}\n`);
	process.exit(1);
}
function canConnect(url) {
	const u = new URL(url);
	return new Promise((resolve) => {
		const s = net.connect({ host: u.hostname, port: Number(u.port || 5432) });
		s.setTimeout(3000);
		s.on('connect', () => (s.destroy(), resolve(true)));
		s.on('error', () => resolve(false));
		s.on('timeout', () => (s.destroy(), resolve(false)));
	});
}

// 1. Chromium for the browser tests.
if (!existsSync(env.CHROMIUM_PATH)) {
	const isRoot = process.getuid?.() === 0;
	if (isRoot && existsSync('/usr/bin/apt-get')) {
		process.stdout.write('▶ installing Debian chromium for the browser tests\n');
		run('apt-get', ['update', '-qq']);
		run('apt-get', ['install', '-y', '-qq', 'chromium'], {
			env: { ...env, DEBIAN_FRONTEND: 'noninteractive' }
		});
	}
	if (!existsSync(env.CHROMIUM_PATH)) {
		fail(
			`Chromium not found at ${env.CHROMIUM_PATH}: apt-get install chromium (or set CHROMIUM_PATH).`
		);
	}
}

// 2. PostgreSQL for the database suite (it runs on PGlite and on PostgreSQL, always both).
if (!(await canConnect(env.TEST_DATABASE_URL))) {
	if (existsSync('/usr/bin/pg_ctlcluster') && existsSync('/etc/postgresql')) {
		const version = spawnSync('ls', ['/etc/postgresql']).stdout.toString().trim().split('\n')[0];
		process.stdout.write(`▶ starting PostgreSQL ${version}\n`);
		run('pg_ctlcluster', ['--skip-systemctl-redirect', version, 'main', 'start']);
	}
	if (!(await canConnect(env.TEST_DATABASE_URL))) {
		fail(`PostgreSQL is not reachable at ${env.TEST_DATABASE_URL} (set TEST_DATABASE_URL).`);
	}
}

// 3. The app must build (the browser tests serve the built app).
if (run('node_modules/.bin/svelte-kit', ['sync']).status !== 0) fail('svelte-kit sync failed');
if (run('node_modules/.bin/vite', ['build', '--logLevel', 'warn']).status !== 0)
	fail('vite build failed');

// 4. Every project, one runner.
mkdirSync('test-results', { recursive: true });
const extra = process.argv.slice(2);
const r = run('node_modules/.bin/vitest', [
	'run',
	'--reporter=default',
	'--reporter=json',
	'--outputFile.json=test-results/vitest.json',
	...extra
]);
let summary = '';
try {
	const j = JSON.parse(readFileSync('test-results/vitest.json', 'utf8'));
	summary = `${j.numPassedTests} passed, ${j.numFailedTests} failed, ${j.numPendingTests + j.numTodoTests} skipped`;
	if (j.numTotalTests === 0) {
		process.stdout.write('\nno test ran\n');
		process.exit(1);
	}
} catch {
	summary = '';
}
if (summary) process.stdout.write(`\ntests: ${summary}\n`);
process.exit(r.status ?? 1);
