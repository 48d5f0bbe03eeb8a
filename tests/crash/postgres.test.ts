import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../etl/helpers.ts';
import {
	cleanRun,
	crashAndRecover,
	FAULTS,
	killDelays,
	RECOVERED,
	verdict,
	type Clean
} from './campaign.ts';
import { buildFixture, type Fixture } from './fixture.ts';
import { postgresTarget, type Target } from './targets.ts';

/**
 * `etl ingest` on PostgreSQL, killed with SIGKILL at every fault point (etl/fault.ts) and at
 * random instants, each time from an empty migrated database; after each kill every document
 * present must be whole, and a rerun without the fault must close the dead run as 'aborted' and
 * end with the clean run's checksums (every data table and fact_cube).
 */
let tmp: Awaited<ReturnType<typeof tempDir>>;
let fixture: Fixture;
let target: Target;
let clean: Clean;

beforeAll(async () => {
	tmp = await tempDir('crash-pg');
	fixture = await buildFixture(join(tmp.path, 'fixture'));
	target = await postgresTarget();
	clean = await cleanRun(target, fixture, 3);
});

afterAll(async () => {
	await target?.dispose();
	await tmp?.remove();
});

describe('etl ingest killed with SIGKILL, then run again (PostgreSQL)', () => {
	it('the clean runs load the 23 documents and close their runs', () => {
		expect([
			Object.keys(clean.state.documents).length,
			clean.state.runs.map((r) => [r.kind, r.status])
		]).toEqual([
			23,
			[
				['registry', 'completed'],
				['ingest', 'completed']
			]
		]);
	});

	it.each(FAULTS)(
		'%s: the process dies there, nothing partial, the rerun recovers',
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

	it('20 kills at random instants: 10 anywhere in a clean run, 10 while it writes', async () => {
		const seed = Number(process.env.CRASH_SEED ?? Date.now() % 2 ** 31);
		const count = Number(process.env.CRASH_KILLS ?? 20);
		const { ms, firstOutputMs } = clean.run;
		const anywhere = killDelays(seed, Math.ceil(count / 2), 0, ms);
		const inWrites = killDelays(seed + 1, Math.floor(count / 2), 0, ms - (firstOutputMs ?? 0));
		console.log(
			`crash seed ${seed} (CRASH_SEED=${seed} draws the same): ${anywhere} | ${inWrites}`
		);
		const outcomes = [];
		for (const killAfterMs of anywhere) {
			outcomes.push(await crashAndRecover(target, fixture, clean.state, { killAfterMs }));
		}
		for (const killAfterOutputMs of inWrites) {
			outcomes.push(await crashAndRecover(target, fixture, clean.state, { killAfterOutputMs }));
		}
		console.log(outcomes.map((o) => `${o.label}: ${o.ended} ${o.phase}`).join('\n'));
		expect(outcomes.map(verdict), `seed ${seed}`).toEqual(
			outcomes.map((o) => ({ label: o.label, ...RECOVERED }))
		);
	}, 600_000);
});
