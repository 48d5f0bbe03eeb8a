/**
 * The crash campaign, shared by tests/crash/*.test.ts and bench/crash.ts: run the real CLI
 * (`etl ingest <fixture> --registry <register>`) as a child process, kill it (by its own fault
 * hook or from outside with SIGKILL), look at what it left, rerun it without a fault to the end,
 * and compare with a clean run. Nothing here asserts; the callers do.
 */
import { spawn } from 'node:child_process';
import { isDeepStrictEqual } from 'node:util';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/rows.ts';
import { mulberry32 } from '../../etl/demo/prng.ts';
import { documentChecksums, tableChecksums } from '../../etl/load/checksums.ts';
import { ROOT } from '../etl/helpers.ts';
import type { Fixture } from './fixture.ts';
import type { Target } from './targets.ts';

export interface CliRun {
	pid: number;
	code: number | null;
	signal: NodeJS.Signals | null;
	stdout: string;
	stderr: string;
	ms: number;
	/** When the first line reached stderr (the first document's progress line), if any. */
	firstOutputMs: number | null;
}

export interface CliOptions {
	/** SUJARIT_FAULT for the child. */
	fault?: string;
	/** SIGKILL from outside this many ms after the spawn. */
	killAfterMs?: number;
	/**
	 * SIGKILL from outside this many ms after the first line on stderr (document 1's progress
	 * line: the writes have begun). Anchored there rather than at the spawn, so that the kill
	 * lands among the writes however long the process took to start on a loaded machine.
	 */
	killAfterOutputMs?: number;
	/** Every chunk of stderr as it comes. */
	onStderr?: (text: string) => void;
}

/**
 * `node --import tsx etl/cli.ts …args` against the target: one process, so that a SIGKILL lands
 * on the writer itself (the `tsx` launcher runs the CLI in a child of its own, `npx` adds one more).
 */
export function runCli(
	target: Target,
	args: readonly string[],
	options: CliOptions = {}
): Promise<CliRun> & { pid: number } {
	const env: NodeJS.ProcessEnv = { ...process.env, ...target.env };
	for (const key of ['NODE_OPTIONS', 'SUJARIT_FAULT', 'DATABASE_URL', 'SUJARIT_DATA_DIR']) {
		if (!(key in target.env)) delete env[key];
	}
	if (options.fault) env.SUJARIT_FAULT = options.fault;
	const started = performance.now();
	const child = spawn(process.execPath, ['--import', 'tsx', 'etl/cli.ts', ...args], {
		cwd: ROOT,
		env,
		stdio: ['ignore', 'pipe', 'pipe']
	});
	const done = new Promise<CliRun>((resolve, reject) => {
		const out: Buffer[] = [];
		const err: Buffer[] = [];
		let firstOutputMs: number | null = null;
		const timers: NodeJS.Timeout[] = [];
		const killIn = (ms: number) => timers.push(setTimeout(() => child.kill('SIGKILL'), ms));
		child.stdout.on('data', (b: Buffer) => out.push(b));
		child.stderr.on('data', (b: Buffer) => {
			if (firstOutputMs === null) {
				firstOutputMs = performance.now() - started;
				if (options.killAfterOutputMs !== undefined) killIn(options.killAfterOutputMs);
			}
			err.push(b);
			options.onStderr?.(b.toString('utf8'));
		});
		if (options.killAfterMs !== undefined) killIn(options.killAfterMs);
		child.on('error', reject);
		child.on('close', (code, signal) => {
			for (const t of timers) clearTimeout(t);
			resolve({
				pid: child.pid ?? 0,
				code,
				signal,
				stdout: Buffer.concat(out).toString('utf8'),
				stderr: Buffer.concat(err).toString('utf8'),
				ms: performance.now() - started,
				firstOutputMs
			});
		});
	});
	return Object.assign(done, { pid: child.pid ?? 0 });
}

/** `etl ingest <fixture> --registry <register>`, the command every kill interrupts. */
export function runIngest(
	target: Target,
	fixture: Fixture,
	options: CliOptions = {}
): Promise<CliRun> & { pid: number } {
	return runCli(target, ['ingest', fixture.docs, '--registry', fixture.register], options);
}

export type RunRow = {
	id: number;
	kind: string;
	status: string;
	error: string | null;
};

/** What a database holds, ids, run ids and timestamps aside (etl/load/checksums.ts). */
export interface DbState {
	/** Every data table plus fact_cube. */
	tables: Record<string, string>;
	/** sha256 → md5 over all of that document's rows. */
	documents: Record<string, string>;
	runs: RunRow[];
}

export async function readState(target: Target): Promise<DbState> {
	const handle = await target.open();
	try {
		return {
			tables: await tableChecksums(handle.db, { derived: true }),
			documents: await documentChecksums(handle.db),
			runs: await queryRows<RunRow>(
				handle.db,
				sql`select id, kind, status, error from load_runs order by id`
			)
		};
	} finally {
		await handle.close();
	}
}

export interface Clean {
	state: DbState;
	/** The median run by duration, so that random kill instants are drawn from a typical one. */
	run: CliRun;
	/** Each clean run's duration, ms. */
	runsMs: number[];
}

/**
 * The reference: from an empty database, one ingest to the end, `times` times. Their checksums
 * must agree (a load is deterministic, or no comparison after a kill means anything); the median
 * duration is what random kills are drawn within, since one run on a shared machine may be slow.
 */
export async function cleanRun(target: Target, fixture: Fixture, times = 1): Promise<Clean> {
	const runs: Array<{ run: CliRun; state: DbState }> = [];
	for (let i = 0; i < times; i++) {
		await target.reset();
		const run = await runIngest(target, fixture);
		if (run.code !== 0) throw new Error(`a clean run failed (${run.code}): ${run.stderr}`);
		runs.push({ run, state: await readState(target) });
	}
	const first = runs[0]!.state;
	const differing = runs.filter((r) => !isDeepStrictEqual(r.state.tables, first.tables));
	if (differing.length > 0) {
		throw new Error(`clean runs disagree: ${JSON.stringify(runs.map((r) => r.state.tables))}`);
	}
	const byTime = [...runs].sort((a, b) => a.run.ms - b.run.ms);
	return {
		state: first,
		run: byTime[Math.floor(byTime.length / 2)]!.run,
		runsMs: runs.map((r) => r.run.ms)
	};
}

export interface Outcome {
	/** `after_batch:22:3`, or `kill at 1234 ms`. */
	label: string;
	/** How the killed run ended: 'SIGKILL', or 'exit N' when it finished before the kill. */
	ended: string;
	/** The fault hook said it was killing the process (fault runs only). */
	faultFired: boolean;
	/** Where the kill landed, read from what it left (see phaseOf). */
	phase: Phase;
	killMs: number;
	/** Documents present after the kill, each whole or not. */
	documentsAfterKill: number;
	/** Documents present after the kill whose rows differ from the clean run's (partial). */
	partial: string[];
	/** Runs 'running' right after the kill (the dead writer's); null when not looked at. */
	runningAfterKill: number | null;
	/** Reopening after the kill failed (PGlite): the error, else null. */
	reopenError: string | null;
	rerunCode: number | null;
	rerunMs: number;
	rerunStderr: string;
	/** Tables whose checksum differs from the clean run's after the rerun. */
	mismatches: string[];
	/** Runs still 'running' after the rerun. */
	staleRuns: number;
	/** Runs the rerun closed as 'aborted'. */
	abortedRuns: number;
}

/**
 * One kill, then recovery: empty database; the CLI with `fault` set, or killed from outside after
 * `killAfterMs`; what it left (every document whole or absent); the CLI again without a fault;
 * checksums against the clean run and the ledger (nothing left 'running').
 */
export async function crashAndRecover(
	target: Target,
	fixture: Fixture,
	clean: DbState,
	how: ({ fault: string } | { killAfterMs: number } | { killAfterOutputMs: number }) & {
		/**
		 * false: rerun straight after the kill, without opening the database in between, so that
		 * the rerun itself meets what the dead writer left (PGlite: its lock file).
		 */
		look?: boolean;
		/** Called between the kill and the rerun. */
		afterKill?: (killed: CliRun) => void | Promise<void>;
	}
): Promise<Outcome> {
	await target.reset();
	const killed = await runIngest(target, fixture, how);
	await how.afterKill?.(killed);
	const label =
		'fault' in how
			? how.fault
			: 'killAfterMs' in how
				? `kill at ${Math.round(how.killAfterMs)} ms`
				: `kill at first line + ${Math.round(how.killAfterOutputMs)} ms`;
	let after: DbState | null = null;
	let reopenError: string | null = null;
	if (how.look !== false) {
		try {
			after = await readState(target);
		} catch (e) {
			reopenError = (e as Error).message;
		}
	}
	const rerun = await runIngest(target, fixture);
	const final = await readState(target);
	const present = Object.entries(after?.documents ?? {});
	return {
		label,
		ended: killed.signal ?? `exit ${killed.code}`,
		faultFired: killed.stderr.includes(': SIGKILL '),
		phase: phaseOf(killed, after, Object.keys(clean.documents).length),
		killMs: killed.ms,
		documentsAfterKill: present.length,
		partial: present.filter(([sha, md5]) => clean.documents[sha] !== md5).map(([sha]) => sha),
		runningAfterKill: after ? after.runs.filter((r) => r.status === 'running').length : null,
		reopenError,
		rerunCode: rerun.code,
		rerunMs: rerun.ms,
		rerunStderr: rerun.stderr,
		mismatches: Object.keys(clean.tables).filter((t) => final.tables[t] !== clean.tables[t]),
		staleRuns: final.runs.filter((r) => r.status === 'running').length,
		abortedRuns: final.runs.filter((r) => r.status === 'aborted').length
	};
}

/**
 * Where a kill landed: before anything was written (process start, connection, migrations),
 * during the --registry import, while documents were loaded, after the last document (the run
 * not finished yet: fact_cube, the ledger), after the run was closed (the process exiting), or
 * not at all (the run finished first).
 */
export type Phase =
	'startup' | 'registry' | 'documents' | 'finishing' | 'closing' | 'finished' | 'unknown';

function phaseOf(killed: CliRun, after: DbState | null, documents: number): Phase {
	if (killed.signal !== 'SIGKILL') return 'finished';
	if (!after) return 'unknown'; // not looked at, or could not be reopened
	const last = after.runs.at(-1);
	if (!last) return 'startup';
	if (last.kind === 'registry') return 'registry';
	if (last.status !== 'running') return 'closing';
	const loaded = Object.keys(after.documents).length;
	return loaded === documents ? 'finishing' : 'documents';
}

/** What a test asserts of an outcome, as one comparable tuple. */
export function verdict(o: Outcome) {
	return {
		label: o.label,
		partial: o.partial,
		reopenError: o.reopenError,
		rerunCode: o.rerunCode,
		mismatches: o.mismatches,
		staleRuns: o.staleRuns,
		// Every run the dead writer left running was closed as aborted by the rerun.
		abortedAllLeft: o.runningAfterKill === null || o.abortedRuns === o.runningAfterKill
	};
}

export const RECOVERED = {
	partial: [],
	reopenError: null,
	rerunCode: 0,
	mismatches: [],
	staleRuns: 0,
	abortedAllLeft: true
};

/** The outcome is what RECOVERED says. */
export function isRecovered(o: Outcome): boolean {
	const { label: _label, ...rest } = verdict(o);
	return isDeepStrictEqual(rest, RECOVERED);
}

/**
 * The fault points, at documents of the fixture (tests/crash/fixture.ts). Batches per document,
 * as the hook reports them when a batch number is too high: document 3 writes 4 (39 rows),
 * document 7, quarantined, 2 (7 rows), document 22, the Samut Songkhram plan, 6 (294 rows: its
 * table, 35 items, 175 budgets, checks, problems…). No table of the fixture reaches BATCH_SIZE,
 * so here each batch is one table's rows.
 */
export const FAULTS: readonly string[] = [
	'after_read:1',
	'after_parse:3',
	'after_validate:3',
	'after_begin:3',
	'after_batch:3:1',
	'after_batch:7:1', // the quarantined document: its quarantine rows
	'after_batch:22:1',
	'after_batch:22:3',
	'after_batch:22:6', // its last batch
	'before_commit:3',
	'before_commit:23',
	'after_commit:3',
	'after_commit:23' // every document committed, the run not finished
];

/** `count` kill delays in [from, to) ms, drawn from mulberry32(seed). */
export function killDelays(seed: number, count: number, from: number, to: number): number[] {
	const rng = mulberry32(seed);
	return Array.from({ length: count }, () => Math.round(from + rng.next() * (to - from)));
}
