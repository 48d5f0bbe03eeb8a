import { sql } from 'drizzle-orm';
import type { Database } from '../../../../db/client.ts';
import { queryRows } from '../../../../db/rows.ts';
import { NATIONAL, scopeWhere, type Scope } from './scope-where.ts';

/**
 * The data version, as the scope sees it: how many runs have finished and the last one, then
 * the transaction that last rebuilt fact_cube. Every write to the facts is made by a run (ETL
 * ingest, registry import, demo seed), a run finishes exactly once, and finishing rebuilds
 * fact_cube in one transaction (etl/load/runs.ts), so every cube row carries that transaction's
 * id as its xmin. The run ledger is for national readers only (row-level security, migration
 * 0004): a province-scoped reader sees no runs, and without the cube's xmin its version would
 * never move after an ETL run, serving stale extracts for good. A scope with no cube row at all
 * still sees '0.0.' until it has facts.
 *
 * `scope` is the transaction's own (inScope): any cube row it sees has the one xmin, and the
 * scope's province filter lets PostgreSQL find one through fact_cube_province_code_idx. Without
 * it, `limit 1` under the policy alone is a sequential scan that filters out every other
 * province's rows first: the cube is written in province order, and an officer of Narathiwat
 * (96) paid for ~385k of the national demo's 390k rows on every request (bench/load.ts).
 * Called for every cached extract, overview and figures request: it must stay two index-sized
 * reads.
 */
export async function dataVersion(db: Database, scope: Scope = NATIONAL): Promise<string> {
	const [row] = await queryRows<VersionRow>(
		db,
		sql`select count(*)::int as n, max(id) as last,
				(select xmin::text from fact_cube
					where ${scopeWhere(scope, sql`province_code`)} limit 1) as cube
			from load_runs where status <> 'running'`
	);
	return versionFromRow(row);
}

export type VersionRow = {
	n: number;
	last: number | string | null;
	cube: string | null;
};

/** The version as text: runs finished, the last run's id, the cube's xmin. */
export function versionFromRow(row: VersionRow | undefined): string {
	return `${row?.n ?? 0}.${row?.last ?? 0}.${row?.cube ?? ''}`;
}

/**
 * dataVersion's statement as SQL text, for the one-round-trip read (src/lib/server/db
 * quickRead, which takes no parameters): the province codes are checked to be two digits before
 * they are written into it. The same statement, the same version (tests/db/extracts.suite.ts).
 */
export function dataVersionText(scope: Scope = NATIONAL): string {
	let where = 'true';
	if (scope.kind === 'provinces') {
		const codes = [...new Set(scope.codes)].sort();
		if (codes.some((c) => !/^\d{2}$/.test(c))) throw new Error('bad province code in scope');
		where = codes.length ? `province_code in (${codes.map((c) => `'${c}'`).join(', ')})` : 'false';
	}
	return `select count(*)::int as n, max(id) as last,
			(select xmin::text from fact_cube where ${where} limit 1) as cube
		from load_runs where status <> 'running'`;
}

// (Its own file: a release records the version, and the release CLI must not pull in SvelteKit.)
