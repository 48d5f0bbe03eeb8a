/**
 * Load (hardening, campaign 6), on the built app (`npx vite build` first) and a PostgreSQL copy
 * of the national demo — never sujarit_bench itself (accounts and a release are written):
 *   createdb -h 127.0.0.1 -U postgres -T sujarit_bench sujarit_load   # nobody on sujarit_bench
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/sujarit_load npm run bench:load [-- --quick]
 *
 * 1. analyses the copy if it has no planner statistics, reads the LAOs, documents, years and
 *    releases (publishing one if there is none), and makes
 *    the cast's accounts through `npm run users` (20 officers over PROVINCE_SETS, 20 analysts,
 *    5 admins; 5 anonymous readers need none);
 * 2. starts the server on core 0 (`taskset -c 0 node --import ./bench/lib/event-loop-delay.js
 *    build`: the preload reports the event-loop delay per window, on SIGUSR2);
 * 3. warms every scope of the cast (national and each officer's provinces): /overview, which
 *    starts the app's own warm-up, then every extract (brotli) and /api/overview, and the public
 *    release extracts; then waits for the server's CPU to go quiet (the quality-11 brotli
 *    upgrades run in the background), so that extracts are measured as cached;
 * 4. mixed run: the generator (bench/lib/load/generator.ts), a process of its own on core 1,
 *    50 closed-loop connections for 60 s over pages, __data.json, APIs, extracts and sign-ins,
 *    with every status judged per role × route, and officers' bodies checked for other
 *    provinces' LAO codes (isolation);
 * 5. stepped run: 1, 2, 5, 10, 20, 50, 100, 200 connections, 10 s each: requests/s and p99.
 * `--quick`: 10 connections for 10 s, steps 1 and 10 for 3 s each, and at most 10 s waiting for the
 * server to go quiet after the warm-up (a smoke test).
 *
 * Prints the tables and writes bench/results/load.json (load.quick.json with --quick).
 * PostgreSQL is not pinned: it shares both cores with the server and the generator.
 */
import { randomBytes } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { startApp, waitIdle, type App } from './lib/app.ts';
import { eldWindow } from './lib/load/eld.ts';
import {
	ensureAccounts,
	ensureRelease,
	ensureStatistics,
	readFixtures
} from './lib/load/fixtures.ts';
import type { GeneratorConfig, GeneratorResult } from './lib/load/generator.ts';
import { classTable, kindTable, stepTable, targetRows, TARGETS } from './lib/load/report.ts';
import { cast, type LoadUser } from './lib/load/scenario.ts';

const ROOT = new URL('../', import.meta.url).pathname;
const QUICK = process.argv.includes('--quick');
const DATABASE_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/sujarit_load';
/** Officers' provinces: the largest (นครราชสีมา 30), others of each region, one pair. */
const PROVINCE_SETS = [['30'], ['50'], ['40'], ['90'], ['15', '52'], ['34'], ['20'], ['10']];
const PLAN = QUICK
	? { cast: 10, mixed: { connections: 10, durationMs: 10_000 }, steps: [1, 10], stepMs: 3_000 }
	: {
			cast: 50,
			mixed: { connections: 50, durationMs: 60_000 },
			steps: [1, 2, 5, 10, 20, 50, 100, 200],
			stepMs: 10_000
		};
const SERVER_CORE = '0';
const GENERATOR_CORE = '1';

const round2 = (n: number) => Math.round(n * 100) / 100;
const load = () => loadavg().map(round2);

function refuseTemplate(url: string): void {
	const name = new URL(url).pathname.slice(1);
	if (name === 'sujarit_bench') {
		throw new Error(
			'bench:load writes accounts and a release: run it on a copy (createdb -T sujarit_bench sujarit_load)'
		);
	}
}

/** Which cores a process may run on, as the kernel says (taskset's effect, verified). */
function cpusAllowed(pid: number): string {
	const status = readFileSync(`/proc/${pid}/status`, 'utf8');
	return /Cpus_allowed_list:\s*(\S+)/.exec(status)?.[1] ?? '?';
}

function gitCommit() {
	const head = spawnSync('git', ['rev-parse', 'HEAD'], { cwd: ROOT, encoding: 'utf8' });
	// Results of earlier runs are no change to the code measured.
	const dirty = spawnSync(
		'git',
		['status', '--porcelain', '--untracked-files=no', '--', '.', ':(exclude)bench/results'],
		{ cwd: ROOT, encoding: 'utf8' }
	);
	return { commit: head.stdout.trim(), dirty: dirty.stdout.trim().length > 0 };
}

async function signIn(app: App, user: LoadUser, password: string): Promise<string> {
	const res = await fetch(`${app.url}/login`, {
		method: 'POST',
		redirect: 'manual',
		headers: {
			origin: app.url,
			accept: 'text/html',
			'content-type': 'application/x-www-form-urlencoded'
		},
		body: new URLSearchParams({ username: user.username!, password })
	});
	const cookie = res.headers.getSetCookie().find((c) => c.startsWith('sujarit_session='));
	if (res.status !== 303 || !cookie) throw new Error(`warm-up sign-in of ${user.username}`);
	return cookie.split(';')[0]!;
}

const EXTRACTS = [
	'facts_cube',
	'dim_lao',
	'dim_province',
	'dim_document',
	'facts_plan',
	'facts_report'
];

/** Every scope of the cast, once: what its first reader would have made the server build. */
async function warmUp(app: App, users: LoadUser[], releases: number[], password: string) {
	const scopes = new Map<string, LoadUser>();
	for (const u of users) {
		if (u.role === 'anonymous') continue;
		const key = u.role === 'province_officer' ? u.provinces.join(',') : 'national';
		if (!scopes.has(key)) scopes.set(key, u);
	}
	const out: Record<string, Record<string, number>> = {};
	const get = async (path: string, headers: Record<string, string>) => {
		const t0 = performance.now();
		const res = await fetch(`${app.url}${path}`, { headers, redirect: 'manual' });
		await res.arrayBuffer();
		if (res.status !== 200) throw new Error(`warm-up ${path}: HTTP ${res.status}`);
		return Math.round(performance.now() - t0);
	};
	for (const [key, user] of scopes) {
		const cookie = await signIn(app, user, password);
		const times: Record<string, number> = {};
		times['/overview'] = await get('/overview', { cookie, accept: 'text/html' });
		for (const name of EXTRACTS) {
			times[name] = await get(`/api/extracts/${name}`, { cookie, 'accept-encoding': 'br' });
		}
		times['/api/overview'] = await get('/api/overview', { cookie, 'accept-encoding': 'br' });
		out[key] = times;
		process.stdout.write(`  warmed ${key}: ${JSON.stringify(times)}\n`);
	}
	const times: Record<string, number> = {};
	for (const v of releases) {
		for (const name of ['release_figures', 'release_laos']) {
			times[`${v}/${name}`] = await get(`/api/public/releases/${v}/${name}`, {
				'accept-encoding': 'br'
			});
		}
	}
	out.public = times;
	return out;
}

function runGenerator(config: GeneratorConfig, dir: string, label: string): GeneratorResult {
	const file = join(dir, `${label}.config.json`);
	writeFileSync(file, JSON.stringify(config));
	// Synchronous on purpose: this process does nothing while the generator measures.
	const r = spawnSync(
		'taskset',
		[
			'-c',
			GENERATOR_CORE,
			join(ROOT, 'node_modules/.bin/tsx'),
			'bench/lib/load/generator.ts',
			file
		],
		{ cwd: ROOT, stdio: 'inherit' }
	);
	if (r.status !== 0) throw new Error(`the ${label} generator exited ${r.status}`);
	return JSON.parse(readFileSync(config.out, 'utf8')) as GeneratorResult;
}

async function main() {
	refuseTemplate(DATABASE_URL);
	process.env.DATABASE_URL = DATABASE_URL;
	if (!existsSync(join(ROOT, 'build/index.js'))) throw new Error('build first: npx vite build');
	const loadavgStart = load();
	const dir = mkdtempSync(join(tmpdir(), 'sujarit-load-'));
	const eldFile = join(dir, 'eld.json');

	process.stdout.write(`▶ database ${new URL(DATABASE_URL).pathname.slice(1)}\n`);
	if (await ensureStatistics()) process.stdout.write('  no planner statistics: analysed\n');
	process.stdout.write(`  ${ensureRelease(ROOT).split('\n').at(-1)}\n`);
	const { fixtures, register } = await readFixtures();
	const sets = PROVINCE_SETS.filter((set) => set.every((p) => (fixtures.laos[p]?.length ?? 0) > 0));
	if (sets.length === 0 || fixtures.releases.length === 0) throw new Error('no data to load');
	const users = cast(PLAN.cast, sets);
	const password = randomBytes(18).toString('base64url');
	const t0 = performance.now();
	await ensureAccounts(ROOT, users, password);
	process.stdout.write(
		`▶ ${users.filter((u) => u.username).length} accounts ready (${Math.round(performance.now() - t0)} ms)\n`
	);

	const app = await startApp(ROOT, {
		wrap: ['taskset', '-c', SERVER_CORE],
		nodeArgs: ['--import', './bench/lib/event-loop-delay.js'],
		env: { LOAD_ELD_FILE: eldFile },
		signIn: false,
		logFile: join(dir, 'server.log')
	});
	try {
		process.stdout.write(
			`▶ server pid ${app.pid} on cores ${cpusAllowed(app.pid)}; warming every scope\n`
		);
		const warm0 = performance.now();
		const warmed = await warmUp(app, users, fixtures.releases, password);
		// --quick does not wait out the quality-11 brotli upgrades (minutes nationally): a smoke test.
		const idleWaitMs = await waitIdle(app.pid, 3000, QUICK ? 10_000 : undefined);
		const warmEld = await eldWindow(app.pid, eldFile);
		const warmUpMs = Math.round(performance.now() - warm0);
		process.stdout.write(
			`  warm-up done in ${warmUpMs} ms (of which ${idleWaitMs} ms waiting for the server to go quiet); event-loop p99 during warm-up ${warmEld.p99Ms} ms, max ${warmEld.maxMs} ms\n`
		);

		const base: Omit<GeneratorConfig, 'mixed' | 'steps' | 'out'> = {
			baseUrl: app.url,
			serverPid: app.pid,
			eldFile,
			password,
			fixtures,
			register,
			provinceSets: sets,
			castSize: PLAN.cast,
			sampleEvery: 50,
			seed: 6
		};
		process.stdout.write(
			`▶ mixed run: ${PLAN.mixed.connections} connections for ${PLAN.mixed.durationMs / 1000} s (generator on core ${GENERATOR_CORE})\n`
		);
		const mixed = runGenerator(
			{ ...base, mixed: PLAN.mixed, steps: null, out: join(dir, 'mixed.json') },
			dir,
			'mixed'
		).mixed!;
		const afterMixed = await eldWindow(app.pid, eldFile);
		const quietAfterMixedMs = await waitIdle(app.pid, 3000, QUICK ? 10_000 : undefined);

		process.stdout.write(
			`▶ stepped run: ${PLAN.steps.join(', ')} connections, ${PLAN.stepMs / 1000} s each\n`
		);
		const stepped = runGenerator(
			{
				...base,
				mixed: null,
				steps: { connections: PLAN.steps, durationMs: PLAN.stepMs },
				out: join(dir, 'stepped.json')
			},
			dir,
			'stepped'
		);
		const end = await eldWindow(app.pid, eldFile);
		const serverLog = readFileSync(join(dir, 'server.log'), 'utf8');
		const loadavgEnd = load();
		const peak = stepped.steps.reduce((a, b) =>
			b.requestsPerSecond > a.requestsPerSecond ? b : a
		);
		const { met } = targetRows(mixed);

		console.log('\nMixed run, per route class');
		console.log(classTable(mixed));
		console.log('\nMixed run, per kind (expected refusals apart)');
		console.log(kindTable(mixed));
		const iso = mixed.isolation;
		console.log(
			`\nIsolation: ${iso.extractResponses} officer extract responses (${iso.extractBodies} distinct bodies decoded: ${Object.entries(
				iso.columnsChecked
			)
				.map(([n, c]) => `${n}[${c.join(',')}]`)
				.join(
					' '
				)}), ${iso.textBodies} sampled HTML/JSON bodies (1 in ${base.sampleEvery}, every refusal): ${iso.violations.length} violations`
		);
		for (const v of iso.violations.slice(0, 10))
			console.log(`  ✗ ${v.user} ${v.path}: ${v.detail}`);
		for (const u of mixed.unexpected.slice(0, 10)) {
			console.log(
				`  unexpected: ${u.role} ${u.method} ${u.path} → ${u.error} (${u.ms} ms) ${u.body.slice(0, 120)}`
			);
		}
		console.log(
			`\nServer: RSS ${Math.round(mixed.eld.rssBytes / 2 ** 20)} MB after the mixed run, ${Math.round(end.rssBytes / 2 ** 20)} MB at the end; CPU ${Math.round((mixed.cpu.serverMs / mixed.durationMs) * 100)} % of its core during the mixed run (generator ${Math.round((mixed.cpu.generatorMs / mixed.durationMs) * 100)} % of its own); ${serverLog.split('\n').filter((l) => /error/i.test(l)).length} log lines mentioning an error`
		);
		console.log('\nStepped run');
		console.log(stepTable(stepped.steps));
		console.log(`peak: ${peak.requestsPerSecond} req/s at ${peak.connections} connections`);
		console.log(
			`targets (0 errors, p99 < ${TARGETS.pageP99Ms} ms pages/JSON, ≤ ${TARGETS.extractP99Ms} ms extracts, event loop p99 < ${TARGETS.eventLoopP99Ms} ms, no isolation violation): ${met && iso.violations.length === 0 ? 'met' : 'MISSED'}`
		);
		console.log(`load average (1, 5, 15 min): ${loadavgStart} → ${loadavgEnd}`);

		const results = {
			date: new Date().toISOString(),
			quick: QUICK,
			git: gitCommit(),
			database: new URL(DATABASE_URL).pathname.slice(1),
			machine: {
				cores: availableParallelism(),
				loadavg: { start: loadavgStart, end: loadavgEnd },
				server: {
					cores: cpusAllowed(app.pid),
					command: `taskset -c ${SERVER_CORE} node --import ./bench/lib/event-loop-delay.js build`
				},
				generator: {
					cores: GENERATOR_CORE,
					command: `taskset -c ${GENERATOR_CORE} tsx bench/lib/load/generator.ts`
				},
				postgres: 'not pinned (shares both cores)'
			},
			cast: {
				users: users.length,
				roles: Object.fromEntries(
					['province_officer', 'analyst', 'admin', 'anonymous'].map((r) => [
						r,
						users.filter((u) => u.role === r).length
					])
				),
				provinceSets: sets
			},
			data: {
				laos: Object.values(register.laoCodes).reduce((s, c) => s + c.length, 0),
				documents: Object.values(register.documentIds).reduce((s, c) => s + c.length, 0),
				years: fixtures.years,
				releases: fixtures.releases
			},
			warmUp: { ms: warmUpMs, idleWaitMs, scopes: warmed, eventLoop: warmEld },
			mixed,
			afterMixed: { eventLoop: afterMixed, quietAfterMs: quietAfterMixedMs },
			stepped: {
				steps: stepped.steps,
				peak: { requestsPerSecond: peak.requestsPerSecond, connections: peak.connections }
			},
			end: {
				eventLoop: end,
				serverLogErrorLines: serverLog
					.split('\n')
					.filter((l) => /error/i.test(l))
					.slice(0, 20)
			},
			targets: TARGETS,
			targetsMet: met && iso.violations.length === 0
		};
		mkdirSync(join(ROOT, 'bench/results'), { recursive: true });
		const out = join(ROOT, `bench/results/${QUICK ? 'load.quick' : 'load'}.json`);
		writeFileSync(out, `${JSON.stringify(results, null, 2)}\n`);
		console.log(`→ ${out.slice(ROOT.length)}`);
	} finally {
		await app.stop();
	}
}

await main();
