import { sql } from 'drizzle-orm';
import type { Database } from '../../../../db/client.ts';
import { queryRows } from '../../../../db/rows.ts';

/**
 * The data version: how many runs have finished, and the last one. Every write to the facts is
 * made by a run (ETL ingest, registry import, demo seed), and a run finishes exactly once, so
 * the count moves whenever the data may have; one indexed aggregate, cheap per request.
 * (Its own file: a release records it, and the release CLI must not pull in SvelteKit.)
 */
export async function dataVersion(db: Database): Promise<string> {
	const [row] = await queryRows<{ n: number; last: number | null }>(
		db,
		sql`select count(*)::int as n, max(id) as last from load_runs where status <> 'running'`
	);
	return `${row?.n ?? 0}.${row?.last ?? 0}`;
}
