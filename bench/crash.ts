/**
 * Crash campaign (Hardening, campaign 3): the real `etl ingest` killed with SIGKILL at every
 * fault point (etl/fault.ts) and at random instants, on PostgreSQL and on PGlite, each kill
 * followed by a rerun to completion and a comparison with a clean run.
 *   npm run bench:crash [-- --kills 20 --seed 12345 --drivers postgres,pglite]
 * Prints one line per kill and a summary; writes bench/results/crash.json.
 * PostgreSQL: TEST_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres) creates
 * and drops its own databases. PGlite: a temp folder.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import {
	cleanRun,
	crashAndRecover,
	FAULTS,
	isRecovered,
	killDelays,
	type Outcome
} from '../tests/crash/campaign.ts';
import { buildFixture } from '../tests/crash/fixture.ts';
import { pgliteTarget, postgresTarget, type Target } from '../tests/crash/targets.ts';

const ROOT = new URL('../', import.meta.url).pathname;
const arg = (name: string, fallback: string) => {
	const i = process.argv.indexOf(`--${name}`);
	return i > 0 ? (process.argv[i + 1] ?? fallback) : fallback;
};
const KILLS = Number(arg('kills', '20'));
const SEED = Number(arg('seed', String(Date.now() % 2 ** 31)));
const DRIVERS = arg('drivers', 'postgres,pglite').split(',');

const median = (xs: number[]) => {
	const s = [...xs].sort((a, b) => a - b);
	return s.length ? s[Math.floor(s.length / 2)]! : 0;
};
const round = (ms: number) => Math.round(ms);

function line(o: Outcome): string {
	const ok = isRecovered(o) ? 'ok ' : 'BAD';
	return (
		`  ${ok} ${o.label.padEnd(22)} ${o.ended.padEnd(8)} ${o.phase.padEnd(9)} after ${String(round(o.killMs)).padStart(5)} ms: ` +
		`${o.documentsAfterKill} docs whole${o.partial.length ? `, ${o.partial.length} PARTIAL` : ''}, ` +
		`${o.runningAfterKill} running; rerun ${o.rerunCode} in ${round(o.rerunMs)} ms, ` +
		`${o.abortedRuns} aborted${o.mismatches.length ? `, MISMATCH ${o.mismatches.join(' ')}` : ''}` +
		`${o.staleRuns ? `, ${o.staleRuns} STALE` : ''}${o.reopenError ? `, REOPEN: ${o.reopenError}` : ''}`
	);
}

function tally(outcomes: Outcome[]) {
	const phases: Record<string, number> = {};
	for (const o of outcomes) phases[o.phase] = (phases[o.phase] ?? 0) + 1;
	return {
		phases,
		kills: outcomes.length,
		killedBySigkill: outcomes.filter((o) => o.ended === 'SIGKILL').length,
		finishedBeforeKill: outcomes.filter((o) => o.ended !== 'SIGKILL').length,
		recovered: outcomes.filter(isRecovered).length,
		partialDocuments: outcomes.reduce((n, o) => n + o.partial.length, 0),
		mismatches: outcomes.filter((o) => o.mismatches.length > 0).length,
		reopenRefusals: outcomes.filter((o) => o.reopenError !== null).length,
		staleRunsLeft: outcomes.reduce((n, o) => n + o.staleRuns, 0),
		abortedRunsClosed: outcomes.reduce((n, o) => n + o.abortedRuns, 0),
		documentsWholeAfterKill: {
			min: Math.min(...outcomes.map((o) => o.documentsAfterKill)),
			median: median(outcomes.map((o) => o.documentsAfterKill)),
			max: Math.max(...outcomes.map((o) => o.documentsAfterKill))
		},
		rerunMs: { median: round(median(outcomes.map((o) => o.rerunMs))) },
		failures: outcomes.filter((o) => !isRecovered(o)).map((o) => ({ ...o, rerunStderr: undefined }))
	};
}

async function campaign(target: Target, fixture: Awaited<ReturnType<typeof buildFixture>>) {
	const t0 = performance.now();
	const clean = await cleanRun(target, fixture, 3);
	process.stdout.write(
		`${target.driver}: 3 clean runs ${clean.runsMs.map(round).join(', ')} ms (checksums equal), ${Object.keys(clean.state.documents).length} documents\n`
	);
	const points: Outcome[] = [];
	for (const fault of FAULTS) {
		const o = await crashAndRecover(target, fixture, clean.state, { fault });
		points.push(o);
		process.stdout.write(`${line(o)}\n`);
	}
	const kill = async (title: string, delays: number[], anchor: 'spawn' | 'output') => {
		process.stdout.write(`${target.driver}: ${title}\n`);
		const outcomes: Outcome[] = [];
		for (const ms of delays) {
			const how = anchor === 'spawn' ? { killAfterMs: ms } : { killAfterOutputMs: ms };
			const o = await crashAndRecover(target, fixture, clean.state, how);
			outcomes.push(o);
			process.stdout.write(`${line(o)}\n`);
		}
		return outcomes;
	};
	// As specified: anywhere in the clean run's duration, process start included (most of it on
	// PGlite, whose WASM start and data-folder open take seconds)…
	const delays = killDelays(SEED, KILLS, 0, clean.run.ms);
	const random = await kill(
		`${KILLS} kills at random instants in [0, ${round(clean.run.ms)}) ms after the spawn, seed ${SEED}`,
		delays,
		'spawn'
	);
	// …and as many again among the writes: after the child's first progress line (document 1
	// committed), within what the clean run took from that line to its end.
	const writing = clean.run.ms - (clean.run.firstOutputMs ?? 0);
	const writeDelays = killDelays(SEED + 1, KILLS, 0, writing);
	const writes = await kill(
		`${KILLS} kills at random instants in [0, ${round(writing)}) ms after the first progress line, seed ${SEED + 1}`,
		writeDelays,
		'output'
	);
	return {
		cleanRunsMs: clean.runsMs.map(round),
		documents: Object.keys(clean.state.documents).length,
		checksums: clean.state.tables,
		points: { tested: FAULTS, ...tally(points) },
		random: { seed: SEED, delaysMs: delays, ...tally(random) },
		randomInWrites: {
			seed: SEED + 1,
			afterFirstLineMs: [0, round(writing)],
			delaysMs: writeDelays,
			...tally(writes)
		},
		campaignSeconds: Math.round((performance.now() - t0) / 100) / 10
	};
}

const loadAtStart = loadavg();
const work = await mkdtemp(join(tmpdir(), 'sujarit-bench-crash-'));
const results: Record<string, unknown> = {};
try {
	const fixture = await buildFixture(join(work, 'fixture'));
	for (const driver of DRIVERS) {
		const target =
			driver === 'postgres' ? await postgresTarget() : await pgliteTarget(join(work, 'pglite'));
		try {
			results[driver] = await campaign(target, fixture);
		} finally {
			await target.dispose();
		}
	}
} finally {
	await rm(work, { recursive: true, force: true });
}

const byDriver = results as Record<string, Awaited<ReturnType<typeof campaign>>>;
const drivers = Object.keys(byDriver);
const sameChecksums =
	drivers.length < 2 ||
	drivers.every(
		(d) =>
			JSON.stringify(byDriver[d]!.checksums) === JSON.stringify(byDriver[drivers[0]!]!.checksums)
	);
const out = {
	date: new Date().toISOString(),
	machine: {
		cpus: cpus().length,
		model: cpus()[0]?.model ?? null,
		node: process.version,
		// Durations depend on it: the machine is shared.
		loadAverage: {
			atStart: loadAtStart.map((l) => Math.round(l * 10) / 10),
			atEnd: loadavg().map((l) => Math.round(l * 10) / 10)
		}
	},
	seed: SEED,
	faultPoints: FAULTS.length,
	randomKills: KILLS,
	cleanChecksumsAgreeAcrossDrivers: sameChecksums,
	drivers: byDriver
};
process.stdout.write('\nsummary\n');
for (const d of drivers) {
	const r = byDriver[d]!;
	for (const [what, t] of [
		['points', r.points],
		['random', r.random],
		['writes', r.randomInWrites]
	] as const) {
		process.stdout.write(
			`  ${d.padEnd(8)} ${what.padEnd(6)} ${JSON.stringify(t.phases)} kills ${t.kills} (${t.killedBySigkill} by SIGKILL), recovered ${t.recovered}, ` +
				`partial documents ${t.partialDocuments}, mismatches ${t.mismatches}, stale runs left ${t.staleRunsLeft}, ` +
				`reopen refusals ${t.reopenRefusals}, rerun median ${t.rerunMs.median} ms\n`
		);
	}
}
process.stdout.write(`  clean checksums equal on both drivers: ${sameChecksums}\n`);
mkdirSync(join(ROOT, 'bench/results'), { recursive: true });
writeFileSync(join(ROOT, 'bench/results/crash.json'), `${JSON.stringify(out, null, 2)}\n`);
process.stdout.write('wrote bench/results/crash.json\n');
