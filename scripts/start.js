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
// A modest national demo beside the three real documents, so that a newcomer sees every province
// at once. Synthetic throughout (is_synthetic, names "…สาธิต…", codes 9xxxxxx) and labelled in the
// UI. SUJARIT_DEMO_LAOS=0 leaves it out; the same seed gives the same documents, so a second start
// finds them already loaded (duplicates) instead of doubling them.
const demoLaos = env.SUJARIT_DEMO_LAOS ?? '150';
if (!/^\d+$/.test(demoLaos)) {
	process.stderr.write(
		`SUJARIT_DEMO_LAOS must be a whole number, got ${JSON.stringify(demoLaos)}\n`
	);
	process.exit(2);
}
if (demoLaos !== '0') {
	step('สร้างและนำเข้าข้อมูลสาธิต (สังเคราะห์) / generate and ingest synthetic demo data', tsx, [
		'etl/cli.ts',
		'demo',
		'--laos',
		demoLaos,
		'--years',
		'2564-2568',
		'--seed',
		'1',
		'--out',
		'.data/demo-start'
	]);
}

// The public pages (/ and /releases) show published releases only: the first start publishes
// one of what it just loaded, so that a newcomer's / shows data. Later starts leave the releases
// as they are (--if-none); publishing again is an analyst's decision (/publish or the CLI).
step('เผยแพร่ฉบับแรกถ้ายังไม่มี / publish a first release if none exists', tsx, [
	'etl/cli.ts',
	'release',
	'publish',
	'--if-none',
	'--note',
	'ฉบับแรก เผยแพร่อัตโนมัติเมื่อเริ่มระบบ (npm start) / first release, published by npm start'
]);

// The dashboard is behind a sign-in: on the very first start (no account at all) an admin is
// created with a random password, printed here once. Later starts print nothing of it.
step('บัญชีผู้ดูแลระบบคนแรก / the first administrator account', tsx, [
	'scripts/users.ts',
	'first-admin'
]);

process.stdout.write(
	`\n▶ แดชบอร์ด / dashboard: http://${host === '0.0.0.0' ? 'localhost' : host}:${port}/\n`
);
// adapter-node takes the site's origin from ORIGIN (https otherwise): without it, the form actions
// (publishing a release at /publish) would fail SvelteKit's cross-site check over plain http.
const origin = env.ORIGIN ?? `http://${host === '0.0.0.0' ? 'localhost' : host}:${port}`;
const server = spawn('node', ['build'], {
	stdio: 'inherit',
	env: { ...env, PORT: port, HOST: host, ORIGIN: origin }
});
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => server.kill(sig));
server.on('exit', (code) => process.exit(code ?? 0));
