import { cpSync, readdirSync, readFileSync, truncateSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCK_FILE } from '../../db/pglite-lock.ts';
import { tempDir } from '../etl/helpers.ts';
import {
	cleanRun,
	crashAndRecover,
	killDelays,
	RECOVERED,
	runIngest,
	verdict,
	type Clean,
	type CliRun
} from './campaign.ts';
import { buildFixture, type Fixture } from './fixture.ts';
import { pgliteTarget, type Target } from './targets.ts';

/**
 * The same kills against a PGlite data folder. After each, reopening the folder must show every
 * document whole or absent (PGlite replays its write-ahead log as PostgreSQL does), the lock file
 * the dead process left must be taken over as stale, and the rerun must end with the clean
 * checksums. The full set of points runs in `npm run bench:crash`; here a few, to keep the suite
 * short (a PGlite CLI run costs seconds of WASM start).
 */
let tmp: Awaited<ReturnType<typeof tempDir>>;
let fixture: Fixture;
let target: Target;
let clean: Clean;

beforeAll(async () => {
	tmp = await tempDir('crash-pglite');
	fixture = await buildFixture(join(tmp.path, 'fixture'));
	target = await pgliteTarget(tmp.path);
	clean = await cleanRun(target, fixture);
});

afterAll(async () => {
	await target?.dispose();
	await tmp?.remove();
});

/** Signal 0: does the process still exist? */
function isRunning(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch {
		return false;
	}
}

describe('etl ingest killed with SIGKILL, then run again (PGlite)', () => {
	it.each(['after_batch:22:3', 'before_commit:23', 'after_commit:23'])(
		'%s: reopened whole, the rerun recovers',
		async (fault) => {
			const o = await crashAndRecover(target, fixture, clean.state, { fault });
			expect([o.ended, o.faultFired, o.runningAfterKill, verdict(o)]).toEqual([
				'SIGKILL',
				true,
				1,
				{ label: fault, ...RECOVERED }
			]);
		}
	);

	it('the lock file of a killed writer is stale: the rerun takes it over by itself', async () => {
		let left: [string, boolean] | null = null;
		let killed: CliRun | null = null;
		const o = await crashAndRecover(target, fixture, clean.state, {
			fault: 'after_batch:3:2',
			look: false, // the rerun, not this process, meets the lock file
			afterKill: (run) => {
				killed = run;
				left = [readFileSync(join(target.where, LOCK_FILE), 'utf8'), isRunning(run.pid)];
			}
		});
		expect([o.ended, left, verdict(o)]).toEqual([
			'SIGKILL',
			[`${killed!.pid}\n`, false],
			{ label: 'after_batch:3:2', ...RECOVERED }
		]);
		expect(o.rerunStderr).toMatch(
			/run 2 \(ingest, .*\) was left running by a process that is gone/
		);
	});

	it('kills at random instants while it writes', async () => {
		const seed = Number(process.env.CRASH_SEED ?? Date.now() % 2 ** 31);
		const count = Number(process.env.CRASH_PGLITE_KILLS ?? 4);
		const writing = clean.run.ms - (clean.run.firstOutputMs ?? 0);
		const delays = killDelays(seed, count, 0, writing);
		console.log(`crash seed ${seed} (CRASH_SEED=${seed} draws the same): ${delays}`);
		const outcomes = [];
		for (const killAfterOutputMs of delays) {
			outcomes.push(await crashAndRecover(target, fixture, clean.state, { killAfterOutputMs }));
		}
		console.log(outcomes.map((o) => `${o.label}: ${o.ended} ${o.phase}`).join('\n'));
		expect(outcomes.map(verdict), `seed ${seed}`).toEqual(
			outcomes.map((o) => ({ label: o.label, ...RECOVERED }))
		);
	}, 300_000);

	it('a folder PGlite cannot open is refused loudly, with the way to recover (exit 4)', async () => {
		await target.reset();
		const damaged = join(tmp.path, 'damaged');
		cpSync(target.where, damaged, { recursive: true });
		// Its WAL segments emptied: not what a kill does (the tests above), but what a damaged
		// disk or a half-made copy may leave.
		const segments = readdirSync(join(damaged, 'pg_wal')).filter((f) => /^[0-9A-F]{24}$/.test(f));
		for (const f of segments) truncateSync(join(damaged, 'pg_wal', f));
		const run = await runIngest({ ...target, env: { SUJARIT_DATA_DIR: damaged } }, fixture);
		expect([run.code, segments.length > 0, run.stderr.split('\n').filter(Boolean).at(-1)]).toEqual([
			4,
			true,
			expect.stringContaining(
				`the PGlite data folder ${damaged} cannot be opened (Aborted(). Build with -sASSERTIONS ` +
					`for more info.). ทางแก้ / to recover: move it aside (mv "${damaged}" "${damaged}.damaged")`
			)
		]);
	});
});
