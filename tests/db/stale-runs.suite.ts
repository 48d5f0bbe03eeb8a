import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db, Driver } from '../../db/client.ts';
import { withTestDatabase } from '../../db/testing.ts';
import { finishRun, loadDocument, recordRunEvent, startRun } from '../../etl/load/index.ts';
import { abortStaleRuns } from '../../etl/load/stale-runs.ts';
import { parseDocument } from '../../etl/parse/index.ts';
import { importSampleRegistry, rows, sampleRegistry, SEED, seedText } from '../etl/helpers.ts';

const RUN = { kind: 'ingest', isSynthetic: false, parserVersion: 'sujarit-parse/1' } as const;

/**
 * Regression (crash campaign, tests/crash/): a writer killed with SIGKILL left its run
 * 'running' for ever, and the documents it had committed out of fact_cube until some later run
 * finished. abortStaleRuns closes such runs; the ETL calls it while holding the writer lock.
 */
export function registerStaleRunsSuite(driver: Driver): void {
	describe(`runs left running by a dead writer, on ${driver}`, () => {
		let handle: Db;

		beforeAll(async () => {
			handle = await withTestDatabase(driver);
			await importSampleRegistry(handle.db); // run 1, completed
		});

		afterAll(async () => {
			await handle?.close();
		});

		it('are closed as aborted, counted from what they committed, and fact_cube rebuilt', async () => {
			const { db } = handle;
			// Run 2 failed and was closed as such (which rebuilt fact_cube, empty then).
			const failed = await startRun(db, { ...RUN, source: 'broken/' });
			await finishRun(db, failed, {}, 'failed', 'load_failed');
			// Run 3 committed one document and met one skipped file, then its process died.
			const dead = await startRun(db, { ...RUN, source: 'plans/' });
			const text = seedText(SEED.annual);
			await loadDocument(db, {
				runId: dead,
				report: parseDocument(Buffer.from(text), { registry: sampleRegistry() }),
				origin: SEED.annual,
				originKind: 'file',
				byteSize: Buffer.byteLength(text),
				content: text,
				isSynthetic: false
			});
			await recordRunEvent(db, dead, {
				type: 'skipped',
				origin: 'notes.docx',
				code: 'unsupported_type',
				message: '.docx'
			});
			// Run 4 died before its first document.
			const empty = await startRun(db, { ...RUN, source: 'more/' });
			const cubeBefore = await rows(db, sql`select count(*)::int as n from fact_cube`);

			const aborted = await abortStaleRuns(db, 'aborted: test');
			const ledger = await rows(
				db,
				sql`select id, status, seen, loaded, quarantined, duplicate, skipped, failed, error,
						finished_at is not null as finished
					from load_runs order by id`
			);
			const cube = await rows(
				db,
				sql`select sum(plan_items)::int as plan_items, sum(planned_baht)::text as planned
					from fact_cube`
			);
			expect([aborted.map((r) => [r.id, r.kind, r.source, r.loaded, r.quarantined])]).toEqual([
				[
					[dead, 'ingest', 'plans/', 1, 0],
					[empty, 'ingest', 'more/', 0, 0]
				]
			]);
			expect(ledger).toEqual([
				{
					id: 1,
					status: 'completed',
					seen: 93,
					loaded: 93,
					quarantined: 0,
					duplicate: 0,
					skipped: 0,
					failed: 0,
					error: null,
					finished: true
				},
				{
					id: failed,
					status: 'failed',
					seen: 0,
					loaded: 0,
					quarantined: 0,
					duplicate: 0,
					skipped: 0,
					failed: 0,
					error: 'load_failed',
					finished: true
				},
				{
					id: dead,
					status: 'aborted',
					seen: 1,
					loaded: 1,
					quarantined: 0,
					duplicate: 0,
					skipped: 1,
					failed: 0,
					error: 'aborted: test',
					finished: true
				},
				{
					id: empty,
					status: 'aborted',
					seen: 0,
					loaded: 0,
					quarantined: 0,
					duplicate: 0,
					skipped: 0,
					failed: 0,
					error: 'aborted: test',
					finished: true
				}
			]);
			// The dead run's document was missing from fact_cube (no run had finished since it was
			// committed) and is in it now; a second call finds nothing to do.
			expect([cubeBefore, cube, await abortStaleRuns(db, 'again')]).toEqual([
				[{ n: 0 }],
				[{ plan_items: 35, planned: '185000.00' }],
				[]
			]);
		});
	});
}
