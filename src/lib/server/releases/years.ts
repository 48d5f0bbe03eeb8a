import { sql } from 'drizzle-orm';
import type { Database } from '../../../../db/client.ts';
import { queryRows } from '../../../../db/rows.ts';

/** The fiscal years (BE) a release has figures or LAOs for, ascending. */
export async function releaseYears(db: Database, releaseId: number): Promise<number[]> {
	const rows = await queryRows<{ fiscal_year: number }>(
		db,
		sql`select fiscal_year from release_figures where release_id = ${releaseId}
			union select fiscal_year from release_laos where release_id = ${releaseId}
			order by 1`
	);
	return rows.map((r) => r.fiscal_year);
}
