import { writeFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../db/rows.ts';
import { SEED, seedText, tempDir } from '../etl/helpers.ts';
import { readState, runCli, type CliRun } from './campaign.ts';
import { buildFixture, type Fixture } from './fixture.ts';
import { pgliteTarget, postgresTarget, type Target } from './targets.ts';

/**
 * Two writers at once. Writer A ingests a one-line manifest from a local server that holds its
 * answer until the test lets it go, so A is alive and holding the ETL writer lock for as long as
 * the test needs; writer B is a plain folder ingest started meanwhile.
 */
let tmp: Awaited<ReturnType<typeof tempDir>>;
let fixture: Fixture;
let manifest: string;
let server: http.Server;
let requested: () => void = () => {};
let release: () => void = () => {};

/** Resolves when A has asked for its document; `release()` lets the server answer it. */
function gate(): Promise<void> {
	return new Promise((resolve) => {
		requested = resolve;
	});
}

beforeAll(async () => {
	tmp = await tempDir('crash-lock');
	fixture = await buildFixture(join(tmp.path, 'fixture'));
	server = http.createServer((_req, res) => {
		const answer = () => {
			res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' });
			res.end(seedText(SEED.annual));
		};
		release = answer;
		requested();
	});
	await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
	const { port } = server.address() as AddressInfo;
	manifest = join(tmp.path, 'manifest.csv');
	await writeFile(manifest, `url\nhttp://127.0.0.1:${port}/annual-2568.txt\n`);
});

afterAll(async () => {
	server?.closeAllConnections();
	await new Promise((done) => server?.close(done));
	await tmp?.remove();
});

/** Writer A, once it is fetching (so holding the lock), and how to finish it. */
async function startSlowWriter(target: Target) {
	const asked = gate();
	const a = runCli(target, ['ingest', manifest, '--allow-private', '--timeout-ms', '120000']);
	await asked;
	return {
		pid: a.pid,
		finish: (): Promise<CliRun> => {
			release();
			return a;
		}
	};
}

describe('one ETL writer at a time (PostgreSQL: an advisory lock)', () => {
	let target: Target;
	beforeAll(async () => {
		target = await postgresTarget();
		await target.reset();
	});
	afterAll(async () => {
		await target?.dispose();
	});

	it('a second ingest refuses at once with --lock-wait 0, naming the writer (exit 4)', async () => {
		const a = await startSlowWriter(target);
		const b = await runCli(target, ['ingest', fixture.docs, '--lock-wait', '0']);
		const first = await a.finish();
		const state = await readState(target);
		expect([b.code, b.stdout, first.code]).toEqual([4, '', 0]);
		expect(b.stderr).toMatch(
			new RegExp(
				` / another ETL writer holds this database: sujarit-etl ingest pid ${a.pid} \\(PostgreSQL backend \\d+, since .+\\)\\. ` +
					`ลองใหม่เมื่อเสร็จ / try again once it has finished \\(or wait for it: --lock-wait SECONDS\\)\\.\\n$`
			)
		);
		// B wrote nothing, not even a run: the ledger holds A's run only.
		expect(state.runs.map((r) => [r.kind, r.status])).toEqual([['ingest', 'completed']]);
	});

	it('the lock outlives a server-side idle_session_timeout shorter than the run', async () => {
		await target.reset();
		const admin = await target.open();
		await admin.db.execute(
			sql.raw(`alter database ${target.where} set idle_session_timeout = '1s'`)
		);
		await admin.close();
		const a = await startSlowWriter(target);
		await new Promise((resolve) => setTimeout(resolve, 2500)); // A's lock connection idle 2.5 s
		const b = await runCli(target, ['ingest', fixture.docs, '--lock-wait', '0']);
		const first = await a.finish();
		expect([b.code, first.code, b.stderr.includes(`sujarit-etl ingest pid ${a.pid}`)]).toEqual([
			4,
			0,
			true
		]);
	});

	it('a second ingest waits for the first, and writes only once it has finished', async () => {
		await target.reset();
		const a = await startSlowWriter(target);
		let waiting!: () => void;
		const saidWaiting = new Promise<void>((resolve) => (waiting = resolve));
		const b = runCli(target, ['ingest', fixture.docs, '--lock-wait', '120'], {
			onStderr: (text) => {
				if (text.includes('waiting up to 120 s for sujarit-etl ingest pid')) waiting();
			}
		});
		await Promise.race([saidWaiting, b]); // b ending first (it did not wait) fails below
		const first = await a.finish();
		const second = await b;
		const handle = await target.open();
		const runs = await queryRows<{ id: number; status: string; after: boolean; docs: number }>(
			handle.db,
			sql`select r.id, r.status, r.loaded + r.duplicate + r.quarantined as docs,
					r.started_at >= coalesce((select max(p.finished_at) from load_runs p
						where p.id < r.id), r.started_at) as after
				from load_runs r order by r.id`
		);
		await handle.close();
		expect([first.code, second.code, runs]).toEqual([
			0,
			0,
			[
				{ id: 1, status: 'completed', docs: 1, after: true },
				// B's run started after A's had finished: its 23 documents include A's one, a duplicate.
				{ id: 2, status: 'completed', docs: 23, after: true }
			]
		]);
	});
});

describe('one ETL writer at a time (PGlite: the data-folder lock)', () => {
	let target: Target;
	beforeAll(async () => {
		target = await pgliteTarget(join(tmp.path, 'pglite'));
		await target.reset();
	});
	afterAll(async () => {
		await target?.dispose();
	});

	it('a second ingest is refused at once while the first runs, naming it (exit 4)', async () => {
		const a = await startSlowWriter(target);
		const b = await runCli(target, ['ingest', fixture.docs]);
		const first = await a.finish();
		const state = await readState(target);
		expect([b.code, first.code, state.runs.map((r) => [r.kind, r.status])]).toEqual([
			4,
			0,
			[['ingest', 'completed']]
		]);
		expect(b.stderr).toContain(
			`the PGlite data folder ${target.where} is in use by process ${a.pid}`
		);
	});
});
