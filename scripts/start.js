#!/usr/bin/env node
// The main job (README): build the app, load the bundled samples into the embedded database
// (PGlite in .data/pglite unless DATABASE_URL is set), then serve the dashboard on localhost.
import { spawnSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';

const env = { ...process.env };
const port = env.PORT ?? '3000';
const host = env.HOST ?? '127.0.0.1';

function step(title, cmd, args) {
	process.stdout.write(`\n▶ ${title}\n  $ ${cmd} ${args.join(' ')}\n`);
	const r = spawnSync(cmd, args, { stdio: 'inherit', env });
	if (r.status !== 0) {
		process.stderr.write(`✗ ${title} failed (exit ${r.status ?? r.signal})\n`);
		process.exit(r.status ?? 1);
	}
}

const tsx = 'node_modules/.bin/tsx';
if (!existsSync(tsx)) {
	process.stderr.write('Dependencies are missing: run `npm ci` first.\n');
	process.exit(2);
}
step('สร้างแอป / build the app', 'node_modules/.bin/vite', ['build']);
step('นำเข้าทะเบียน อปท. (ตัวอย่าง) / import the LAO register sample', tsx, [
	'etl/cli.ts',
	'registry',
	'import',
	env.SUJARIT_REGISTRY ?? 'fixtures/registry/dla-sample.csv'
]);
step('นำเข้าเอกสารตัวอย่าง / ingest the sample documents', tsx, [
	'etl/cli.ts',
	'ingest',
	'fixtures/seeds'
]);

process.stdout.write(
	`\n▶ แดชบอร์ด / dashboard: http://${host === '0.0.0.0' ? 'localhost' : host}:${port}/\n`
);
const server = spawn('node', ['build'], {
	stdio: 'inherit',
	env: { ...env, PORT: port, HOST: host }
});
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => server.kill(sig));
server.on('exit', (code) => process.exit(code ?? 0));
