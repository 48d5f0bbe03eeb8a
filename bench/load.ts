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
 * 3b. cold-start run, not judged (`--no-cold-start` leaves it out): the same users and pace as the
 *    sessions run, another seed, for 20 s, then quiet again: the server's first traffic over every
 *    route. In the sessions runs of 6 December 2026 every slow answer came in the first 10 s,
 *    while V8 optimised 760 functions on its background threads (`--trace-opt`: 450 in the
 *    first 5 s, 50–130 per 5 s later; 41 collections with 354 ms of pauses in those 5 s) and the
 *    event loop had a third to a half of its core: the state of a server's first seconds, not of
 *    one that has served for a while. Its figures are printed and kept (`coldStart`);
 * 4. sessions run: the generator (bench/lib/load/generator.ts), a process of its own on core 1,
 *    50 users of mixed roles for 60 s over pages, __data.json, APIs, extracts and sign-ins, each
 *    pausing a reader's think time (mean THINK_MS) after every answer, with every status judged
 *    per role × route, and officers' bodies checked for other provinces' LAO codes (isolation);
 *    run first after the warm-up (and the cold-start run), so that no other judged run has warmed
 *    what it asks;
 * 5. saturation run: the same 50 users with no pause at all (closed loops: the server's core is
 *    saturated, and the percentiles measure how its queue is shared), isolation checked alike;
 * 6. stepped run: 1, 2, 5, 10, 20, 50, 100, 200 connections without pauses, 10 s each:
 *    requests/s (the peak) and p99;
 * 7. paced steps: 50, 100, 200, 400 paced users, 20 s each: how many readers the targets hold for.
 * The targets (report.ts TARGETS) are judged on the sessions run, the saturation run and each step.
 * `--quick`: 10 users for 10 s, steps of 3–5 s, and at most 10 s waiting for the server to go
 * quiet after the warm-up (a smoke test).
 *
 * Prints the tables and writes bench/results/load.json (load.quick.json with --quick).
 * `--sessions-only`: stop after the sessions run (bench/results/load.sessions.json), to repeat it.
 *
 * PostgreSQL is not pinned by default: it shares both cores with the server and the generator.
 * `--postgres-core 0` pins it (when it runs on this machine and the bench may change its
 * processes: root) to the server's core for the run, and puts it back afterwards; the results
 * record which. Four sessions runs with it on core 0 (national demo, 6 December 2026) were worse
 * than unpinned (pages p99 1.6–2.6 s against 1.0–1.3 s): the app and the database then share
 * one core, as no deployment would have them. The generator's own event-loop delay, recorded
 * with every run, shows whether PostgreSQL on its core disturbed its timing (p99 13–17 ms).
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
import type { GeneratorConfig, GeneratorResult, MixedResult } from './lib/load/generator.ts';
import {
	classTable,
	kindTable,
	slowLines,
	threadLines,
	gcLines,
	stepMet,
	stepTable,
	targetRows,
	TARGETS
} from './lib/load/report.ts';
import { cpusAllowed, pinPostgres } from './lib/load/pin-postgres.ts';
import { cast, type LoadUser } from './lib/load/scenario.ts';

const ROOT = new URL('../', import.meta.url).pathname;
const QUICK = process.argv.includes('--quick');
/** Stop after the sessions run (to repeat it and see its spread): writes load.sessions.json. */
const SESSIONS_ONLY = process.argv.includes('--sessions-only');
/** `--postgres-core <cores>` pins PostgreSQL for the run; by default (`none`) it is not. */
const POSTGRES_CORE = (() => {
	const i = process.argv.indexOf('--postgres-core');
	return i >= 0 ? (process.argv[i + 1] ?? 'none') : 'none';
})();
/**
 * `--server-node-flags '<flags>'`: V8/Node flags for the server's node (e.g. '--single-threaded-gc'),
 * to try a runtime setting under the same traffic; recorded in the results. None by default.
 */
const SERVER_NODE_FLAGS = (() => {
	const i = process.argv.indexOf('--server-node-flags');
	return i >= 0 ? (process.argv[i + 1] ?? '').split(/\s+/).filter(Boolean) : [];
})();
/** `--no-cold-start`: the sessions run follows the warm-up directly, JIT-cold (see step 4). */
const COLD_START = !process.argv.includes('--no-cold-start');
const DATABASE_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/sujarit_load';
/** Officers' provinces: the largest (นครราชสีมา 30), others of each region, one pair. */
const PROVINCE_SETS = [['30'], ['50'], ['40'], ['90'], ['15', '52'], ['34'], ['20'], ['10']];
/**
 * A reader's mean pause between an answer and the next request in the paced runs: one request a
 * second, faster than anyone reads a page (exponential, cut at 4 s: generator.ts).
 */
const THINK_MS = 1000;
const PLAN = QUICK
	? {
			cast: 10,
			coldStart: { connections: 10, durationMs: 3_000, thinkMs: THINK_MS },
			sessions: { connections: 10, durationMs: 10_000, thinkMs: THINK_MS },
			mixed: { connections: 10, durationMs: 10_000, thinkMs: 0 },
			steps: [1, 10],
			stepMs: 3_000,
			pacedSteps: [10, 20],
			pacedStepMs: 5_000
		}
	: {
			cast: 50,
			coldStart: { connections: 50, durationMs: 20_000, thinkMs: THINK_MS },
			sessions: { connections: 50, durationMs: 60_000, thinkMs: THINK_MS },
			mixed: { connections: 50, durationMs: 60_000, thinkMs: 0 },
			steps: [1, 2, 5, 10, 20, 50, 100, 200],
			stepMs: 10_000,
			pacedSteps: [50, 100, 200, 400],
			pacedStepMs: 20_000
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

	const pinning =
		POSTGRES_CORE === 'none'
			? { note: 'not pinned (shares both cores)', processes: 0, restore() {} }
			: await pinPostgres(POSTGRES_CORE);
	process.stdout.write(`▶ PostgreSQL ${pinning.note}\n`);
	if (SERVER_NODE_FLAGS.length)
		process.stdout.write(`▶ server node flags: ${SERVER_NODE_FLAGS.join(' ')}\n`);
	const app = await startApp(ROOT, {
		wrap: ['taskset', '-c', SERVER_CORE],
		nodeArgs: [...SERVER_NODE_FLAGS, '--import', './bench/lib/event-loop-delay.js'],
		env: { LOAD_ELD_FILE: eldFile, SUJARIT_SERVER_TIMING: '1' },
		signIn: false,
		logFile: join(dir, 'server.log')
	}).catch((e: unknown) => {
		pinning.restore();
		throw e;
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
		const run = (label: string, m: GeneratorConfig['mixed'], seed = base.seed) => {
			const result = runGenerator(
				{ ...base, seed, mixed: m, steps: null, out: join(dir, `${label}.json`) },
				dir,
				label
			).mixed!;
			return result;
		};
		// Each run's tables print as soon as it ends (a trial run may be stopped after them).
		const report = (title: string, m: MixedResult) => {
			const iso = m.isolation;
			console.log(`\n${title}, per route class`);
			console.log(classTable(m));
			console.log(`\n${title}, per kind (expected refusals apart)`);
			console.log(kindTable(m));
			console.log(slowLines(m));
			console.log(threadLines(m));
			console.log(gcLines(m));
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
			for (const u of m.unexpected.slice(0, 10)) {
				console.log(
					`  unexpected: ${u.role} ${u.method} ${u.path} → ${u.error} (${u.ms} ms) ${u.body.slice(0, 120)}`
				);
			}
			console.log(
				`Server: RSS ${Math.round(m.eld.rssBytes / 2 ** 20)} MB after the run; CPU ${Math.round((m.cpu.serverMs / m.durationMs) * 100)} % of its core (generator ${Math.round((m.cpu.generatorMs / m.durationMs) * 100)} % of its own, its event-loop delay p99 ${m.generatorEld.p99Ms} ms, max ${m.generatorEld.maxMs} ms); ${m.requestsPerSecond} req/s; server event loop p99 ${m.eld.p99Ms} ms, max ${m.eld.maxMs} ms; headers → last byte p99 ${m.eld.afterHead.p99Ms} ms, max ${m.eld.afterHead.maxMs} ms`
			);
			return targetRows(m).met && iso.violations.length === 0;
		};
		let coldStart: { run: MixedResult; quietAfterMs: number } | null = null;
		if (COLD_START) {
			process.stdout.write(
				`▶ cold-start run (not judged): ${PLAN.coldStart.connections} users as in the sessions run, another seed, for ${PLAN.coldStart.durationMs / 1000} s: the server's first traffic over every route\n`
			);
			const first = run('cold-start', PLAN.coldStart, base.seed - 1);
			report(`Cold-start run (${first.connections} users, not judged)`, first);
			coldStart = {
				run: first,
				quietAfterMs: await waitIdle(app.pid, 3000, QUICK ? 10_000 : undefined)
			};
		}
		process.stdout.write(
			`▶ sessions run: ${PLAN.sessions.connections} users pausing ${PLAN.sessions.thinkMs} ms on average, for ${PLAN.sessions.durationMs / 1000} s (generator on core ${GENERATOR_CORE})\n`
		);
		const sessions = run('sessions', PLAN.sessions);
		const sessionsMet = report(
			`Sessions run (${sessions.connections} users, think time ${sessions.thinkMs} ms)`,
			sessions
		);
		const afterSessions = await eldWindow(app.pid, eldFile);
		if (SESSIONS_ONLY) {
			const out = join(ROOT, 'bench/results/load.sessions.json');
			const results = {
				date: new Date().toISOString(),
				git: gitCommit(),
				database: new URL(DATABASE_URL).pathname.slice(1),
				machine: {
					cores: availableParallelism(),
					loadavg: { start: loadavgStart, end: load() },
					server: cpusAllowed(app.pid),
					serverNodeFlags: SERVER_NODE_FLAGS,
					generator: GENERATOR_CORE,
					postgres: pinning.note
				},
				warmUp: { ms: warmUpMs, idleWaitMs, eventLoop: warmEld },
				coldStart,
				sessions,
				met: sessionsMet,
				afterSessions: { eventLoop: afterSessions }
			};
			mkdirSync(join(ROOT, 'bench/results'), { recursive: true });
			writeFileSync(out, `${JSON.stringify(results, null, 2)}\n`);
			console.log(`targets ${sessionsMet ? 'met' : 'MISSED'}; → ${out.slice(ROOT.length)}`);
			return;
		}
		const quietAfterSessionsMs = await waitIdle(app.pid, 3000, QUICK ? 10_000 : undefined);
		process.stdout.write(
			`▶ saturation run: ${PLAN.mixed.connections} users without pauses for ${PLAN.mixed.durationMs / 1000} s\n`
		);
		const mixed = run('mixed', PLAN.mixed);
		const met = report(`Saturation run (${mixed.connections} users, no pauses)`, mixed);
		const afterMixed = await eldWindow(app.pid, eldFile);
		const quietAfterMixedMs = await waitIdle(app.pid, 3000, QUICK ? 10_000 : undefined);

		const steps = (label: string, connections: number[], durationMs: number, thinkMs: number) =>
			runGenerator(
				{
					...base,
					mixed: null,
					steps: { connections, durationMs, thinkMs },
					out: join(dir, `${label}.json`)
				},
				dir,
				label
			);
		process.stdout.write(
			`▶ stepped run: ${PLAN.steps.join(', ')} connections without pauses, ${PLAN.stepMs / 1000} s each\n`
		);
		const stepped = steps('stepped', PLAN.steps, PLAN.stepMs, 0);
		await waitIdle(app.pid, 3000, QUICK ? 10_000 : undefined);
		process.stdout.write(
			`▶ paced steps: ${PLAN.pacedSteps.join(', ')} users pausing ${THINK_MS} ms on average, ${PLAN.pacedStepMs / 1000} s each\n`
		);
		const paced = steps('paced', PLAN.pacedSteps, PLAN.pacedStepMs, THINK_MS);
		const end = await eldWindow(app.pid, eldFile);
		const serverLog = readFileSync(join(dir, 'server.log'), 'utf8');
		const loadavgEnd = load();
		const peak = stepped.steps.reduce((a, b) =>
			b.requestsPerSecond > a.requestsPerSecond ? b : a
		);
		console.log(
			`\nServer: RSS ${Math.round(end.rssBytes / 2 ** 20)} MB at the end; ${serverLog.split('\n').filter((l) => /error/i.test(l)).length} log lines mentioning an error`
		);
		console.log('\nStepped run (no pauses)');
		console.log(stepTable(stepped.steps));
		console.log(`peak: ${peak.requestsPerSecond} req/s at ${peak.connections} connections`);
		console.log(`\nPaced steps (think time ${THINK_MS} ms)`);
		console.log(stepTable(paced.steps));
		const heldFor = paced.steps.filter(stepMet).map((st) => st.connections);
		const targetText = `0 errors, p99 < ${TARGETS.pageP99Ms} ms pages/JSON, ≤ ${TARGETS.extractP99Ms} ms extracts, event loop p99 < ${TARGETS.eventLoopP99Ms} ms, no isolation violation`;
		console.log(`targets (${targetText}):`);
		console.log(
			`  sessions run, ${sessions.connections} paced users: ${sessionsMet ? 'met' : 'MISSED'}`
		);
		console.log(
			`  saturation run, ${mixed.connections} users without pauses: ${met ? 'met' : 'MISSED'}`
		);
		console.log(`  paced steps met at: ${heldFor.length ? heldFor.join(', ') : 'none'} users`);
		if (coldStart) {
			const c = coldStart.run;
			console.log(
				`  cold-start run (not judged on latency): ${c.errors} errors, ${c.isolation.violations.length} isolation violations`
			);
		}
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
					command: `taskset -c ${SERVER_CORE} node ${[...SERVER_NODE_FLAGS, ''].join(' ')}--import ./bench/lib/event-loop-delay.js build`
				},
				generator: {
					cores: GENERATOR_CORE,
					command: `taskset -c ${GENERATOR_CORE} tsx bench/lib/load/generator.ts`
				},
				postgres: pinning.note
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
			coldStart,
			thinkMs: THINK_MS,
			sessions,
			afterSessions: { eventLoop: afterSessions, quietAfterMs: quietAfterSessionsMs },
			mixed,
			afterMixed: { eventLoop: afterMixed, quietAfterMs: quietAfterMixedMs },
			stepped: {
				steps: stepped.steps,
				peak: { requestsPerSecond: peak.requestsPerSecond, connections: peak.connections }
			},
			paced: { steps: paced.steps, targetsMetAt: heldFor },
			end: {
				eventLoop: end,
				serverLogErrorLines: serverLog
					.split('\n')
					.filter((l) => /error/i.test(l))
					.slice(0, 20)
			},
			targets: TARGETS,
			targetsMet: { sessions: sessionsMet, saturation: met, pacedSteps: heldFor }
		};
		mkdirSync(join(ROOT, 'bench/results'), { recursive: true });
		const out = join(ROOT, `bench/results/${QUICK ? 'load.quick' : 'load'}.json`);
		writeFileSync(out, `${JSON.stringify(results, null, 2)}\n`);
		console.log(`→ ${out.slice(ROOT.length)}`);
	} finally {
		await app.stop();
		pinning.restore();
	}
}

await main();
