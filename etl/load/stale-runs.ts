import { sql } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { queryRows } from '../../db/rows.ts';
import type { RunKind } from '../../db/schema/values.ts';
import { refreshFactCube } from './fact-cube.ts';

export type AbortedRun = {
	id: number;
	kind: RunKind;
	source: string;
	startedAt: string;
	/** What it had committed, kept: documents (ingest, demo) or LAOs (registry). */
	loaded: number;
	quarantined: number;
};

/**
 * Closes the runs a dead process left 'running' (a kill -9, a crash, a lost machine) as
 * 'aborted', with a note. Call it ONLY while holding the ETL writer lock (etl/cli/writer.ts):
 * every process that opens runs from the command line holds that lock for its whole life, and
 * the lock dies with its process, so a run still 'running' while we hold it has nobody left to
 * finish it. (In-process callers of `ingest()` — tests, benches — take no lock and must not share
 * a database with a command-line writer.)
 *
 * Nothing is deleted: each document was written in one transaction, so what the run committed is
 * whole and stays, and its counts are set from it (loaded and quarantined documents, skipped and
 * failed entries; the duplicates it met left no trace, so they stay 0). fact_cube is rebuilt in
 * the same transaction, since the run died before it could, and an aborted run moves the data
 * version as a finished one does.
 */
export async function abortStaleRuns(db: Database, note: string): Promise<AbortedRun[]> {
	return db.transaction(async (tx) => {
		const stale = await queryRows<{ id: number }>(
			tx,
			sql`select id from load_runs where status = 'running' order by id for update`
		);
		if (stale.length === 0) return [];
		await refreshFactCube(tx);
		const aborted = await queryRows<AbortedRun>(
			tx,
			sql`update load_runs r
				set status = 'aborted', finished_at = now(), error = ${note},
					loaded = c.loaded, quarantined = c.quarantined, seen = c.loaded + c.quarantined,
					skipped = c.skipped, failed = c.failed
				from (
					select l.id,
						case when l.kind = 'registry'
							then (select count(*) from laos x where x.load_run_id = l.id)
							else (select count(*) from source_documents d
								where d.load_run_id = l.id and d.verdict <> 'quarantined')
						end::int as loaded,
						(select count(*) from source_documents d
							where d.load_run_id = l.id and d.verdict = 'quarantined')::int as quarantined,
						(select count(*) from run_events e
							where e.load_run_id = l.id and e.type = 'skipped')::int as skipped,
						(select count(*) from run_events e
							where e.load_run_id = l.id and e.type = 'failed')::int as failed
					from load_runs l where l.status = 'running'
				) c
				where r.id = c.id
				returning r.id, r.kind, r.source, r.started_at::text as "startedAt",
					c.loaded, c.quarantined`
		);
		return aborted.sort((a, b) => a.id - b.id);
	});
}
