import { sql } from 'drizzle-orm';
import type { Database } from '../../../../db/client.ts';
import { queryRows } from '../../../../db/rows.ts';

/**
 * The data version, as the scope sees it: how many runs have finished and the last one, then
 * the transaction that last rebuilt fact_cube. Every write to the facts is made by a run (ETL
 * ingest, registry import, demo seed), a run finishes exactly once, and finishing rebuilds
 * fact_cube in one transaction (etl/load/runs.ts), so every cube row carries that transaction's
 * id as its xmin. The run ledger is for national readers only (row-level security, migration
 * 0004): a province-scoped reader sees no runs, and without the cube's xmin its version would
 * never move after an ETL run, serving stale extracts for good. A scope with no cube row at all
 * still sees '0.0.' until it has facts. Two indexed one-row reads, cheap per request.
 */
export async function dataVersion(db: Database): Promise<string> {
	const [row] = await queryRows<{ n: number; last: number | null; cube: string | null }>(
		db,
		sql`select count(*)::int as n, max(id) as last,
				(select xmin::text from fact_cube limit 1) as cube
			from load_runs where status <> 'running'`
	);
	return `${row?.n ?? 0}.${row?.last ?? 0}.${row?.cube ?? ''}`;
}

// (Its own file: a release records the version, and the release CLI must not pull in SvelteKit.)
