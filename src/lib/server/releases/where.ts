import { sql, type SQL } from 'drizzle-orm';
import type { ViewFilters } from '../../state/url-filters.ts';
import { inParams } from '../extracts/fact-rows.ts';

/**
 * The view's filters on a release table (release_figures or release_laos, which name their
 * columns alike), always within one release. release_laos has no มิติ: a มิติ filter does not
 * narrow it. Values are parameters, never inlined.
 */
export function releaseWhere(
	table: 'release_figures' | 'release_laos',
	releaseId: number,
	filters: ViewFilters
): SQL {
	const clauses = [
		sql`release_id = ${releaseId}`,
		inParams(sql`province_code`, filters.provinces),
		inParams(sql`lao_type`, filters.laoTypes),
		table === 'release_figures' ? inParams(sql`dimension`, filters.dimensions) : null,
		inParams(sql`fiscal_year`, filters.fiscalYears)
	].filter((c): c is SQL => c !== null);
	return sql.join(clauses, sql` and `);
}
